import type { groupForm } from "./groupForm.ja.ts";

export const groupFormEn: Record<keyof typeof groupForm, string> = {
  "groupForm.title": "groupForm",
};
