import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "./components/error-page.tsx";
import { KeptHtml, keptHtmlStore } from "./components/kept-html.tsx";
import { useNonce } from "./components/nonce.tsx";
import { sendsScripts } from "./components/scripts.ts";
import { NAV_ITEMS } from "./components/site-nav.ts";
import { DEFAULT_LANG, translator, type Lang } from "./i18n/index.ts";
import { getLang } from "./i18n/lang.server.ts";
import { getAuthenticatedSession } from "./auth/guards.server.ts";
import { isStaff } from "./auth/permissions.ts";
import { city } from "./config/city.ts";
import stylesheet from "./styles/app.css?url";
import { PhoneLink } from "./components/phone-link.tsx";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getAuthenticatedSession(request);
  const user = session ? { displayName: session.user.displayName, staff: isStaff(session.user) } : null;
  return { lang: getLang(request), requestId: context.requestId, user };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export const meta: MetaFunction = () => [];

/** Keeps Retry-After on the 429 page a thrown rate-limit response produces, and on the 503 of a busy database. */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** No scripts on a page whose route says `handle = { hydrate: false }` (decision 0012). */
function useSendsScripts(): boolean {
  return sendsScripts(useMatches().map((match) => match.handle));
}

function useRootData() {
  return useRouteLoaderData<RootData>("root");
}

/**
 * The main menu, the same for every user: on a page rendered in one pass it is rendered to HTML
 * once per language and path (which item is current) and placed as that HTML after
 * (components/kept-html.tsx, decision 0032); its five NavLinks were about a tenth of such a page.
 */
const keptNav = keptHtmlStore();

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const lang: Lang = data?.lang ?? DEFAULT_LANG;
  const t = translator(lang);
  const nonce = useNonce();
  const location = useLocation();
  const sendsScripts = useSendsScripts();
  const other: Lang = lang === "ja" ? "en" : "ja";
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("skip.main")}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <p className="site-name">
              <a href="/">{t("site.name")}</a>
            </p>
            <div className="site-tools">
            <ul className="user-menu">
              {data?.user ? (
                <>
                  <li>
                    <a href="/account">{t("nav.account")}</a>
                    <span className="visually-hidden">{t("nav.user", { name: data.user.displayName })}</span>
                  </li>
                  <li>
                    <a href="/my/groups">{t("nav.myGroups")}</a>
                  </li>
                  {data.user.staff ? (
                    <li>
                      <a href="/admin">{t("nav.admin")}</a>
                    </li>
                  ) : null}
                  <li>
                    <Form method="post" action="/logout">
                      <button type="submit" className="link-button">
                        {t("nav.logout")}
                      </button>
                    </Form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href="/login">{t("nav.login")}</a>
                  </li>
                  <li>
                    <a href="/signup">{t("nav.signup")}</a>
                  </li>
                </>
              )}
            </ul>
            <Form method="post" action="/language" className="lang-switch" aria-label={t("lang.label")}>
              <input type="hidden" name="lang" value={other} />
              <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
              <button type="submit" lang={other} title={t("lang.switchHint")}>
                {t("lang.switch")}
              </button>
            </Form>
            </div>
          </div>
          <KeptHtml element={<nav aria-label={t("nav.label")} className="site-nav" />} store={keptNav} by={NAV_ITEMS} variant={`${lang} ${location.pathname}`}>
            {() => (
              <ul>
                {NAV_ITEMS.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/"}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            )}
          </KeptHtml>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer" aria-label={t("footer.label")}>
          <ul>
            <li>
              <a href="/accessibility">{t("footer.accessibility")}</a>
            </li>
            <li>
              <a href="/privacy">{t("footer.privacy")}</a>
            </li>
            <li>
              <a href="/contact">{t("footer.contact")}</a>
            </li>
          </ul>
          <address className="site-footer__office">
            <p className="site-footer__section">{t("footer.operator")}</p>
            <p>{t("footer.address")}</p>
            <p>
              {t("footer.phone")}{" "}
              <PhoneLink number={city.contactPhone} />
            </p>
            <p>{t("footer.hours")}</p>
            <p>
              <a href={city.website}>{t("footer.website")}</a>
            </p>
          </address>
        </footer>
        {sendsScripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Errors in the root loader itself; everything below is caught by app/site-layout.tsx. */
export function ErrorBoundary() {
  return <ErrorPage />;
}
