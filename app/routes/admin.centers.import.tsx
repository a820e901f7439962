import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { FileField, Notice } from "../admin/ui.tsx";
import { ErrorSummary, TextArea } from "../components/form.tsx";
import { centerImportSchema } from "../districts/forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm } from "../platform/forms/validation.ts";
import { encodeMessage, translateMessage, useT, type MessagesHandle } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { applyCenterImport, CENTER_CSV_HEADERS, previewCenterImport, type ImportPreview } from "../districts/centers.server.ts";
import { checkUpload, readUploadForm } from "../platform/uploads/index.server.ts";
import { maxBodyBytes, UPLOAD_KINDS } from "../platform/uploads/kinds.ts";
import type { BodyLimitHandle } from "../platform/body-limit.ts";
import { pageTitle } from "../platform/meta.ts";
import type { FormValues } from "../platform/forms/values.ts";

/** The intents this page's forms post (the role × page matrix has a row for each). */
export const INTENTS = ["preview", "apply"] as const;

/** The previewed text comes back with "apply": decoded Shift_JIS grows by half, so allow more than the file. */
const IMPORT_FORM_LIMITS = { files: { file: "csvImport" }, maxTextBytes: 3 * UPLOAD_KINDS.csvImport.maxBytes } as const;

export const handle = { messages: [adminMessages], bodyLimit: maxBodyBytes(IMPORT_FORM_LIMITS) } satisfies MessagesHandle & BodyLimitHandle;
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("admin.import.title"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "district:manage:any");
  return { headers: CENTER_CSV_HEADERS };
}

const refusal = (errors: Record<string, string>, values: FormValues = {}, status = 400) =>
  data({ stage: "upload" as const, errors, values }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "district:manage:any");
  const upload = await readUploadForm(request, IMPORT_FORM_LIMITS);
  if (!upload.ok) return refusal({ file: encodeMessage(upload.status === 413 ? "admin.import.errors.tooLarge" : "admin.import.errors.notMultipart") }, {}, upload.status);
  const { formData } = upload;
  const parsed = parseForm(centerImportSchema, formData, { keep: (name) => name === "reason" });
  if (!parsed.ok) return refusal(parsed.errors, parsed.values);
  const { reason } = parsed.data;

  if (formData.get("intent") === "apply") {
    const csv = formData.get("csv");
    if (typeof csv !== "string" || csv === "") return refusal({ file: encodeMessage("admin.import.errors.file") }, { reason });
    const result = await applyCenterImport(actor, csv, reason);
    if (result.fileError) return refusal({ file: result.fileError }, { reason });
    return { stage: "done" as const, result };
  }

  const file = await checkUpload("csvImport", formData.get("file"), { oversize: upload.oversize.has("file") });
  if (file.kind === "none") return refusal({ file: encodeMessage("admin.import.errors.file") }, { reason });
  if (file.kind === "error") return refusal({ file: encodeMessage(file.error === "size" ? "admin.import.errors.tooLarge" : "admin.import.errors.encoding") }, { reason });
  const decoded = file.text!;
  const preview = await previewCenterImport(decoded.text);
  if (preview.fileError) return refusal({ file: preview.fileError }, { reason });
  return { stage: "preview" as const, preview, csv: decoded.text, fileName: file.fileName, encoding: decoded.encoding, reason };
}

export default function AdminCenterImport() {
  const t = useT(...handle.messages);
  const { headers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("admin.import.title")}</h1>
      {result?.stage === "done" ? (
        <>
          <Notice>
            {t("admin.import.done", {
              create: result.result.counts.create,
              update: result.result.counts.update,
              unchanged: result.result.counts.unchanged,
              refused: result.result.counts.refused,
            })}
          </Notice>
          <PreviewTables preview={result.result} />
          <ul className="actions">
            <li>
              <Link to="/admin/centers">{t("admin.center.back")}</Link>
            </li>
            <li>
              <Link to="/admin/centers/import" reloadDocument>
                {t("admin.import.again")}
              </Link>
            </li>
          </ul>
        </>
      ) : result?.stage === "preview" ? (
        <>
          <h2>{t("admin.import.previewTitle")}</h2>
          <p>{t("admin.import.fileInfo", { name: result.fileName, encoding: result.encoding === "shift_jis" ? "Shift_JIS" : "UTF-8" })}</p>
          <p className="notice" role="status">
            {t("admin.import.summary", { ...result.preview.counts })}
          </p>
          <p>{t("admin.import.previewNote")}</p>
          <PreviewTables preview={result.preview} />
          {result.preview.counts.create + result.preview.counts.update + result.preview.counts.unchanged > 0 ? (
            <ApplyForm csv={result.csv} reason={result.reason} />
          ) : (
            <p>{t("admin.import.nothing")}</p>
          )}
          <p>
            <Link to="/admin/centers/import" reloadDocument>
              {t("admin.import.again")}
            </Link>
          </p>
        </>
      ) : (
        <UploadForm server={result} headers={headers} />
      )}
    </>
  );
}

function UploadForm({ server, headers }: { server: { errors: Record<string, string>; values: FormValues } | undefined; headers: string[] }) {
  const t = useT(...handle.messages);
  const navigation = useNavigation();
  const form = useValidatedForm(centerImportSchema, server);
  const labels = { file: t("admin.import.file"), reason: t("admin.reasonOptional") };
  const errors = { file: translateMessage(t, server?.errors.file), reason: form.errorFor("reason") };
  return (
    <>
      <p className="lead">{t("admin.import.lead")}</p>
      <ul>
        <li>{t("admin.import.rule.match")}</li>
        <li>{t("admin.import.rule.districts")}</li>
        <li>{t("admin.import.rule.file")}</li>
      </ul>
      <details>
        <summary>{t("admin.import.columns")}</summary>
        <ul className="column-list">
          {headers.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      </details>
      {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="preview" />
        <FileField name="file" label={labels.file} error={errors.file} accept=".csv,text/csv" />
        <TextArea label={labels.reason} hint={t("admin.reasonHint")} error={errors.reason} rows={3} maxLength={500} {...form.field("reason")} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("admin.import.preview")}
        </button>
      </Form>
    </>
  );
}

function ApplyForm({ csv, reason }: { csv: string; reason: string }) {
  const t = useT(...handle.messages);
  const navigation = useNavigation();
  const form = useValidatedForm(centerImportSchema, undefined, { reason });
  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value="apply" />
      <input type="hidden" name="csv" value={csv} />
      <TextArea
        label={t("admin.reasonOptional")}
        hint={t("admin.reasonHint")}
        error={form.errorFor("reason")}
        rows={3}
        maxLength={500}
        {...form.field("reason")}
      />
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {t("admin.import.apply")}
      </button>
    </Form>
  );
}

function PreviewTables({ preview }: { preview: ImportPreview }) {
  const t = useT(...handle.messages);
  const refused = preview.rows.filter((r) => r.status === "refused");
  const accepted = preview.rows.filter((r) => r.status !== "refused");
  return (
    <>
      <p>{t("admin.import.rowHint")}</p>
      {refused.length > 0 ? (
        <>
          <h3>{t("admin.import.refusedTitle")}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.import.row")}</th>
                <th scope="col">{t("admin.import.name")}</th>
                <th scope="col">{t("admin.import.reasons")}</th>
              </tr>
            </thead>
            <tbody>
              {refused.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <th scope="row">{r.name}</th>
                  <td>
                    <ul className="details">
                      {r.reasons.map((reason, i) => (
                        <li key={i}>
                          {reason.column || t("admin.import.wholeRow")}: {translateMessage(t, reason.message)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {accepted.length > 0 ? (
        <>
          <h3>{t("admin.import.acceptedTitle")}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.import.row")}</th>
                <th scope="col">{t("admin.import.name")}</th>
                <th scope="col">{t("admin.import.status")}</th>
                <th scope="col">{t("admin.import.districts")}</th>
              </tr>
            </thead>
            <tbody>
              {accepted.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <th scope="row">{r.name}</th>
                  <td>{t(`admin.import.status.${r.status}`)}</td>
                  <td>{r.districtCodes.join(";")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
