/**
 * Uploaded images (group logos) and the size-limited reading of forms that carry them.
 *
 * An image is accepted by what its bytes are, never by its name or the type the browser
 * claims: PNG starts with 89 50 4E 47 0D 0A 1A 0A, JPEG with FF D8 FF; anything else (a
 * script named logo.png, an SVG, HTML) is refused. Accepted files get a random name chosen
 * here and the extension of the detected type, so /uploads/:file can answer with the right
 * Content-Type and nothing a visitor typed ever becomes part of a path.
 */
import { unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { GROUP_LIMITS } from "../groups/rules.ts";
import { getEnv } from "./env.server.ts";

export type ImageType = "png" | "jpeg";

const SIGNATURES: { type: ImageType; bytes: number[] }[] = [
  { type: "png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "jpeg", bytes: [0xff, 0xd8, 0xff] },
];

/** The image type the bytes begin with, or null. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  for (const { type, bytes: signature } of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

const EXTENSION: Record<ImageType, string> = { png: "png", jpeg: "jpg" };
const CONTENT_TYPE: Record<string, string> = { png: "image/png", jpg: "image/jpeg" };
/** The only names this module writes: 32 hex characters and the extension of the type. */
const UPLOAD_NAME = /^[0-9a-f]{32}\.(png|jpg)$/;

export function isUploadName(name: string): boolean {
  return UPLOAD_NAME.test(name);
}

export function contentTypeOf(name: string): string | null {
  const match = UPLOAD_NAME.exec(name);
  return match ? CONTENT_TYPE[match[1]] : null;
}

function uploadDir(): string {
  return path.resolve(getEnv().UPLOAD_DIR);
}

export type ImageCheck =
  | { kind: "none" }
  | { kind: "image"; bytes: Uint8Array; type: ImageType }
  | { kind: "error"; error: "logoType" | "logoSize" };

/**
 * What a file field of a posted form holds: nothing chosen, a valid image, or the reason it is
 * refused. `oversize` is true when the form reader stopped keeping the part past the limit.
 */
export async function checkImage(
  value: FormDataEntryValue | null,
  { maxBytes = GROUP_LIMITS.logoBytes, oversize = false }: { maxBytes?: number; oversize?: boolean } = {},
): Promise<ImageCheck> {
  if (oversize) return { kind: "error", error: "logoSize" };
  if (value === null || value === "") return { kind: "none" };
  if (typeof value === "string") return { kind: "error", error: "logoType" };
  if (value.size === 0 && value.name === "") return { kind: "none" };
  if (value.size > maxBytes) return { kind: "error", error: "logoSize" };
  const bytes = new Uint8Array(await value.arrayBuffer());
  if (bytes.length > maxBytes) return { kind: "error", error: "logoSize" };
  const type = detectImageType(bytes);
  if (!type) return { kind: "error", error: "logoType" };
  return { kind: "image", bytes, type };
}

/** Writes an accepted image under UPLOAD_DIR with a new random name and returns the name. */
export async function saveImage(image: { bytes: Uint8Array; type: ImageType }): Promise<string> {
  const dir = uploadDir();
  await fs.mkdir(dir, { recursive: true });
  const name = `${crypto.randomBytes(16).toString("hex")}.${EXTENSION[image.type]}`;
  // "wx": never overwrite, however unlikely a collision is.
  await fs.writeFile(path.join(dir, name), image.bytes, { flag: "wx", mode: 0o640 });
  return name;
}

/** The bytes and type of an upload, or null when the name is not ours or the file is gone. */
export async function readUpload(name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const contentType = contentTypeOf(name);
  if (!contentType) return null;
  try {
    return { bytes: await fs.readFile(path.join(uploadDir(), name)), contentType };
  } catch {
    return null;
  }
}

export async function deleteUpload(name: string): Promise<void> {
  if (!isUploadName(name)) return;
  await fs.rm(path.join(uploadDir(), name), { force: true });
}

export type LimitedForm =
  | { ok: true; formData: FormData; oversize: Set<string> }
  | { ok: false; status: 400 | 411 | 413 };

/**
 * Reads a posted form (multipart or URL-encoded) holding at most `maxBodyBytes`, judged by
 * Content-Length before anything is read (browsers always send it for forms; the HTTP
 * parser never delivers more than it says). File parts beyond `maxFileBytes` are drained and
 * dropped, their field named in `oversize`, so the rest of the form can still be shown
 * again with a message at the field instead of a failed request.
 */
export async function readLimitedForm(request: Request, { maxBodyBytes, maxFileBytes }: { maxBodyBytes: number; maxFileBytes: number }): Promise<LimitedForm> {
  const length = request.headers.get("Content-Length");
  if (length === null || !/^\d+$/.test(length)) return { ok: false, status: 411 };
  if (Number(length) > maxBodyBytes) return { ok: false, status: 413 };
  const contentType = request.headers.get("Content-Type") ?? "";
  const oversize = new Set<string>();
  try {
    if (!contentType.startsWith("multipart/form-data")) return { ok: true, formData: await request.formData(), oversize };
    const formData = await unstable_parseMultipartFormData(request, async (part: UploadHandlerPart) => {
      const isFile = part.filename !== undefined;
      const limit = isFile ? maxFileBytes : maxBodyBytes;
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of part.data) {
        size += chunk.byteLength;
        if (size <= limit) chunks.push(chunk); // past it: keep reading so the next part is reached
      }
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
