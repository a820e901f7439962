import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/index.ts";
import { useJapaneseContent } from "../components/lang.tsx";
import { districtsMessages } from "../districts/messages.ts";
import { listDistrictsWithCenters } from "../districts/district.server.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [districtsMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("districts.title"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const [all, districts] = await Promise.all([listDistrictsWithCenters(), listDistrictsWithCenters(q)]);
  return { q, total: all.length, districts };
}

export default function Districts() {
  const t = useT(...handle.messages);
  const ja = useJapaneseContent();
  const { q, total, districts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("districts.title")}</h1>
      <p className="lead">{t("districts.lead", { count: total })}</p>
      <Form method="get" role="search" className="search-form">
        <div className="field">
          <label htmlFor="q">{t("districts.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <button type="submit" className="button">
          {t("districts.searchButton")}
        </button>
      </Form>
      <p role="status">{t("districts.resultCount", { count: districts.length })}</p>
      {districts.length === 0 ? (
        <p>{t("districts.none")}</p>
      ) : (
        // Focusable and named, so that a keyboard can scroll it on a narrow screen.
        <div className="table-scroll" role="region" aria-labelledby="districts-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="districts-table">
              {t("districts.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("districts.code")}</th>
                <th scope="col">{t("districts.name")}</th>
                <th scope="col">{t("districts.area")}</th>
                <th scope="col">{t("districts.centers")}</th>
              </tr>
            </thead>
            <tbody>
              {districts.map((d) => (
                <tr key={d.id}>
                  <td>{d.code}</td>
                  <th scope="row">
                    <ruby lang={ja}>
                      {d.name}
                      <rp>（</rp>
                      <rt>{d.nameKana}</rt>
                      <rp>）</rp>
                    </ruby>
                    <br />
                    <a href={`/groups?district=${d.id}`} className="small-link">
                      {t("districts.groupsIn", { name: d.name })}
                    </a>
                  </th>
                  <td lang={ja}>{d.area}</td>
                  <td>
                    {d.centers.length === 0 ? (
                      t("districts.noCenter")
                    ) : (
                      <ul lang={ja}>
                        {d.centers.map((c) => (
                          <li key={c.id}>
                            <Link to={`/centers/${c.id}`}>{c.name}</Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
