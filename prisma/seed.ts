/**
 * Demo data for `npm run demo`: fills an EMPTY database only. Never run by `npm start`.
 * Features add their demo data here (after the districts they build on).
 */
import type { Db } from "../app/utils/db.server.ts";
import { centers, districts } from "./data/annaka.ts";

export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  if ((await db.district.count()) > 0) return { seeded: false };
  await db.$transaction(async (tx) => {
    await tx.district.createMany({ data: districts.map((d) => ({ code: d.code, name: d.name, nameKana: d.nameKana, area: d.area })) });
    const idByCode = new Map((await tx.district.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
    for (const c of centers) {
      await tx.communityCenter.create({
        data: {
          name: c.name,
          nameKana: c.nameKana,
          address: c.address,
          phone: c.phone,
          latitude: c.lat,
          longitude: c.lon,
          availableDays: c.availableDays,
          openTime: c.openTime,
          closeTime: c.closeTime,
          barrierFree: c.barrierFree,
          organization: "",
          districts: { create: c.districtCodes.map((code) => ({ districtId: idByCode.get(code)! })) },
        },
      });
    }
  });
  return { seeded: true };
}
