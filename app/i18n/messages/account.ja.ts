/** Messages of the account area. */
export const account = {
  "account.placeholderRemoveMe": "",
} as const;
