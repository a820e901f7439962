import type { groupDirectory } from "./groupDirectory.ja.ts";

export const groupDirectoryEn: Record<keyof typeof groupDirectory, string> = {
  "groupDirectory.title": "groupDirectory",
};
