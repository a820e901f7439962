/** Messages of the groupForm area of the group registry. */
export const groupForm = {
  "groupForm.title": "groupForm",
} as const;
