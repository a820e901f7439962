import { db } from "../platform/db.server.ts";
import { toSearchText } from "../platform/search.ts";

/** Districts in code order with the centres that serve them; `query` filters by name or kana. */
export async function listDistrictsWithCenters(query = "") {
  const districts = await db.district.findMany({
    orderBy: { code: "asc" },
    include: { centers: { include: { center: { select: { id: true, name: true } } }, orderBy: { centerId: "asc" } } },
  });
  const needle = toSearchText(query);
  const rows = districts.map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    nameKana: d.nameKana,
    area: d.area,
    centers: d.centers.map((c) => c.center),
  }));
  if (!needle) return rows;
  return rows.filter((d) =>
    toSearchText([d.name, d.nameKana, d.area, ...d.centers.map((c) => c.name)].join(" ")).includes(needle),
  );
}

export async function getCenter(id: number) {
  return db.communityCenter.findUnique({
    where: { id },
    include: { districts: { include: { district: { select: { id: true, code: true, name: true } } } } },
  });
}
