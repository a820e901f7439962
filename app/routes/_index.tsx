import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { describedBy, FieldMessages } from "../components/form.tsx";
import { lookupMessage, translator, useT } from "../i18n/index.ts";
import { homeMessages } from "../i18n/home.ts";
import { getLang } from "../i18n/lang.server.ts";
import { contributedMessages, homeSections } from "../platform/domains.contributions.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [homeMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, null);

/**
 * Every domain's blocks (platform/contributions.ts HomeSection), their texts looked up here: the
 * page carries the few strings it shows, not the catalogues of every domain.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = translator(getLang(request), ...contributedMessages());
  const text = (key: string) => lookupMessage(t, key) ?? key;
  const sections = homeSections().map((s) => ({
    id: s.id,
    size: s.size,
    href: s.href,
    title: text(s.title),
    body: text(s.body),
    search: s.search ? { action: s.search.action, name: s.search.name, label: text(s.search.label), hint: s.search.hint ? text(s.search.hint) : null, button: text(s.search.button) } : null,
  }));
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
