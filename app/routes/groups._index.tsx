import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Fragment, useMemo } from "react";
import { SelectField, TextField, type SelectOption, type SelectOptionGroup } from "../components/form.tsx";
import { choiceSections } from "../components/form-choices.tsx";
import { KeptHtml, keptHtmlStore } from "../components/kept-html.tsx";
import { useJapaneseContent } from "../components/lang.tsx";
import { useLang, useT } from "../i18n/index.ts";
import { groupDirectoryMessages } from "../groups/messages/groupDirectory.ts";
import { activityFieldLabel } from "../groups/messages/groups.ts";
import { directoryPageWithDistricts, type DirectoryPage, type DistrictOption } from "../groups/directory.server.ts";
import { ACTIVITY_FIELDS } from "../groups/rules.ts";
import {
  directoryHref,
  DIRECTORY_SORTS,
  MAX_QUERY_LENGTH,
  pageWindow,
  parseDirectoryQuery,
  type DirectoryQuery,
  type Highlighted,
} from "../groups/search.ts";
import { pageTitle } from "../platform/meta.ts";
import groupStyles from "../groups/ui/groups.css?url";

/**
 * The directory is sent as HTML without the app's scripts (half the bytes; decision 0012): the
 * search is a GET form and every result and page a plain link, so nothing on it needs them.
 */
export const handle = { hydrate: false, messages: [groupDirectoryMessages] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: groupStyles }];

export const meta: MetaFunction<typeof loader> = (args) => {
  const title = pageTitle(args, (t) => t("groupDirectory.title"), ...handle.messages);
  const page = args.data?.page ?? 1;
  return page > 1 ? [{ title: `${page} - ${title[0].title}` }] : title;
};

type DirectoryView = { result: DirectoryPage; districts: { id: number; name: string; area: string }[] };

/**
 * The JSON of each kept answer (searchDirectory hands the same object to every request that asks
 * the same while nothing changed), made once per answer and district list.
 */
const viewJson = new WeakMap<DirectoryPage, { districts: DistrictOption[]; json: string }>();

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseDirectoryQuery(new URL(request.url).searchParams);
  const { result, districts } = await directoryPageWithDistricts(query);
  // The results and the filter's districts travel as one JSON string: Remix encodes loader
  // data value by value (turbo-stream), some 700 values for this page, a tenth of its server
  // time, even though this page sends no data to a browser (hydrate: false). Only what the
  // filter shows goes in.
  let kept = viewJson.get(result);
  if (kept?.districts !== districts) {
    const view: DirectoryView = { result, districts: districts.map((d) => ({ id: d.id, name: d.name, area: d.area })) };
    kept = { districts, json: JSON.stringify(view) };
    viewJson.set(result, kept);
  }
  return { query, page: result.page, view: kept.json };
}

/**
 * The parsed views of the most recent JSON strings: on the server the same string arrives from
 * the loader for a kept answer, and parsing it was about a twentieth of the page's CPU. The
 * view is only read while rendering.
 */
const PARSED_VIEWS = 50;
const parsedViews = new Map<string, DirectoryView>();
function parseView(json: string): DirectoryView {
  let view = parsedViews.get(json);
  if (!view) {
    view = JSON.parse(json) as DirectoryView;
    if (parsedViews.size >= PARSED_VIEWS) parsedViews.delete(parsedViews.keys().next().value as string);
    parsedViews.set(json, view);
  }
  return view;
}

function Marked({ parts }: { parts: Highlighted }) {
  return (
    <>
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

/** The pagination's contents (its <nav> is the page's): where we are, and links to the pages around. */
function Pages({ query, page, pageCount }: { query: DirectoryQuery; page: number; pageCount: number }) {
  const t = useT(...handle.messages);
  return (
    <>
      <p>{t("groupDirectory.pageOf", { page, count: pageCount })}</p>
      <ul>
        {page > 1 ? (
          <li>
            <Link to={directoryHref(query, page - 1)} rel="prev">
              {t("groupDirectory.prev")}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true">
              <span>…</span>
            </li>
          ) : (
            <li key={p}>
              <Link
                to={directoryHref(query, p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={t("groupDirectory.pageLabel", { page: p })}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link to={directoryHref(query, page + 1)} rel="next">
              {t("groupDirectory.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}

/** Whether the search asks for more than words: then the filters are shown open. */
function hasFilters(query: DirectoryQuery): boolean {
  return Boolean(query.field || query.district || query.volunteers || query.sort !== DIRECTORY_SORTS[0]);
}

/** The search form's contents: the words, and the filters behind one button. */
function SearchFields({ query, districts }: { query: DirectoryQuery; districts: DirectoryView["districts"] }) {
  const t = useT(...handle.messages);
  const ja = useJapaneseContent();
  // By area (地区), as on the registration form; districts without an area stand alone.
  const districtOptions = choiceSections(districts, (d) => d.area, (d) => ({ value: String(d.id), label: d.name })).flatMap((section): (SelectOption | SelectOptionGroup)[] =>
    section.title ? [{ group: section.title, lang: ja, options: section.options }] : section.options.map((o) => ({ ...o, lang: ja })),
  );
  return (
    <>
      <div className="directory-search__words">
        <TextField
          name="q"
          type="search"
          label={t("groupDirectory.q")}
          hint={t("groupDirectory.qHint")}
          defaultValue={query.q}
          maxLength={MAX_QUERY_LENGTH}
        />
        <button type="submit" className="button">
          {t("groupDirectory.submit")}
        </button>
      </div>
      <details className="directory-filters" open={hasFilters(query)}>
        <summary>{t("groupDirectory.filters")}</summary>
        <p className="hint">{t("groupDirectory.filtersHint")}</p>
        <div className="filters">
          <SelectField
            name="field"
            label={t("groupDirectory.field")}
            defaultValue={query.field ? String(query.field) : ""}
            options={[
              { value: "", label: t("groupDirectory.fieldAny") },
              ...ACTIVITY_FIELDS.map((f) => ({ value: String(f), label: activityFieldLabel(t, f) })),
            ]}
          />
          <SelectField
            name="district"
            label={t("groupDirectory.district")}
            defaultValue={query.district ? String(query.district) : ""}
            options={[{ value: "", label: t("groupDirectory.districtAny") }, ...districtOptions]}
          />
          <SelectField
            name="sort"
            label={t("groupDirectory.sort")}
            defaultValue={query.sort}
            options={DIRECTORY_SORTS.map((s) => ({ value: s, label: t(`groupDirectory.sort.${s}`) }))}
          />
        </div>
        <div className="check">
          <input id="volunteers" name="volunteers" type="checkbox" value="1" defaultChecked={query.volunteers} />
          <label htmlFor="volunteers">{t("groupDirectory.volunteers")}</label>
        </div>
        <div className="buttons">
          <button type="submit" className="button">
            {t("groupDirectory.submit")}
          </button>
          <Link to="/groups">{t("groupDirectory.clear")}</Link>
        </div>
      </details>
    </>
  );
}

/**
 * The search form, the results and the pagination are the same for every request of a kept
 * answer in one language and for one search: on the server each is rendered to HTML once per
 * parsed view (one per kept answer and district list), language and query, and placed as that
 * HTML after (components/kept-html.tsx, decision 0032). The layout around them (the user's
 * menu, the language switch's return address) is rendered for every request.
 */
const keptForms = keptHtmlStore();
const keptResults = keptHtmlStore();
const keptPagination = keptHtmlStore();

export default function GroupDirectory() {
  const t = useT(...handle.messages);
  const ja = useJapaneseContent();
  const lang = useLang();
  const location = useLocation();
  const { query, view } = useLoaderData<typeof loader>();
  const parsed = useMemo(() => parseView(view), [view]);
  const { result, districts } = parsed;
  const separator = t("groupDirectory.listSeparator");
  // What the form and the pagination show besides the view: the language and the search asked.
  const asked = `${lang} ${JSON.stringify(query)}`;
  const searchForm = (
    // Keyed by the URL so that the fields show the search of the page after every navigation.
    <Form method="get" action="/groups" role="search" className="directory-search" key={location.search} aria-label={t("groupDirectory.searchLegend")} />
  );
  return (
    <>
      <h1>{t("groupDirectory.title")}</h1>
      <p className="lead">{t("groupDirectory.lead")}</p>

      {/* The words first, the filters behind one button. */}
      <KeptHtml element={searchForm} store={keptForms} by={parsed} variant={asked}>
        {() => <SearchFields query={query} districts={districts} />}
      </KeptHtml>

      <h2 className="visually-hidden">{t("groupDirectory.results")}</h2>
      <p role="status">
        {result.total === 0
          ? t("groupDirectory.countNone")
          : t("groupDirectory.count", { total: result.total, from: result.from, to: result.to })}
      </p>
      {result.total === 0 ? <p>{t("groupDirectory.noneHint")}</p> : null}

      {result.groups.length ? (
        <KeptHtml element={<ul className="group-results" />} store={keptResults} by={parsed} variant={lang}>
          {() =>
            result.groups.map((g) => (
              <li key={g.id}>
                <h3 lang={ja}>
                  <Link to={`/groups/${g.id}`}>
                    <Marked parts={g.name} />
                  </Link>
                </h3>
                <p className="kana" lang={ja}>
                  {g.nameKana}
                </p>
                <dl>
                  <div>
                    <dt>{t("groupDirectory.kind")}</dt>
                    <dd>{t(`groups.kind.${g.kind}`)}</dd>
                  </div>
                  <div>
                    <dt>{t("groupDirectory.fields")}</dt>
                    <dd>{g.fields.map((f) => activityFieldLabel(t, f)).join(separator)}</dd>
                  </div>
                  {g.mainDistrict ? (
                    <div>
                      <dt>{t("groupDirectory.mainDistrict")}</dt>
                      <dd lang={ja}>{g.mainDistrict}</dd>
                    </div>
                  ) : null}
                </dl>
                {g.welcomesVolunteers ? <p className="badge">{t("groupDirectory.volunteersWanted")}</p> : null}
                {g.excerpt.parts.length ? (
                  <p className="excerpt" lang={ja}>
                    {g.excerpt.before ? "…" : null}
                    <Marked parts={g.excerpt.parts} />
                    {g.excerpt.after ? "…" : null}
                  </p>
                ) : null}
              </li>
            ))
          }
        </KeptHtml>
      ) : null}

      {result.pageCount > 1 ? (
        <KeptHtml element={<nav className="pagination" aria-label={t("groupDirectory.pagination")} />} store={keptPagination} by={parsed} variant={asked}>
          {() => <Pages query={query} page={result.page} pageCount={result.pageCount} />}
        </KeptHtml>
      ) : null}

      <p className="directory-register">
        {t("groupDirectory.registerLead")} <Link to="/groups/new">{t("groupDirectory.register")}</Link>
      </p>
      <p>
        {t("groupDirectory.openData")} <a href="/opendata/groups.csv">{t("groupDirectory.openDataCsv")}</a>
        {separator}
        <a href="/opendata/groups.json">{t("groupDirectory.openDataJson")}</a>
      </p>
    </>
  );
}
