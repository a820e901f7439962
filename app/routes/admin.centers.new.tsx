import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Link, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { CenterForm } from "../districts/ui.tsx";
import { centerSchema } from "../districts/forms.ts";
import { keptValues } from "../platform/forms/values.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { createCenter, listDistrictChoices } from "../districts/centers.server.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [adminMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("admin.center.newTitle"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "district:manage:any");
  return { districts: await listDistrictChoices() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "district:manage:any");
  const formData = await readFormData(request);
  const parsed = parseForm(centerSchema, formData);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await createCenter(actor, parsed.data);
  if (!result.ok) return data({ errors: result.errors, values: keptValues(formData) }, { status: 400 });
  return redirect(`/admin/centers/${result.id}?saved=new`);
}

export default function AdminCenterNew() {
  const t = useT(...handle.messages);
  const { districts } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  return (
    <>
      <h1>{t("admin.center.newTitle")}</h1>
      <CenterForm server={server} defaults={{}} checked={[]} districts={districts} submitLabel={t("admin.centers.new")} />
      <p>
        <Link to="/admin/centers">{t("admin.center.back")}</Link>
      </p>
    </>
  );
}
