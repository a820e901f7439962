/**
 * Every file a person sends: checked by decoding it (content.server.ts) against its kind
 * (kinds.ts) — an image is kept as sharp re-encoded it, never as sent — kept under a random
 * name in the configured store (store.server.ts), served only after the caller's permission
 * check, and deleted by whatever owns it when it is replaced or removed. Nothing a visitor typed ever becomes part of a stored name.
 */
import crypto from "node:crypto";
import { decodeContent, type DecodedContent } from "./content.server.ts";
import { UPLOAD_FORMATS, UPLOAD_KINDS, type UploadFormat, type UploadKindName } from "./kinds.ts";
import { uploadStore } from "./store.server.ts";

export { readUploadForm, maxBodyBytes, type UploadForm, type UploadFormLimits } from "./multipart.server.ts";
export { UPLOAD_KINDS, type UploadKindName } from "./kinds.ts";

const EXTENSIONS = Object.values(UPLOAD_FORMATS).map((f) => f.extension);
/** The only names this module writes: 32 hex characters and the extension of the format. */
const UPLOAD_NAME = new RegExp(`^[0-9a-f]{32}\\.(${EXTENSIONS.join("|")})$`);

export function isUploadName(name: string): boolean {
  return UPLOAD_NAME.test(name);
}

/** The type a stored name is served with, from the extension its checked format gave it. */
export function contentTypeOf(name: string): string | null {
  const match = UPLOAD_NAME.exec(name);
  return match ? (Object.values(UPLOAD_FORMATS).find((f) => f.extension === match[1])?.contentType ?? null) : null;
}

export type UploadCheck =
  | { kind: "none" }
  | ({ kind: "file"; bytes: Uint8Array; fileName: string } & Omit<DecodedContent, "image">)
  | { kind: "error"; error: "type" | "size" | "active" | "encrypted" };

/**
 * What a file field of a posted form holds for a kind: nothing chosen, an accepted file, or
 * why it is refused. `oversize` is true when the form reader stopped keeping the part.
 */
export async function checkUpload(kindName: UploadKindName, value: FormDataEntryValue | null, { oversize = false } = {}): Promise<UploadCheck> {
  const kind = UPLOAD_KINDS[kindName];
  if (oversize) return { kind: "error", error: "size" };
  if (value === null || value === "") return { kind: "none" };
  if (typeof value === "string") return { kind: "error", error: "type" };
  if (value.size === 0 && value.name === "") return { kind: "none" };
  if (value.size > kind.maxBytes) return { kind: "error", error: "size" };
  const bytes = new Uint8Array(await value.arrayBuffer());
  if (bytes.length > kind.maxBytes) return { kind: "error", error: "size" };
  const decoded = await decodeContent(bytes, kind);
  if (!decoded) return { kind: "error", error: "type" };
  if ("refused" in decoded) return { kind: "error", error: decoded.refused };
  // An image is kept as re-encoded (upright, no metadata), never as sent.
  const { image, ...content } = decoded;
  return { kind: "file", bytes: image ?? bytes, fileName: value.name, ...content };
}

/** Stores an accepted file under a new random name and returns the name. */
export async function saveUpload(file: { bytes: Uint8Array; format: UploadFormat }): Promise<string> {
  const { extension, contentType } = UPLOAD_FORMATS[file.format];
  const name = `${crypto.randomBytes(16).toString("hex")}.${extension}`;
  await uploadStore().put(name, file.bytes, contentType);
  return name;
}

/** The bytes and type of an upload, or null when the name is not ours or nothing is stored under it. */
export async function readUpload(name: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  const contentType = contentTypeOf(name);
  if (!contentType) return null;
  const bytes = await uploadStore().get(name);
  return bytes ? { bytes, contentType } : null;
}

/** Called by the owner of a file when it replaces or removes what refers to it. */
export async function deleteUpload(name: string): Promise<void> {
  if (!isUploadName(name)) return;
  await uploadStore().delete(name);
}

/**
 * Content-Disposition with a name any browser saves safely: an ASCII fallback (quotes,
 * backslashes, path separators and control characters replaced) and the real name as RFC 5987
 * filename* (UTF-8, percent-encoded), which current browsers prefer.
 */
export function contentDisposition(disposition: "inline" | "attachment", fileName: string): string {
  const clean = fileName.normalize("NFC").replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim() || "download";
  const fallback = clean.replace(/[^\x20-\x7e]|["%;]/g, "_");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The response that serves an upload, for a route that has already decided the person may
 * see it: its checked type, a safe name, and the caller's caching. `X-Content-Type-Options:
 * nosniff`, which keeps a browser from guessing another type, is on every response of the
 * server (server/security.ts); setting it here too would send it twice. Null when nothing is
 * stored under the name.
 */
export async function uploadResponse(
  name: string,
  { downloadName = name, disposition = "inline", cacheControl }: { downloadName?: string; disposition?: "inline" | "attachment"; cacheControl: string },
): Promise<Response | null> {
  const file = await readUpload(name);
  if (!file) return null;
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": contentDisposition(disposition, downloadName),
      "Cache-Control": cacheControl,
    },
  });
}
