import type { account } from "./account.ja.ts";

export const accountEn: Record<keyof typeof account, string> = {
  "account.placeholderRemoveMe": "",
};
