/** Messages of the admin area. */
export const admin = {
  "admin.placeholderRemoveMe": "",
} as const;
