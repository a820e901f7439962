import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { GroupForm } from "../groups/ui/group-form.tsx";
import { encodeMessage, useT } from "../i18n/index.ts";
import { createGroup, listDistrictChoices, readGroupForm } from "../groups/editor.server.ts";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

export const meta: MetaFunction = (args) => pageTitle(args, "groupForm.title");

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** Registering a group needs a confirmed address (content:submit). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "content:submit");
  return { districts: await listDistrictChoices(), today: tokyoDate(now()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session } = await requirePermission(request, "content:submit");
  const read = await readGroupForm(request, tokyoDate(now()));
  if (!read.ok) return data({ errors: read.errors, values: read.values }, { status: read.status });
  const result = await createGroup(session.user.id, read.submission);
  if (!result.ok) {
    const seconds = "limited" in result ? result.limited : 60;
    return data(
      { errors: { _form: encodeMessage("groupForm.errors.tooManyGroups", { minutes: Math.max(1, Math.ceil(seconds / 60)) }) }, values: read.values },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  return redirect(`/my/groups/${result.groupId}?notice=${read.submission.submit ? "submitted" : "created"}`);
}

export default function NewGroup() {
  const t = useT();
  const { districts, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <h1>{t("groupForm.title")}</h1>
      <p>{t("groupForm.new.lead")}</p>
      <GroupForm
        variant={{ kind: "member", canSubmit: true }}
        districts={districts}
        today={today}
        defaults={{}}
        server={result}
        busy={navigation.state === "submitting"}
      />
    </>
  );
}
