/**
 * Whether a file's bytes are what its kind accepts, judged by decoding them: an image is
 * decoded to its last pixel by sharp (libvips), a CSV to its last character. The name and the
 * type the browser claims are never asked. A signature check comes first so that libvips only
 * ever sees the formats we accept (no SVG, TIFF or HEIF parser runs on a visitor's bytes).
 *
 * An image must also end where its format ends (PNG's IEND chunk, JPEG's end-of-image marker):
 * a picture with a web page after it is refused. What is kept of an accepted image is not the
 * visitor's bytes but sharp's re-encoding of its pixels, turned upright by its EXIF orientation
 * and without any metadata (EXIF, GPS, XMP, comments, text chunks) — decision 0023.
 *
 * A PDF must begin with its header and end with its end-of-file marker, and pdf-lib must read
 * every object and the page tree without error. It is kept as sent (re-writing it could lose
 * what a reader needs, such as its tags for screen readers), so one that carries active content
 * — JavaScript, launch or form-submit actions, embedded files, XFA forms — is refused, and so is
 * an encrypted one, whose objects cannot be read to check them (and which screen readers may be
 * barred from) — decision 0030.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from "pdf-lib";
import sharp from "sharp";
import { CsvError, decodeCsvBytes, type CsvEncoding } from "../csv.ts";
import type { UploadFormat, UploadKind } from "./kinds.ts";

/**
 * What decoding found: the format; for an image the re-encoded bytes to keep instead of those
 * sent; for text the text itself (so it is not decoded twice).
 */
export type DecodedContent = { format: UploadFormat; image?: Uint8Array; text?: { text: string; encoding: CsvEncoding }; pages?: number };

/** Why a file that is of an accepted format is still refused. */
export type ContentRefusal = { refused: "active" | "encrypted" };

const SIGNATURES: { format: "png" | "jpeg"; bytes: number[] }[] = [
  { format: "png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: "jpeg", bytes: [0xff, 0xd8, 0xff] },
];

/** The last bytes of a whole file of each format: PNG's IEND chunk (it has no data), JPEG's EOI. */
const ENDINGS: Record<"png" | "jpeg", number[]> = {
  png: [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82],
  jpeg: [0xff, 0xd9],
};

function endsWhole(bytes: Uint8Array, format: "png" | "jpeg"): boolean {
  const ending = ENDINGS[format];
  const start = bytes.length - ending.length;
  return start >= 0 && ending.every((b, i) => bytes[start + i] === b);
}

function signatureOf(bytes: Uint8Array): "png" | "jpeg" | null {
  for (const { format, bytes: signature } of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)) return format;
  }
  return null;
}

async function decodeImage(bytes: Uint8Array, kind: UploadKind): Promise<DecodedContent | null> {
  const claimed = signatureOf(bytes);
  if (!claimed || !kind.formats.includes(claimed) || !endsWhole(bytes, claimed)) return null;
  try {
    // failOn "error": a truncated or corrupt image is refused; libjpeg's harmless warnings are not.
    const image = sharp(bytes, { failOn: "error", limitInputPixels: kind.maxPixels ?? true });
    const { format } = await image.metadata();
    if (format !== claimed) return null;
    // Re-encoding reads every pixel; sharp writes no metadata unless asked (keepMetadata et al.).
    const upright = image.rotate();
    const encoded = await (claimed === "png" ? upright.png() : upright.jpeg({ quality: 90, mozjpeg: true })).toBuffer();
    return { format: claimed, image: new Uint8Array(encoded) };
  } catch {
    return null;
  }
}

/** Control characters no spreadsheet writes into a CSV: a binary file that happens to decode. */
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function decodeCsv(bytes: Uint8Array): DecodedContent | null {
  try {
    const decoded = decodeCsvBytes(bytes);
    return BINARY.test(decoded.text) ? null : { format: "csv", text: decoded };
  } catch (error) {
    if (error instanceof CsvError) return null;
    throw error;
  }
}

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PDF_EOF = "%%EOF";

/** Keys whose presence anywhere in a PDF means a script, an embedded file or an XFA form. */
const ACTIVE_KEYS = ["JS", "JavaScript", "EmbeddedFiles", "EmbeddedFile", "XFA", "RichMedia"];
/** Action types (/S) that run something, fetch something in, or send something out; links (/URI, /GoTo) are fine. */
const ACTIVE_ACTIONS = ["JavaScript", "Launch", "ImportData", "SubmitForm", "GoToE", "Rendition", "RichMediaExecute"];

function hasActiveContent(doc: PDFDocument): boolean {
  const seen = new Set<PDFObject>();
  const activeDict = (dict: PDFDict): boolean => {
    for (const key of ACTIVE_KEYS) if (dict.has(PDFName.of(key))) return true;
    const type = dict.get(PDFName.of("Type"));
    if (type instanceof PDFName && (type.asString() === "/EmbeddedFile" || type.asString() === "/Filespec" && dict.has(PDFName.of("EF")))) return true;
    const action = dict.get(PDFName.of("S"));
    return action instanceof PDFName && ACTIVE_ACTIONS.includes(action.asString().slice(1));
  };
  // Direct objects nest (an /OpenAction dictionary inside the catalog); references are visited as indirect objects.
  const visit = (object: PDFObject, depth: number): boolean => {
    if (depth > 64 || seen.has(object)) return false;
    seen.add(object);
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (dict) {
      if (activeDict(dict)) return true;
      for (const [, value] of dict.entries()) if (visit(value, depth + 1)) return true;
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) if (visit(value, depth + 1)) return true;
    }
    return false;
  };
  return doc.context.enumerateIndirectObjects().some(([, object]) => visit(object, 0));
}

async function decodePdf(bytes: Uint8Array): Promise<DecodedContent | ContentRefusal | null> {
  if (bytes.length < 64 || !PDF_HEADER.every((b, i) => bytes[i] === b)) return null;
  // The end-of-file marker, followed by nothing but line ends and spaces.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString("latin1");
  if (!tail.trimEnd().endsWith(PDF_EOF)) return null;
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
    if (doc.isEncrypted) return { refused: "encrypted" };
    const pages = doc.getPageCount();
    if (pages < 1) return null;
    if (hasActiveContent(doc)) return { refused: "active" };
    return { format: "pdf", pages };
  } catch {
    return null;
  }
}

/** The first of the kind's formats the bytes decode as, null when none, or why an accepted format is refused. */
export async function decodeContent(bytes: Uint8Array, kind: UploadKind): Promise<DecodedContent | ContentRefusal | null> {
  if (kind.formats.includes("pdf")) return decodePdf(bytes);
  if (kind.formats.includes("png") || kind.formats.includes("jpeg")) {
    const image = await decodeImage(bytes, kind);
    if (image) return image;
  }
  if (kind.formats.includes("csv")) return decodeCsv(bytes);
  return null;
}
