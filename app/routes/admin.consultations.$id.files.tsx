import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { FileField, FormError, Notice } from "../admin/ui.tsx";
import { ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { FILE_FORM_LIMITS, FILE_INTENTS, FILE_KINDS, FILE_TITLE_MAX, fileSchema } from "../consultations/admin-forms.ts";
import type { StepResult } from "../consultations/admin.server.ts";
import { addConsultationFile, consultationFiles, removeConsultationFile } from "../consultations/files.server.ts";
import { consultationAdminMessages, type MessageKey } from "../consultations/messages/consultationAdmin.ts";
import { StatusBadge } from "../consultations/ui/admin-ui.tsx";
import { encodeMessage, translateMessage, useT } from "../i18n/index.ts";
import { formatBytes, type BodyLimitHandle } from "../platform/body-limit.ts";
import { idParam } from "../platform/forms/params.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm } from "../platform/forms/validation.ts";
import { keptValues, type FormValues } from "../platform/forms/values.ts";
import { pageTitle } from "../platform/meta.ts";
import { checkUpload, readUploadForm } from "../platform/uploads/index.server.ts";
import { maxBodyBytes } from "../platform/uploads/kinds.ts";

export const handle = { messages: [consultationAdminMessages], bodyLimit: maxBodyBytes(FILE_FORM_LIMITS) } satisfies BodyLimitHandle & { messages: unknown };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("consultationAdmin.files.title", { title: args.data?.consultation.title ?? "" }), ...handle.messages);

/** The intents this page's forms post (the role × page matrix has a row for each). */
export const INTENTS = FILE_INTENTS;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const page = await consultationFiles(actor, idParam(params.id));
  if (!page) throw notFound();
  return page;
}

type ActionResult = { errors: Record<string, string>; values: FormValues };

const UPLOAD_ERRORS = {
  size: "consultationAdmin.errors.fileSize",
  type: "consultationAdmin.errors.fileType",
  active: "consultationAdmin.errors.fileActive",
  encrypted: "consultationAdmin.errors.fileEncrypted",
} as const satisfies Record<string, MessageKey>;

function refusal(outcome: StepResult, values: FormValues) {
  if (outcome.ok) return null;
  if (outcome.reason === "notFound") throw notFound();
  if (outcome.reason !== "refused") throw new Response("Forbidden", { status: 403 });
  return data<ActionResult>({ errors: { [outcome.field ?? "_form"]: outcome.message }, values }, { status: 409 });
}

/** Adds a PDF (400 at the fields for a bad form or file, 413 for an oversized body, 409 once the period has opened) or removes one. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const id = idParam(params.id);
  const read = await readUploadForm(request, FILE_FORM_LIMITS);
  if (!read.ok) {
    const message = read.status === 413 ? UPLOAD_ERRORS.size : "consultationAdmin.errors.file";
    return data<ActionResult>({ errors: { file: encodeMessage(message) }, values: {} }, { status: read.status });
  }
  const { formData } = read;
  const intent = INTENTS.find((i) => i === formData.get("intent"));
  if (!intent) throw new Response("Bad Request", { status: 400 });
  if (intent === "remove") {
    const fileId = Number(formData.get("fileId"));
    if (!Number.isSafeInteger(fileId) || fileId <= 0) throw new Response("Bad Request", { status: 400 });
    const refused = refusal(await removeConsultationFile(actor, id, fileId), {});
    if (refused) return refused;
    return redirect(`/admin/consultations/${id}/files?done=removed`);
  }
  const parsed = parseForm(fileSchema, formData);
  const file = await checkUpload("document", formData.get("file"), { oversize: read.oversize.has("file") });
  if (!parsed.ok || file.kind !== "file") {
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    // A file input cannot be filled in again by the server: say so at the field.
    errors.file = file.kind === "error" ? UPLOAD_ERRORS[file.error] : file.kind === "none" ? "consultationAdmin.errors.file" : "consultationAdmin.errors.fileReselect";
    return data<ActionResult>({ errors, values: parsed.ok ? keptValues(formData) : parsed.values }, { status: 400 });
  }
  if (file.format !== "pdf") return data<ActionResult>({ errors: { file: UPLOAD_ERRORS.type }, values: keptValues(formData) }, { status: 400 });
  const refused = refusal(await addConsultationFile(actor, id, parsed.data, { bytes: file.bytes, format: "pdf" }), keptValues(formData));
  if (refused) return refused;
  return redirect(`/admin/consultations/${id}/files?done=added&title=${encodeURIComponent(parsed.data.title)}`);
}

export default function ConsultationFiles() {
  const t = useT(...handle.messages);
  const { consultation: c, status, editable, files } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const [search] = useSearchParams();
  const done = search.get("done");
  const form = useValidatedForm(fileSchema, server, { kind: "draft" }, { focus: "summary" });
  const labels = { kind: t("consultationAdmin.files.kind"), title: t("consultationAdmin.files.fileTitle"), file: t("consultationAdmin.files.file") };
  const errors = {
    kind: form.errorFor("kind"),
    title: form.errorFor("title"),
    file: translateMessage(t, server?.errors.file),
  };
  return (
    <>
      <h1>{t("consultationAdmin.files.title", { title: c.title })}</h1>
      <p>
        <Link to={`/admin/consultations/${c.id}`}>{t("consultationAdmin.backToConsultation")}</Link> <StatusBadge status={status} />
      </p>
      {!server && done === "added" ? <Notice>{t("consultationAdmin.files.added", { title: search.get("title") ?? "" })}</Notice> : null}
      {!server && done === "removed" ? <Notice>{t("consultationAdmin.files.removed")}</Notice> : null}
      <p className="lead">{t("consultationAdmin.files.lead")}</p>
      <FormError message={translateMessage(t, server?.errors._form)} />
      {files.length === 0 ? (
        <p>{t("consultationAdmin.files.none")}</p>
      ) : (
        <table>
          <caption>{t("consultationAdmin.files.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("consultationAdmin.files.fileTitle")}</th>
              <th scope="col">{t("consultationAdmin.files.kind")}</th>
              <th scope="col">{t("consultationAdmin.files.bytes")}</th>
              {editable ? <td /> : null}
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id}>
                <th scope="row">
                  <a href={`/consultations/${c.id}/files/${f.id}`}>{f.title}</a>
                </th>
                <td>{t(`consultationAdmin.files.kind.${f.kind === "draft" ? "draft" : "material"}`)}</td>
                <td>{formatBytes(f.bytes)}</td>
                {editable ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="fileId" value={f.id} />
                      <button type="submit" className="button secondary">
                        {t("consultationAdmin.files.remove")}
                        <span className="visually-hidden">（{f.title}）</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable ? (
        <section aria-labelledby="add-heading" className="admin-form">
          <h2 id="add-heading">{t("consultationAdmin.files.addHeading")}</h2>
          <div ref={form.summaryRef}>{server?.errors && !server.errors._form ? <ErrorSummary errors={errors} labels={labels} autoFocus /> : null}</div>
          <Form method="post" encType="multipart/form-data" noValidate onSubmit={form.onSubmit} onChange={form.onChange}>
            <input type="hidden" name="intent" value="add" />
            <SelectField
              label={labels.kind}
              error={errors.kind}
              required
              options={FILE_KINDS.map((k) => ({ value: k, label: t(`consultationAdmin.files.kind.${k}`) }))}
              {...form.field("kind")}
            />
            <TextField label={labels.title} error={errors.title} required maxLength={FILE_TITLE_MAX} {...form.field("title")} />
            <FileField name="file" label={labels.file} error={errors.file} accept=".pdf,application/pdf" />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("consultationAdmin.files.add")}
            </button>
          </Form>
        </section>
      ) : (
        <p>{t("consultationAdmin.files.locked")}</p>
      )}
    </>
  );
}
