/**
 * What people may send, by kind: the formats a kind accepts and how large a file may be.
 * Adding a kind is one entry here; a new format
 * also needs its content check in content.server.ts. Plain module: forms in the browser read
 * the limits too, to warn before sending.
 */

/** The formats the content checks know, with the extension and type they are stored and served under. */
export const UPLOAD_FORMATS = {
  png: { extension: "png", contentType: "image/png" },
  jpeg: { extension: "jpg", contentType: "image/jpeg" },
  csv: { extension: "csv", contentType: "text/csv" },
  pdf: { extension: "pdf", contentType: "application/pdf" },
} as const;

export type UploadFormat = keyof typeof UPLOAD_FORMATS;

export type UploadKind = {
  formats: readonly UploadFormat[];
  maxBytes: number;
  /** Images: the most pixels decoded (a small file can unpack to a huge image). */
  maxPixels?: number;
};

const MiB = 1024 * 1024;

export const UPLOAD_KINDS = {
  /** A group's (or later an event's) logo: shown small, so 1 MB and 16 megapixels are plenty. */
  logo: { formats: ["png", "jpeg"], maxBytes: MiB, maxPixels: 4096 * 4096 },
  /** A spreadsheet saved as CSV for an import (centres, groups; events and councils later). */
  csvImport: { formats: ["csv"], maxBytes: MiB },
  /** A public comment's draft or material as PDF: a council document with figures runs to a few MB. */
  document: { formats: ["pdf"], maxBytes: 10 * MiB },
} as const satisfies Record<string, UploadKind>;

export type UploadKindName = keyof typeof UPLOAD_KINDS;

/** Room for the multipart boundaries and part headers around the fields themselves. */
const ENVELOPE_BYTES = 64 * 1024;

export type UploadFormLimits = {
  /** The file fields the form has, each with its kind; a file in any other field is dropped. */
  files: Record<string, UploadKindName>;
  /** All text fields together. */
  maxTextBytes: number;
};

/**
 * The largest body a form with these limits may send: what its route declares as
 * `handle.bodyLimit` (app/platform/body-limit.ts), so the server refuses more before Remix runs.
 */
export function maxBodyBytes({ files, maxTextBytes }: UploadFormLimits): number {
  return Object.values(files).reduce((sum, kind) => sum + UPLOAD_KINDS[kind].maxBytes, maxTextBytes + ENVELOPE_BYTES);
}
