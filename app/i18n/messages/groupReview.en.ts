import type { groupReview } from "./groupReview.ja.ts";

export const groupReviewEn: Record<keyof typeof groupReview, string> = {
  "groupReview.title": "groupReview",
};
