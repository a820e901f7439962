/**
 * PDF files for the tests of PDF uploads, made by pdf-lib: a plain document, and ones carrying
 * what the check refuses (a script run on opening, an embedded file, encryption).
 */
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from "pdf-lib";

export type PdfVariant = "plain" | "openActionScript" | "namedScript" | "embeddedFile" | "launch" | "encrypted";

export async function makePdf(variant: PdfVariant = "plain", { pages = 1, title = "Draft" } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`${title} - page ${i + 1}`, { x: 72, y: 760, size: 14, font });
  const { context, catalog } = doc;
  switch (variant) {
    case "openActionScript":
      catalog.set(PDFName.of("OpenAction"), context.obj({ S: "JavaScript", JS: PDFString.of("app.alert('x')") }));
      break;
    case "namedScript": {
      const action = context.register(context.obj({ S: "JavaScript", JS: PDFString.of("this.print()") }));
      catalog.set(PDFName.of("Names"), context.obj({ JavaScript: context.obj({ Names: [PDFString.of("p"), action] }) }));
      break;
    }
    case "embeddedFile":
      await doc.attach(new TextEncoder().encode("secret"), "notes.txt", { mimeType: "text/plain" });
      break;
    case "launch":
      catalog.set(PDFName.of("OpenAction"), context.obj({ S: "Launch", F: PDFString.of("cmd.exe") }));
      break;
    case "encrypted":
      context.trailerInfo.Encrypt = context.register(
        context.obj({ Filter: "Standard", V: 1, R: 2, O: PDFHexString.of("00".repeat(32)), U: PDFHexString.of("00".repeat(32)), P: -4 }),
      );
      break;
  }
  return doc.save({ useObjectStreams: variant !== "encrypted" });
}
