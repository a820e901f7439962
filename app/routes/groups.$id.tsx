import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Link, useLoaderData } from "@remix-run/react";
import { fiscalYearLabel, formatIsoDate, isIsoDate } from "../platform/dates.ts";
import { givenMemberCount } from "../groups/rules.ts";
import { useLang, useT } from "../i18n/index.ts";
import { groupDirectoryMessages } from "../groups/messages/groupDirectory.ts";
import { activityFieldLabel } from "../groups/messages/groups.ts";
import { getPublicProfile } from "../groups/directory.server.ts";
import { pageTitle } from "../platform/meta.ts";
import groupStyles from "../groups/ui/groups.css?url";
import { idParam } from "../platform/forms/params.ts";
import { PhoneLink } from "../components/phone-link.tsx";
import { useJapaneseContent } from "../components/lang.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: groupStyles }];

export const handle = { messages: [groupDirectoryMessages] };
export const meta: MetaFunction<typeof loader> = (args) => {
  const profile = args.data?.profile;
  if (!profile) return [...pageTitle(args, (t) => t("groupDirectory.ended.title"), ...handle.messages), { name: "robots", content: "noindex" }];
  return pageTitle(args, () => profile.name);
};

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lookup = await getPublicProfile(idParam(params.id));
  if (lookup.status === "unknown") throw new Response("Not Found", { status: 404 });
  // The registration has ended: say so and nothing more (the profile is no longer public). A 410
  // without caching headers is kept fresh for ever by browsers: this one is asked again each time
  // (the group may register again, the visitor may switch language).
  if (lookup.status === "ended") return data({ profile: null }, { status: 410, headers: { "X-Robots-Tag": "noindex", "Cache-Control": "no-cache" } });
  return { profile: lookup.profile };
}

const EXTERNAL = "noopener noreferrer";

export default function GroupProfile() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const ja = useJapaneseContent();
  const { profile } = useLoaderData<typeof loader>();
  if (!profile) {
    return (
      <>
        <h1>{t("groupDirectory.ended.title")}</h1>
        <p>{t("groupDirectory.ended.body")}</p>
        <p>
          <Link to="/groups">{t("groupDirectory.profile.back")}</Link>
        </p>
      </>
    );
  }
  const hasContact = Boolean(profile.phone || profile.email || profile.website || profile.sns);
  const wanted = (yes: boolean) => t(yes ? "groupDirectory.profile.yes" : "groupDirectory.profile.no");
  return (
    <article className="group-profile">
      <h1 lang={ja}>
        <ruby>
          {profile.name}
          <rp>（</rp>
          <rt>{profile.nameKana}</rt>
          <rp>）</rp>
        </ruby>
      </h1>
      <p className="lead">{t("groupDirectory.profile.lead")}</p>
      {profile.logoFile ? (
        <p>
          <img
            className="logo"
            src={`/uploads/${encodeURIComponent(profile.logoFile)}`}
            alt={t("groupDirectory.profile.logoAlt", { name: profile.name })}
          />
        </p>
      ) : null}

      <h2>{t("groupDirectory.profile.about")}</h2>
      <dl className="facts">
        <dt>{t("groupDirectory.profile.nameKana")}</dt>
        <dd lang={ja}>{profile.nameKana}</dd>
        <dt>{t("groupDirectory.kind")}</dt>
        <dd>{t(`groups.kind.${profile.kind}`)}</dd>
        {profile.representativeName ? (
          <>
            <dt>{t("groupDirectory.profile.representative")}</dt>
            <dd lang={ja}>{profile.representativeName}</dd>
          </>
        ) : null}
        {isIsoDate(profile.foundedOn) ? (
          <>
            <dt>{t("groupDirectory.profile.foundedOn")}</dt>
            <dd>{formatIsoDate(profile.foundedOn, lang)}</dd>
          </>
        ) : null}
        {givenMemberCount(profile.memberCount) !== null ? (
          <>
            <dt>{t("groupDirectory.profile.memberCount")}</dt>
            <dd>{t("groups.memberCount", { count: profile.memberCount })}</dd>
          </>
        ) : null}
        <dt>{t("groupDirectory.profile.welcomesMembers")}</dt>
        <dd>{wanted(profile.welcomesMembers)}</dd>
        <dt>{t("groupDirectory.profile.welcomesVolunteers")}</dt>
        <dd>{wanted(profile.welcomesVolunteers)}</dd>
      </dl>
      <h3>{t("groupDirectory.profile.purpose")}</h3>
      <p className="prose" lang={ja}>
        {profile.purpose}
      </p>

      <h2>{t("groupDirectory.profile.activity")}</h2>
      <h3>{t("groupDirectory.profile.activities")}</h3>
      <p className="prose" lang={ja}>
        {profile.activities}
      </p>
      <dl className="facts">
        <dt>{t("groupDirectory.fields")}</dt>
        <dd>
          <ul className="field-list">
            {profile.fields.map((f) => (
              <li key={f}>{activityFieldLabel(t, f)}</li>
            ))}
          </ul>
        </dd>
        {profile.mainDistrict ? (
          <>
            <dt>{t("groupDirectory.mainDistrict")}</dt>
            <dd lang={ja}>{profile.mainDistrict}</dd>
          </>
        ) : null}
        {profile.districts.length ? (
          <>
            <dt>{t("groupDirectory.profile.districts")}</dt>
            <dd lang={ja}>{profile.districts.join(t("groupDirectory.listSeparator"))}</dd>
          </>
        ) : null}
        {profile.meetingPlace ? (
          <>
            <dt>{t("groupDirectory.profile.meetingPlace")}</dt>
            <dd lang={ja}>{profile.meetingPlace}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t("groupDirectory.profile.contact")}</h2>
      {hasContact ? (
        <dl className="facts">
          {profile.phone ? (
            <>
              <dt>{t("groupDirectory.profile.phone")}</dt>
              <dd>
                <PhoneLink number={profile.phone} />
              </dd>
            </>
          ) : null}
          {profile.email ? (
            <>
              <dt>{t("groupDirectory.profile.email")}</dt>
              <dd>
                <a href={`mailto:${profile.email}`}>{profile.email}</a>
              </dd>
            </>
          ) : null}
          {profile.website ? (
            <>
              <dt>{t("groupDirectory.profile.website")}</dt>
              <dd>
                <a href={profile.website} rel={EXTERNAL}>
                  {profile.website}
                </a>
              </dd>
            </>
          ) : null}
          {profile.sns ? (
            <>
              <dt>{t("groupDirectory.profile.sns")}</dt>
              <dd>
                <a href={profile.sns} rel={EXTERNAL}>
                  {profile.sns}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>{t("groupDirectory.profile.noContact")}</p>
      )}

      <h2>{t("groupDirectory.profile.registration")}</h2>
      <dl className="facts">
        <dt>{t("groupDirectory.profile.fiscalYear")}</dt>
        <dd>{fiscalYearLabel(profile.fiscalYear, lang)}</dd>
        <dt>{t("groupDirectory.profile.validThrough")}</dt>
        <dd>{formatIsoDate(profile.validThrough, lang)}</dd>
      </dl>
      <p>
        <Link to="/groups">{t("groupDirectory.profile.back")}</Link>
      </p>
    </article>
  );
}
