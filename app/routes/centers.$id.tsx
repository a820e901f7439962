import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/index.ts";
import { districtsMessages } from "../districts/messages.ts";
import { getCenter } from "../districts/district.server.ts";
import { pageTitle } from "../platform/meta.ts";
import { idParam } from "../platform/forms/params.ts";

export const handle = { messages: [districtsMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, () => args.data?.center.name);

export async function loader({ params }: LoaderFunctionArgs) {
  const center = await getCenter(idParam(params.id));
  if (!center) throw new Response("Not Found", { status: 404 });
  return {
    center: {
      name: center.name,
      nameKana: center.nameKana,
      address: [center.address, center.addressExtra].filter(Boolean).join(" "),
      phone: center.phone,
      availableDays: center.availableDays,
      hours: center.openTime && center.closeTime ? `${center.openTime}〜${center.closeTime}` : "",
      availabilityNote: center.availabilityNote,
      barrierFree: center.barrierFree,
      description: center.description,
      districts: center.districts.map((d) => d.district).sort((a, b) => a.code.localeCompare(b.code)),
    },
  };
}

export default function Center() {
  const t = useT(...handle.messages);
  const { center } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>
        <ruby>
          {center.name}
          <rp>（</rp>
          <rt>{center.nameKana}</rt>
          <rp>）</rp>
        </ruby>
      </h1>
      {center.description ? <p>{center.description}</p> : null}
      <dl className="facts">
        <dt>{t("center.address")}</dt>
        <dd>{center.address}</dd>
        <dt>{t("center.phone")}</dt>
        <dd>{center.phone ? <a href={`tel:${center.phone.replace(/[^0-9+]/g, "")}`}>{center.phone}</a> : null}</dd>
        <dt>{t("center.days")}</dt>
        <dd>{center.availableDays}</dd>
        <dt>{t("center.hours")}</dt>
        <dd>
          {center.hours}
          {center.availabilityNote ? ` ${center.availabilityNote}` : null}
        </dd>
        <dt>{t("center.barrierFree")}</dt>
        <dd>{center.barrierFree}</dd>
      </dl>
      <h2>{t("center.serves")}</h2>
      <ul>
        {center.districts.map((d) => (
          <li key={d.id}>
            {t("center.districtWithCode", { name: d.name, code: d.code })}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/districts">{t("center.back")}</Link>
      </p>
    </>
  );
}
