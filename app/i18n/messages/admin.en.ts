import type { admin } from "./admin.ja.ts";

export const adminEn: Record<keyof typeof admin, string> = {
  "admin.placeholderRemoveMe": "",
};
