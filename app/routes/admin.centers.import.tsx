import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { FileField, Notice } from "../admin/ui.tsx";
import { ErrorSummary, TextArea } from "../components/form.tsx";
import { CENTER_IMPORT_MAX_BYTES, centerImportSchema } from "../districts/forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm } from "../platform/forms/validation.ts";
import { encodeMessage, translateMessage, useT, type MessageKey } from "../i18n/index.ts";
import { applyCenterImport, CENTER_CSV_HEADERS, previewCenterImport, type ImportPreview } from "../districts/centers.server.ts";
import { CsvError, decodeCsvBytes } from "../platform/csv.ts";
import { pageTitle } from "../platform/meta.ts";
import type { FormValues } from "../platform/forms/values.ts";

export const meta: MetaFunction = (args) => pageTitle(args, "admin.import.title");

/** The previewed text comes back with "import": decoded Shift_JIS grows by half, so allow more than the file. */
const TEXT_LIMIT = 3 * CENTER_IMPORT_MAX_BYTES;
const BODY_LIMIT = TEXT_LIMIT + 64 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "districts:manage");
  return { headers: CENTER_CSV_HEADERS };
}

type Upload = { ok: true; formData: FormData } | { ok: false; error: string };

/** The multipart body, held in memory: the file part up to 1 MB, text parts up to TEXT_LIMIT. */
async function readUpload(request: Request): Promise<Upload> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return { ok: false, error: encodeMessage("admin.import.errors.notMultipart") };
  }
  if (Number(request.headers.get("Content-Length") ?? 0) > BODY_LIMIT) return { ok: false, error: encodeMessage("admin.import.errors.tooLarge") };
  const file = unstable_createMemoryUploadHandler({ maxPartSize: CENTER_IMPORT_MAX_BYTES });
  const text = unstable_createMemoryUploadHandler({ maxPartSize: TEXT_LIMIT });
  try {
    const formData = await unstable_parseMultipartFormData(request, (part) => (part.filename !== undefined ? file(part) : text(part)));
    return { ok: true, formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, error: encodeMessage("admin.import.errors.tooLarge") };
    return { ok: false, error: encodeMessage("admin.import.errors.notMultipart") };
  }
}

const refusal = (errors: Record<string, string>, values: FormValues = {}) =>
  data({ stage: "upload" as const, errors, values }, { status: 400 });

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "districts:manage");
  const upload = await readUpload(request);
  if (!upload.ok) return refusal({ file: upload.error });
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

  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return refusal({ file: encodeMessage("admin.import.errors.file") }, { reason });
  let decoded: ReturnType<typeof decodeCsvBytes>;
  try {
    decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof CsvError) return refusal({ file: encodeMessage("admin.import.errors.encoding") }, { reason });
    throw error;
  }
  const preview = await previewCenterImport(decoded.text);
  if (preview.fileError) return refusal({ file: preview.fileError }, { reason });
  return { stage: "preview" as const, preview, csv: decoded.text, fileName: file.name, encoding: decoded.encoding, reason };
}

export default function AdminCenterImport() {
  const t = useT();
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
  const t = useT();
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
  const t = useT();
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
  const t = useT();
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
                  <td>{t(`admin.import.status.${r.status}` as MessageKey)}</td>
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
