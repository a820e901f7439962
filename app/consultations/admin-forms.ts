/**
 * Schemas of the staff forms of public comment: the consultation itself (with the period rule of
 * Art. 39/40, the same function the server applies again when announcing), the steps, the
 * moderation forms, opinions, changes, publishing, files and the comment list's filter. Each is
 * the action's truth and the browser's mirror (decision 0015).
 */
import { z } from "zod";
import { encodeMessage } from "../i18n/index.ts";
import { urlEncodedFormBytes } from "../platform/body-limit.ts";
import { checkbox, httpUrl, list, page, text } from "../platform/forms/validation.ts";
import type { IsoDate } from "../platform/dates.ts";
import type { UploadFormLimits } from "../platform/uploads/kinds.ts";
import type { MessageKey } from "./messages/consultationAdmin.ts";
import { CHANNELS, COMMENTER_CATEGORIES, periodProblem, type PeriodProblem } from "./rules.ts";

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 2000;
export const SECTION_MAX = 200;
export const CONTACT_MAX = 1000;
export const DRAFT_MAX = 100_000;
export const REASON_TEXT_MAX = 1000;
export const NOTICE_MAX = 5000;
export const OPINION_MAX = 5000;
export const FINAL_TEXT_MAX = 100_000;
export const URL_MAX = 500;
export const FILE_TITLE_MAX = 200;

/** The consultation form's body at most: every text at its limit. */
export const CONSULTATION_BODY_LIMIT = urlEncodedFormBytes(TITLE_MAX + SUMMARY_MAX + SECTION_MAX + CONTACT_MAX + DRAFT_MAX + REASON_TEXT_MAX);
/** The results page's body at most (the final text is the longest field). */
export const RESULTS_BODY_LIMIT = urlEncodedFormBytes(FINAL_TEXT_MAX + URL_MAX + OPINION_MAX * 2 + 2000);

/** The field a period problem is shown at. */
export const PERIOD_PROBLEM_FIELD: Record<PeriodProblem, "firstDay" | "lastDay" | "shortPeriodReason"> = {
  firstDayInvalid: "firstDay",
  firstDayPast: "firstDay",
  lastDayInvalid: "lastDay",
  lastBeforeFirst: "lastDay",
  shortWithoutReason: "shortPeriodReason",
};

export function periodProblemMessage(problem: PeriodProblem): MessageKey {
  return `consultationAdmin.errors.${problem}`;
}

const day = () =>
  z
    .string()
    .default("")
    .transform((v) => v.normalize("NFKC").trim());

/**
 * The consultation: what it is, its draft, who may comment and its period. The period is at
 * least 30 days, first and last day counted (Art. 39), or shorter with its reason (Art. 40);
 * `today` is the server's day (the page passes it to the browser).
 */
export function consultationSchema(today: IsoDate) {
  return z
    .object({
      title: text(TITLE_MAX),
      summary: text(SUMMARY_MAX, { required: false }).default(""),
      section: text(SECTION_MAX),
      contact: text(CONTACT_MAX),
      draft: text(DRAFT_MAX, { required: false }).default(""),
      eligible: list(z.enum(COMMENTER_CATEGORIES)).pipe(z.array(z.enum(COMMENTER_CATEGORIES)).min(1, { error: encodeMessage("consultationAdmin.errors.eligible") })),
      identityRequired: checkbox(),
      firstDay: day(),
      lastDay: day(),
      shortPeriodReason: text(REASON_TEXT_MAX, { required: false }).default(""),
    })
    .superRefine((v, ctx) => {
      const problem = periodProblem(v, today);
      if (problem) ctx.addIssue({ code: "custom", path: [PERIOD_PROBLEM_FIELD[problem]], message: encodeMessage(periodProblemMessage(problem)) });
    });
}

export type ConsultationInput = z.output<ReturnType<typeof consultationSchema>>;

export const CONSULTATION_INTENTS = ["save", "schedule", "unschedule", "withdraw"] as const;

export const withdrawSchema = z.object({ notice: text(NOTICE_MAX) });

/** 受付番号 of the same consultation, as typed (full-width digits become half-width). */
const receipt = () =>
  z
    .string()
    .default("")
    .transform((v) => v.normalize("NFKC").trim().toUpperCase())
    .refine((v) => /^PC\d{1,10}-\d{4,}$/.test(v), { error: encodeMessage("consultationAdmin.errors.receipt") });

export const MARK_KINDS = ["duplicate", "identical"] as const;
export const markSchema = z.object({ kind: z.enum(MARK_KINDS), receipt: receipt() });
export const withholdSchema = z.object({ passage: text(2000), reason: text(REASON_TEXT_MAX) });
export const unwithholdSchema = z.object({ withholdingId: z.coerce.number().int().positive() });
export const assignSchema = z.object({
  opinionId: z
    .string()
    .default("")
    .refine((v) => v === "" || /^[1-9]\d{0,9}$/.test(v), { error: encodeMessage("consultationAdmin.errors.opinion") })
    .transform((v) => (v === "" ? null : Number(v))),
});

const sectionChoice = () =>
  z
    .string()
    .default("")
    .transform((v) => v.normalize("NFKC").trim())
    .refine((v) => v === "" || /^[1-9]\d{0,3}$/.test(v), { error: encodeMessage("consultations.errors.section") })
    .transform((v) => (v === "" ? null : Number(v)));

/** Receipt numbers separated by spaces, commas or 、; each checked by the server against the consultation. */
const receiptList = () =>
  z
    .string()
    .default("")
    .transform((v) =>
      v
        .normalize("NFKC")
        .toUpperCase()
        .split(/[\s,、]+/)
        .filter(Boolean),
    )
    .refine((list) => list.every((r) => /^PC\d{1,10}-\d{4,}$/.test(r)), { error: encodeMessage("consultationAdmin.errors.receipt") });

export const opinionSchema = z.object({
  opinionId: z
    .string()
    .default("")
    .refine((v) => v === "" || /^[1-9]\d{0,9}$/.test(v), { error: encodeMessage("errors.invalid") })
    .transform((v) => (v === "" ? null : Number(v))),
  section: sectionChoice(),
  summary: text(OPINION_MAX),
  response: text(OPINION_MAX, { required: false }).default(""),
  receipts: receiptList(),
});
export type OpinionInput = z.output<typeof opinionSchema>;

/** The change's section field has its own name: the opinion's form on the same page has "section". */
export const changeSchema = z.object({
  changeSection: sectionChoice(),
  change: text(OPINION_MAX),
  reason: text(OPINION_MAX),
});
export type ChangeInput = z.output<typeof changeSchema>;

export const deleteSchema = z.object({ id: z.coerce.number().int().positive() });

export const publishSchema = z
  .object({
    finalText: text(FINAL_TEXT_MAX, { required: false }).default(""),
    finalTextUrl: httpUrl(URL_MAX, encodeMessage("consultationAdmin.errors.finalTextUrl")),
  })
  .superRefine((v, ctx) => {
    if (v.finalText === "" && v.finalTextUrl === "") ctx.addIssue({ code: "custom", path: ["finalText"], message: encodeMessage("consultationAdmin.errors.noFinalText") });
  });
export type PublishInput = z.output<typeof publishSchema>;

export const RESULTS_INTENTS = ["opinion", "deleteOpinion", "change", "deleteChange", "publish"] as const;
export const COMMENT_INTENTS = ["mark", "unmark", "withhold", "unwithhold", "assign"] as const;

export const FILE_KINDS = ["draft", "material"] as const;
export const fileSchema = z.object({ kind: z.enum(FILE_KINDS), title: text(FILE_TITLE_MAX) });
export const FILE_INTENTS = ["add", "remove"] as const;
/** The files page's form: one PDF and its title (platform/uploads reads it with these limits). */
export const FILE_FORM_LIMITS = { files: { file: "document" }, maxTextBytes: 4 * 1024 } as const satisfies UploadFormLimits;

/** Comments a page of the staff's list. */
export const COMMENT_PAGE_SIZE = 50;

/** The comment list's filter: section, channel, a mark, words; never fails (a bad value is no filter). */
export const COMMENT_MARKS = ["duplicate", "identical", "withheld", "ungrouped"] as const;
export const commentFilterSchema = z.object({
  section: z
    .string()
    .default("")
    .transform((v) => (v === "whole" ? ("whole" as const) : /^[1-9]\d{0,3}$/.test(v) ? Number(v) : null)),
  channel: z
    .string()
    .default("")
    .transform((v) => ((CHANNELS as readonly string[]).includes(v) ? (v as (typeof CHANNELS)[number]) : null)),
  mark: z
    .string()
    .default("")
    .transform((v) => ((COMMENT_MARKS as readonly string[]).includes(v) ? (v as (typeof COMMENT_MARKS)[number]) : null)),
  q: text(100, { required: false }).catch("").default(""),
  page: page(),
});
export type CommentFilter = z.output<typeof commentFilterSchema>;
