import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Link, redirect, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { Notice } from "../admin/ui.tsx";
import { CenterForm } from "../districts/ui.tsx";
import { CENTER_FIELDS, centerSchema } from "../districts/forms.ts";
import { keptValues } from "../platform/forms/values.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { pageTitle } from "../platform/meta.ts";
import { getCenterForAdmin, listDistrictChoices, updateCenter } from "../districts/centers.server.ts";
import { idParam } from "../platform/forms/params.ts";

export const handle = { messages: [adminMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("admin.center.editTitle", { name: args.data?.center.name ?? "" }), ...handle.messages);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "district:manage:any");
  const [center, districts] = await Promise.all([getCenterForAdmin(idParam(params.id)), listDistrictChoices()]);
  if (!center) throw notFound();
  return { center, districts };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "district:manage:any");
  const id = idParam(params.id);
  const formData = await readFormData(request);
  const parsed = parseForm(centerSchema, formData);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await updateCenter(actor, id, parsed.data);
  if (!result.ok && result.notFound) throw notFound();
  if (!result.ok) return data({ errors: result.errors, values: keptValues(formData) }, { status: 400 });
  return redirect(`/admin/centers/${id}?saved=${result.changed ? 1 : 0}`);
}

export default function AdminCenterEdit() {
  const t = useT(...handle.messages);
  const { center, districts } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const [search] = useSearchParams();
  const saved = search.get("saved");
  const defaults = Object.fromEntries(CENTER_FIELDS.map((f) => [f, center[f]]));
  return (
    <>
      <h1>{t("admin.center.editTitle", { name: center.name })}</h1>
      {!server && saved !== null ? (
        <Notice>{saved === "new" ? t("admin.center.created") : saved === "1" ? t("admin.saved") : t("admin.noChange")}</Notice>
      ) : null}
      <p>
        <Link to={`/centers/${center.id}`}>{t("admin.center.publicPage")}</Link>
      </p>
      <CenterForm
        key={JSON.stringify(center)}
        server={server}
        defaults={defaults}
        checked={center.districtIds.map(String)}
        districts={districts}
        submitLabel={t("admin.save")}
      />
      <p>
        <Link to="/admin/centers">{t("admin.center.back")}</Link>
      </p>
    </>
  );
}
