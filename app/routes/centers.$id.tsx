import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/index.ts";
import { Ja, useJapaneseContent } from "../components/lang.tsx";
import { districtsMessages } from "../districts/messages.ts";
import { getCenter } from "../districts/district.server.ts";
import { mapLink } from "../districts/map-link.ts";
import { pageTitle } from "../platform/meta.ts";
import { idParam } from "../platform/forms/params.ts";
import { PhoneLink } from "../components/phone-link.tsx";

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
      map: mapLink(center.latitude, center.longitude),
      description: center.description,
      districts: center.districts.map((d) => d.district).sort((a, b) => a.code.localeCompare(b.code)),
    },
  };
}

export default function Center() {
  const t = useT(...handle.messages);
  const { center } = useLoaderData<typeof loader>();
  const ja = useJapaneseContent();
  return (
    <>
      <h1 lang={ja}>
        <ruby>
          {center.name}
          <rp>（</rp>
          <rt>{center.nameKana}</rt>
          <rp>）</rp>
        </ruby>
      </h1>
      {center.description ? <p lang={ja}>{center.description}</p> : null}
      <dl className="facts">
        <dt>{t("center.address")}</dt>
        <dd>
          <Ja>{center.address}</Ja>
          {center.map ? (
            <>
              <br />
              <a href={center.map}>{t("center.map")}</a>
            </>
          ) : null}
        </dd>
        <dt>{t("center.phone")}</dt>
        <dd>{center.phone ? <PhoneLink number={center.phone} /> : null}</dd>
        <dt>{t("center.days")}</dt>
        <dd lang={ja}>{center.availableDays}</dd>
        <dt>{t("center.hours")}</dt>
        <dd>
          {center.hours}
          {center.availabilityNote ? <Ja> {center.availabilityNote}</Ja> : null}
        </dd>
        <dt>{t("center.barrierFree")}</dt>
        <dd lang={ja}>{center.barrierFree}</dd>
      </dl>
      <h2>{t("center.serves")}</h2>
      <ul>
        {center.districts.map((d) => (
          <li key={d.id}>
            {t("center.districtWithCode", { name: d.name, code: d.code })}{" "}
            <a href={`/groups?district=${d.id}`}>{t("districts.groupsIn", { name: d.name })}</a>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/districts">{t("center.back")}</Link>
      </p>
    </>
  );
}
