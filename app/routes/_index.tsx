import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/index.ts";
import { homeMessages } from "../i18n/home.ts";
import { countDistricts } from "../districts/district.server.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [homeMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, null);

export async function loader(_: LoaderFunctionArgs) {
  return { districtCount: await countDistricts() };
}

export default function Home() {
  const t = useT(...handle.messages);
  const { districtCount } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("site.name")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <h2>{t("home.sections")}</h2>
      <ul className="cards">
        <li>
          <h3>
            <Link to="/districts">{t("home.districts.title")}</Link>
          </h3>
          <p>{t("home.districts.body", { count: districtCount })}</p>
        </li>
        <li>
          <h3>
            <Link to="/contact">{t("home.contact.title")}</Link>
          </h3>
          <p>{t("home.contact.body")}</p>
        </li>
        <li>
          <h3>{t("home.plan.title")}</h3>
          <p>{t("home.plan.body")}</p>
        </li>
      </ul>
    </>
  );
}
