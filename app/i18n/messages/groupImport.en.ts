import type { groupImport } from "./groupImport.ja.ts";

export const groupImportEn: Record<keyof typeof groupImport, string> = {
  "groupImport.title": "groupImport",
};
