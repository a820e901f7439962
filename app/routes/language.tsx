import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { LANGS, type Lang } from "../i18n/index.ts";
import { langCookie } from "../i18n/lang.server.ts";
import { getEnv } from "../platform/env.server.ts";
import { readFormData } from "../platform/forms/validation.ts";
import { safeRedirectPath } from "../platform/redirect.ts";

/** The language switch: a POST, so that it works without JavaScript and no GET sets state. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const lang = String(form.get("lang") ?? "");
  if (!(LANGS as readonly string[]).includes(lang)) throw new Response("Bad Request", { status: 400 });
  const secure = getEnv().PUBLIC_URL.startsWith("https:");
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": langCookie(lang as Lang, secure) },
  });
}

export async function loader() {
  return redirect("/");
}
