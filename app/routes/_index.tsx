import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { describedBy, FieldMessages } from "../components/form.tsx";
import { lookupMessage, translator, useT } from "../i18n/index.ts";
import { homeMessages } from "../i18n/home.ts";
import { getLang } from "../i18n/lang.server.ts";
import { now } from "../platform/clock.server.ts";
import { HOME_ENTRIES_MAX } from "../platform/contributions.ts";
import { contributedMessages, homeSections } from "../platform/domains.contributions.ts";
import { homeEntries } from "../platform/domains.contributions.server.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [homeMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, null);

/**
 * Every domain's blocks (platform/contributions.ts HomeSection), their texts looked up here: the
 * page carries the few strings it shows, not the catalogues of every domain. A block that lists
 * entries gets the first few from its domain's server part (HomeEntries), read now.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLang(request);
  const t = translator(lang, ...contributedMessages());
  const text = (key: string) => lookupMessage(t, key) ?? key;
  const lists = homeEntries();
  const at = now();
  const sections = await Promise.all(
    homeSections().map(async (s) => {
      const list = s.entries ? lists.get(s.id) : undefined;
      const items = list ? await list.entries({ lang, at, limit: HOME_ENTRIES_MAX }) : [];
      return {
        id: s.id,
        size: s.size,
        href: s.href,
        title: text(s.title),
        body: text(s.body),
        search: s.search ? { action: s.search.action, name: s.search.name, label: text(s.search.label), hint: s.search.hint ? text(s.search.hint) : null, button: text(s.search.button) } : null,
        entries: !s.entries || !list ? null : items.length > 0 ? { heading: text(s.entries.heading), all: text(s.entries.all), items } : { none: text(s.entries.none) },
      };
    }),
  );
  return { main: sections.filter((s) => s.size === "main"), more: sections.filter((s) => s.size === "more") };
}

type Section = Awaited<ReturnType<typeof loader>>["main"][number];

function Block({ section }: { section: Section }) {
  const searchId = `${section.id.replace(/\W/g, "-")}-search`;
  return (
    <li className="home-block">
      <h3>
        <Link to={section.href}>{section.title}</Link>
      </h3>
      <p>{section.body}</p>
      {section.entries ? <Entries id={section.id} href={section.href} entries={section.entries} /> : null}
      {section.search ? (
        // A plain GET form: the page it opens is sent without scripts (decision 0012).
        <form method="get" action={section.search.action} role="search" className="search-form">
          <div className="field">
            <label htmlFor={searchId}>{section.search.label}</label>
            <FieldMessages name={searchId} hint={section.search.hint ?? undefined} />
            <input id={searchId} name={section.search.name} type="search" maxLength={100} aria-describedby={describedBy(searchId, section.search.hint ?? undefined)} />
          </div>
          <button type="submit" className="button">
            {section.search.button}
          </button>
        </form>
      ) : null}
    </li>
  );
}

/** What a block lists from the records: a few links with a line each, or one line saying there is none. */
function Entries({ id, href, entries }: { id: string; href: string; entries: NonNullable<Section["entries"]> }) {
  if ("none" in entries) return <p>{entries.none}</p>;
  const headingId = `${id.replace(/\W/g, "-")}-entries`;
  return (
    <>
      <h4 id={headingId}>{entries.heading}</h4>
      <ul className="home-entries" aria-labelledby={headingId}>
        {entries.items.map((item) => (
          <li key={item.key}>
            <Link to={item.href}>{item.title}</Link>
            <span>{item.note}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to={href}>{entries.all}</Link>
      </p>
    </>
  );
}

export default function Home() {
  const t = useT(...handle.messages);
  const { main, more } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("site.name")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <h2 className="visually-hidden">{t("home.sections")}</h2>
      <ul className="home-main">
        {main.map((s) => (
          <Block key={s.id} section={s} />
        ))}
      </ul>
      <h2>{t("home.more")}</h2>
      <ul className="cards">
        {more.map((s) => (
          <Block key={s.id} section={s} />
        ))}
      </ul>
      <h2>{t("home.plan.title")}</h2>
      <p>{t("home.plan.body")}</p>
    </>
  );
}
