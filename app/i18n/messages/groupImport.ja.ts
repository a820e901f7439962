/** Messages of the groupImport area of the group registry. */
export const groupImport = {
  "groupImport.title": "groupImport",
} as const;
