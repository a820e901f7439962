/**
 * The uploads module without a store: the content check of each kind (decoded, never judged by
 * name, claimed type or first bytes alone), the names it serves, and the download name.
 */
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { checkUpload, contentDisposition, contentTypeOf, isUploadName, maxBodyBytes } from "../../app/platform/uploads/index.server.ts";
import { UPLOAD_KINDS } from "../../app/platform/uploads/kinds.ts";
import { makePdf } from "../support/pdf.ts";

const white = { width: 4, height: 3, channels: 3 as const, background: "#ffffff" };
const png = new Uint8Array(await sharp({ create: white }).png().toBuffer());
const jpeg = new Uint8Array(await sharp({ create: white }).jpeg().toBuffer());
const text = (s: string) => new TextEncoder().encode(s);
const file = (bytes: Uint8Array, name: string, type = "application/octet-stream") => new File([new Uint8Array(bytes)], name, { type });

describe("a logo is judged by decoding it", () => {
  it("takes whole PNG and JPEG images, whatever their name and claimed type", async () => {
    expect(await checkUpload("logo", file(png, "logo.txt", "text/plain"))).toMatchObject({ kind: "file", format: "png", fileName: "logo.txt" });
    expect(await checkUpload("logo", file(jpeg, "x.gif", "image/gif"))).toMatchObject({ kind: "file", format: "jpeg" });
  });

  it("refuses a file whose first bytes are an image but whose content is not", async () => {
    // The signature and the start of the header, nothing more: a first-bytes check took this.
    expect(await checkUpload("logo", file(png.subarray(0, 29), "cut.png"))).toEqual({ kind: "error", error: "type" });
    // A whole header and a broken image stream.
    const broken = new Uint8Array(png);
    broken.fill(0x00, 40, png.length - 12);
    expect(await checkUpload("logo", file(broken, "broken.png"))).toEqual({ kind: "error", error: "type" });
    expect(await checkUpload("logo", file(jpeg.subarray(0, jpeg.length - 40), "cut.jpg"))).toEqual({ kind: "error", error: "type" });
  });

  it("refuses an image with a web page after it (a polyglot), and a signature followed by HTML", async () => {
    const page = text("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
    for (const image of [png, jpeg]) {
      expect(await checkUpload("logo", file(new Uint8Array([...image, ...page]), "logo.png"))).toEqual({ kind: "error", error: "type" });
      expect(await checkUpload("logo", file(new Uint8Array([...image.subarray(0, 8), ...page]), "logo.png"))).toEqual({ kind: "error", error: "type" });
    }
  });

  it("keeps an image as re-encoded: upright by its EXIF orientation, without EXIF, GPS or comments", async () => {
    const photo = new Uint8Array(
      await sharp({ create: { width: 4, height: 2, channels: 3, background: "#c00" } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExifMerge({ IFD0: { Copyright: "gps-test" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 19/1 3/1", GPSLongitudeRef: "E", GPSLongitude: "138/1 53/1 7/1" } })
        .toBuffer(),
    );
    const sent = await sharp(photo).metadata();
    // The photo as a phone sends it: turned, with a GPS block (tag 0x8825, little-endian).
    expect([sent.orientation, sent.width, sent.height]).toEqual([6, 4, 2]);
    expect(sent.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    const checked = await checkUpload("logo", file(photo, "photo.jpg"));
    if (checked.kind !== "file") throw new Error(`refused: ${JSON.stringify(checked)}`);
    const kept = await sharp(checked.bytes).metadata();
    expect({ format: kept.format, width: kept.width, height: kept.height, orientation: kept.orientation, exif: kept.exif, xmp: kept.xmp }).toEqual({
      format: "jpeg",
      width: 2,
      height: 4,
      orientation: undefined,
      exif: undefined,
      xmp: undefined,
    });
    expect(Buffer.from(checked.bytes).includes("gps-test")).toBe(false);

    const tagged = new Uint8Array(await sharp({ create: white }).png().withExifMerge({ IFD0: { Copyright: "png-test" } }).toBuffer());
    expect(Buffer.from(tagged).includes("png-test")).toBe(true);
    const checkedPng = await checkUpload("logo", file(tagged, "logo.png"));
    if (checkedPng.kind !== "file") throw new Error("refused");
    expect(Buffer.from(checkedPng.bytes).includes("png-test")).toBe(false);
    expect((await sharp(checkedPng.bytes).metadata()).format).toBe("png");
  });

  it("refuses scripts, SVG, GIF and other images sharp could read but the kind does not take", async () => {
    const gif = new Uint8Array(await sharp({ create: white }).gif().toBuffer());
    const webp = new Uint8Array(await sharp({ create: white }).webp().toBuffer());
    for (const bytes of [text("<script>alert(1)</script>"), text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), gif, webp]) {
      expect(await checkUpload("logo", file(bytes, "logo.png", "image/png"))).toEqual({ kind: "error", error: "type" });
    }
  });

  it("refuses an image of more pixels than the kind decodes, however small the file", async () => {
    const huge = new Uint8Array(await sharp({ create: { width: 5000, height: 4000, channels: 3, background: "#000" } }).png({ compressionLevel: 9 }).toBuffer());
    expect(huge.length).toBeLessThan(UPLOAD_KINDS.logo.maxBytes);
    expect(await checkUpload("logo", file(huge, "bomb.png"))).toEqual({ kind: "error", error: "type" });
  });

  it("refuses by size before decoding, up to the kind's limit exactly", async () => {
    const big = new Uint8Array(UPLOAD_KINDS.logo.maxBytes + 1);
    big.set(png);
    expect(await checkUpload("logo", file(big, "big.png"))).toEqual({ kind: "error", error: "size" });
    expect(await checkUpload("logo", null, { oversize: true })).toEqual({ kind: "error", error: "size" });
  });

  it("tells nothing chosen from a text value in a file field", async () => {
    expect(await checkUpload("logo", file(new Uint8Array(0), ""))).toEqual({ kind: "none" });
    expect(await checkUpload("logo", null)).toEqual({ kind: "none" });
    expect(await checkUpload("logo", "")).toEqual({ kind: "none" });
    expect(await checkUpload("logo", "<script>")).toEqual({ kind: "error", error: "type" });
  });
});

describe("a CSV import is judged by decoding its text", () => {
  it("takes UTF-8 and Shift_JIS text and hands back what it decoded", async () => {
    expect(await checkUpload("csvImport", file(text("\uFEFF名称\r\n安中\r\n"), "a.csv"))).toMatchObject({
      kind: "file",
      format: "csv",
      text: { text: "名称\r\n安中\r\n", encoding: "utf-8" },
    });
    const sjis = new Uint8Array([0x88, 0xc0, 0x92, 0x86, 0x0d, 0x0a]);
    expect(await checkUpload("csvImport", file(sjis, "b.csv"))).toMatchObject({ text: { text: "安中\r\n", encoding: "shift_jis" } });
  });

  it("refuses an image, binary bytes and undecodable text", async () => {
    for (const bytes of [png, new Uint8Array([0x61, 0x00, 0x62]), new Uint8Array([0x41, 0xff, 0xfe, 0x42])]) {
      expect(await checkUpload("csvImport", file(bytes, "x.csv", "text/csv"))).toEqual({ kind: "error", error: "type" });
    }
  });
});

describe("a public comment's document is judged by reading it as a PDF", () => {
  it("takes a whole PDF (its objects and page tree read), whatever its name and claimed type", async () => {
    const pdf = await makePdf("plain", { pages: 3 });
    expect(await checkUpload("document", file(pdf, "案.txt", "text/plain"))).toMatchObject({ kind: "file", format: "pdf", pages: 3, fileName: "案.txt" });
    // Kept as sent: re-writing could lose a tagged PDF's structure for screen readers.
    const checked = await checkUpload("document", file(pdf, "a.pdf"));
    expect(checked.kind === "file" && Buffer.from(checked.bytes).equals(Buffer.from(pdf))).toBe(true);
  });

  it("refuses what only starts like a PDF: a cut file, a header followed by HTML, a PDF with a web page after it, an image", async () => {
    const pdf = await makePdf();
    const page = text("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
    for (const bytes of [pdf.subarray(0, Math.floor(pdf.length / 2)), new Uint8Array([...pdf.subarray(0, 9), ...page]), new Uint8Array([...pdf, ...page]), png, text("%PDF-1.7\n%%EOF")]) {
      expect(await checkUpload("document", file(bytes, "x.pdf", "application/pdf"))).toEqual({ kind: "error", error: "type" });
    }
    // Objects scrambled in the middle, header and end marker intact.
    const broken = new Uint8Array(pdf);
    broken.fill(0x41, 200, pdf.length - 200);
    expect(await checkUpload("document", file(broken, "broken.pdf"))).toEqual({ kind: "error", error: "type" });
  });

  it("refuses a PDF with a script (on opening or named), a launch action or an embedded file", async () => {
    for (const variant of ["openActionScript", "namedScript", "launch", "embeddedFile"] as const) {
      expect(await checkUpload("document", file(await makePdf(variant), `${variant}.pdf`)), variant).toEqual({ kind: "error", error: "active" });
    }
  });

  it("refuses an encrypted PDF, whose objects cannot be checked", async () => {
    expect(await checkUpload("document", file(await makePdf("encrypted"), "locked.pdf"))).toEqual({ kind: "error", error: "encrypted" });
  });

  it("refuses a PDF for an image or CSV kind, and an image for the document kind", async () => {
    const pdf = await makePdf();
    expect(await checkUpload("logo", file(pdf, "a.pdf"))).toEqual({ kind: "error", error: "type" });
    expect(await checkUpload("csvImport", file(pdf, "a.csv"))).toEqual({ kind: "error", error: "type" });
    expect(await checkUpload("document", file(jpeg, "a.pdf"))).toEqual({ kind: "error", error: "type" });
  });
});

describe("stored names and how they are served", () => {
  it("serves only names it made, with the type of their extension", () => {
    const name = `${"a1".repeat(16)}.png`;
    expect(isUploadName(name)).toBe(true);
    expect(contentTypeOf(name)).toBe("image/png");
    expect(contentTypeOf(`${"0".repeat(32)}.jpg`)).toBe("image/jpeg");
    expect(contentTypeOf(`${"0".repeat(32)}.csv`)).toBe("text/csv");
    for (const bad of ["../x.png", `${"a".repeat(32)}.svg`, `${"a".repeat(32)}.png.html`, `${"A".repeat(32)}.png`, "x.png", `/${"a".repeat(32)}.png`]) {
      expect(isUploadName(bad), bad).toBe(false);
      expect(contentTypeOf(bad)).toBeNull();
    }
  });

  it("gives an ASCII fallback and the real name as RFC 5987 filename*", () => {
    expect(contentDisposition("inline", "logo.png")).toBe(`inline; filename="logo.png"; filename*=UTF-8''logo.png`);
    expect(contentDisposition("attachment", "意見募集 資料(案).pdf")).toBe(
      `attachment; filename="____ __(_).pdf"; filename*=UTF-8''%E6%84%8F%E8%A6%8B%E5%8B%9F%E9%9B%86%20%E8%B3%87%E6%96%99%28%E6%A1%88%29.pdf`,
    );
    // Quotes, separators and line breaks never reach the header as they are.
    const hostile = contentDisposition("attachment", '../"evil"\r\nSet-Cookie: x=1;.csv');
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile).toMatch(/^attachment; filename="\.\._[^"]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(contentDisposition("inline", "")).toBe(`inline; filename="download"; filename*=UTF-8''download`);
  });

  it("allows a form's body its files, its text and the multipart envelope", () => {
    expect(maxBodyBytes({ files: { logo: "logo" }, maxTextBytes: 1000 })).toBe(UPLOAD_KINDS.logo.maxBytes + 1000 + 64 * 1024);
  });
});
