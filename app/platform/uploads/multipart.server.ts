/**
 * The one reader of posted forms that may carry files. Every form with a file field reads its
 * body here, so the limits are the same everywhere: the whole body judged by Content-Length
 * before anything is read, each file part by the size of its field's kind, text parts by the
 * form's own allowance.
 */
import { unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import { maxBodyBytes, UPLOAD_KINDS, type UploadFormLimits } from "./kinds.ts";

export { maxBodyBytes, type UploadFormLimits } from "./kinds.ts";

export type UploadForm =
  | { ok: true; formData: FormData; oversize: Set<string> }
  | { ok: false; status: 400 | 411 | 413 };

/**
 * Reads a posted form (multipart or URL-encoded). A body over the limit is refused (413)
 * before it is read; browsers always send Content-Length for forms, and the HTTP parser never
 * delivers more than it says (411 without it). A file part past its kind's limit is drained
 * and dropped, its field named in `oversize`, so the form can still be shown again with a
 * message at the field instead of a failed request.
 */
export async function readUploadForm(request: Request, limits: UploadFormLimits): Promise<UploadForm> {
  const length = request.headers.get("Content-Length");
  if (length === null || !/^\d+$/.test(length)) return { ok: false, status: 411 };
  if (Number(length) > maxBodyBytes(limits)) return { ok: false, status: 413 };
  const contentType = request.headers.get("Content-Type") ?? "";
  const oversize = new Set<string>();
  try {
    if (!contentType.startsWith("multipart/form-data")) return { ok: true, formData: await request.formData(), oversize };
    const formData = await unstable_parseMultipartFormData(request, async (part: UploadHandlerPart) => {
      const isFile = part.filename !== undefined;
      const kind = isFile ? limits.files[part.name] : undefined;
      const limit = isFile ? (kind ? UPLOAD_KINDS[kind].maxBytes : 0) : limits.maxTextBytes;
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of part.data) {
        size += chunk.byteLength;
        if (size <= limit) chunks.push(chunk); // past it: keep reading so the next part is reached
      }
      if (isFile && !kind) return undefined;
      if (size > limit) {
        oversize.add(part.name);
        return undefined;
      }
      if (isFile) return new File([new Uint8Array(Buffer.concat(chunks))], part.filename ?? "", { type: part.contentType });
      return Buffer.concat(chunks).toString("utf8");
    });
    return { ok: true, formData, oversize };
  } catch {
    return { ok: false, status: 400 };
  }
}
