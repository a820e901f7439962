import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { Notice } from "../admin/ui.tsx";
import { ErrorSummary, TextArea, TextField } from "../components/form.tsx";
import { districtSchema } from "../districts/forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { districtsMessages } from "../districts/messages.ts";
import { pageTitle } from "../platform/meta.ts";
import { getDistrictForAdmin, updateDistrict } from "../districts/centers.server.ts";
import { idParam } from "../platform/forms/params.ts";

export const handle = { messages: [adminMessages, districtsMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("admin.district.title", { name: args.data?.district.name ?? "" }), ...handle.messages);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "district:manage:any");
  const district = await getDistrictForAdmin(idParam(params.id));
  if (!district) throw notFound();
  return {
    district: {
      id: district.id,
      code: district.code,
      name: district.name,
      nameKana: district.nameKana,
      area: district.area,
      centers: district.centers.map((c) => c.center),
      representatives: district.members.map((m) => m.user),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "district:manage:any");
  const id = idParam(params.id);
  const parsed = parseForm(districtSchema, await readFormData(request));
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await updateDistrict(actor, id, parsed.data);
  if (!result.found) throw notFound();
  return redirect(`/admin/districts/${id}?saved=${result.changed ? 1 : 0}`);
}

export default function AdminDistrict() {
  const t = useT(...handle.messages);
  const { district } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const form = useValidatedForm(districtSchema, server, { name: district.name, nameKana: district.nameKana, area: district.area });
  const labels = {
    name: t("admin.district.name"),
    nameKana: t("admin.district.nameKana"),
    area: t("admin.district.area"),
    reason: t("admin.reasonOptional"),
  };
  const errors = Object.fromEntries(Object.keys(labels).map((k) => [k, form.errorFor(k)]));
  const saved = search.get("saved");
  return (
    <>
      <h1>{t("admin.district.title", { name: district.name })}</h1>
      {!server && saved !== null ? <Notice>{saved === "1" ? t("admin.saved") : t("admin.noChange")}</Notice> : null}
      <dl className="facts">
        <dt>{t("admin.district.code")}</dt>
        <dd>{district.code}</dd>
      </dl>
      {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit} key={`${district.name}|${district.nameKana}|${district.area}`}>
        <TextField label={labels.name} error={errors.name} required maxLength={50} {...form.field("name")} />
        <TextField label={labels.nameKana} hint={t("admin.hint.katakana")} error={errors.nameKana} required maxLength={100} {...form.field("nameKana")} />
        <TextField label={labels.area} error={errors.area} maxLength={50} {...form.field("area")} />
        <TextArea label={labels.reason} hint={t("admin.reasonHint")} error={errors.reason} rows={3} maxLength={500} {...form.field("reason")} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("admin.save")}
        </button>
      </Form>
      <h2>{t("admin.district.centers")}</h2>
      {district.centers.length === 0 ? (
        <p>{t("districts.noCenter")}</p>
      ) : (
        <ul>
          {district.centers.map((c) => (
            <li key={c.id}>
              <Link to={`/admin/centers/${c.id}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("admin.district.representatives")}</h2>
      {district.representatives.length === 0 ? (
        <p>{t("admin.districts.noRepresentative")}</p>
      ) : (
        <ul>
          {district.representatives.map((u) => (
            <li key={u.id}>
              {u.displayName}
              {u.active ? null : t("admin.districts.inactive")}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/admin/districts">{t("admin.district.back")}</Link>
      </p>
    </>
  );
}
