/** Messages of the groupReview area of the group registry. */
export const groupReview = {
  "groupReview.title": "groupReview",
} as const;
