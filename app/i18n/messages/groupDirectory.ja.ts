/** Messages of the groupDirectory area of the group registry. */
export const groupDirectory = {
  "groupDirectory.title": "groupDirectory",
} as const;
