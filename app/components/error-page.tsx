import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LANG, translator, type Lang, type T } from "../i18n/index.ts";

/** Title and text of the error page for a thrown response or error, in the reader's language. */
function errorContent(error: unknown, t: T) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  switch (status) {
    case 404:
      return { title: t("error.404.title"), body: t("error.404.body") };
    case 403:
      return { title: t("error.403.title"), body: t("error.403.body") };
    case 410:
      return { title: t("error.410.title"), body: "" };
    case 400:
      return { title: t("error.400.title"), body: t("error.400.body") };
    case 429: {
      const seconds = isRouteErrorResponse(error) ? Number(error.data?.retryAfterSeconds ?? 60) : 60;
      return { title: t("error.429.title"), body: t("error.429.body", { minutes: Math.max(1, Math.ceil(seconds / 60)) }) };
    }
    case 503: {
      const seconds = isRouteErrorResponse(error) ? Number(error.data?.retryAfterSeconds ?? 5) : 5;
      return { title: t("error.503.title"), body: t("error.503.body", { seconds: Math.max(1, Math.ceil(seconds)) }) };
    }
    default:
      return { title: t("error.title"), body: t("error.body") };
  }
}

/** The error page: status-specific text in the reader's language, with the request id. */
export function ErrorPage() {
  const error = useRouteError();
  const data = useRouteLoaderData<{ lang: Lang; requestId: string }>("root");
  const t = translator(data?.lang ?? DEFAULT_LANG);
  const { title, body } = errorContent(error, t);
  return (
    <div className="error-page">
      <title>{`${title} | ${t("site.name")}`}</title>
      <h1>{title}</h1>
      {body ? <p>{body}</p> : null}
      {data?.requestId ? <p className="error-page__ref">{t("error.reference", { id: data.requestId })}</p> : null}
      <p>
        <a href="/">{t("error.home")}</a>
      </p>
    </div>
  );
}
