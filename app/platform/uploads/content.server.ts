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
 */
import sharp from "sharp";
import { CsvError, decodeCsvBytes, type CsvEncoding } from "../csv.ts";
import type { UploadFormat, UploadKind } from "./kinds.ts";

/**
 * What decoding found: the format; for an image the re-encoded bytes to keep instead of those
 * sent; for text the text itself (so it is not decoded twice).
 */
export type DecodedContent = { format: UploadFormat; image?: Uint8Array; text?: { text: string; encoding: CsvEncoding } };

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

/** The first of the kind's formats the bytes decode as, or null when none. */
export async function decodeContent(bytes: Uint8Array, kind: UploadKind): Promise<DecodedContent | null> {
  if (kind.formats.includes("png") || kind.formats.includes("jpeg")) {
    const image = await decodeImage(bytes, kind);
    if (image) return image;
  }
  if (kind.formats.includes("csv")) return decodeCsv(bytes);
  return null;
}
