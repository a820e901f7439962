/**
 * The comment forms' schemas: the action's truth and the browser's mirror (decision 0015). The
 * rules depend on the consultation (whether name and address are required, who may comment,
 * how many sections its draft has), so each schema is made from that.
 */
import { z } from "zod";
import { encodeMessage } from "../i18n/index.ts";
import { isIsoDate, type IsoDate } from "../platform/dates.ts";
import { email, text } from "../platform/forms/validation.ts";
import { COMMENT_MAX, STAFF_CHANNELS, type CommenterCategory } from "./rules.ts";

/** What a comment form needs to know of its consultation. */
export type CommentRules = { identityRequired: boolean; eligible: readonly CommenterCategory[]; sectionCount: number };

export const NAME_MAX = 100;
export const ADDRESS_MAX = 200;
/** The hidden one-time key of a rendered form (a double click sends it twice). */
export const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

function sectionNumber(count: number) {
  return z
    .string()
    .default("")
    .transform((v) => v.normalize("NFKC").trim())
    .refine((v) => v === "" || (/^[1-9]\d{0,3}$/.test(v) && Number(v) <= count), { error: encodeMessage("consultations.errors.section") })
    .transform((v) => (v === "" ? null : Number(v)));
}

function category(eligible: readonly CommenterCategory[]) {
  return z
    .string()
    .default("")
    .refine((v): v is CommenterCategory => (eligible as readonly string[]).includes(v), { error: encodeMessage("consultations.errors.category") })
    .transform((v) => v as CommenterCategory);
}

/** Schemas made, by rules: every comment on a consultation is checked against the same one. */
const schemas = new Map<string, ReturnType<typeof makeCommentSchema>>();

/** The public form (and, prefilled, a logged-in resident's); made once per set of rules. */
export function commentSchema(rules: CommentRules) {
  const key = `${rules.identityRequired ? 1 : 0}|${rules.eligible.join(",")}|${rules.sectionCount}`;
  let schema = schemas.get(key);
  if (!schema) {
    if (schemas.size >= 256) schemas.clear();
    schema = makeCommentSchema(rules);
    schemas.set(key, schema);
  }
  return schema;
}

function makeCommentSchema(rules: CommentRules) {
  return z.object({
    name: text(NAME_MAX, { required: rules.identityRequired }).default(""),
    address: text(ADDRESS_MAX, { required: rules.identityRequired }).default(""),
    category: category(rules.eligible),
    email: email({ required: false }).default(""),
    section: sectionNumber(rules.sectionCount),
    body: text(COMMENT_MAX),
    submissionKey: z.string().default("").refine((v) => v === "" || SUBMISSION_KEY.test(v), { error: encodeMessage("errors.invalid") }),
  });
}

export type CommentInput = z.output<ReturnType<typeof commentSchema>>;

/**
 * A comment received on paper, by fax, at the counter or by mail, typed in by staff: the channel
 * and the date of receipt, which lies within the period and not after today.
 */
export function staffCommentSchema(rules: CommentRules, period: { firstDay: IsoDate; lastDay: IsoDate; today: IsoDate }) {
  return commentSchema(rules).extend({
    channel: z.enum(STAFF_CHANNELS),
    receivedOn: z
      .string()
      .default("")
      .transform((v) => v.normalize("NFKC").trim())
      .refine((v) => isIsoDate(v) && v >= period.firstDay && v <= period.lastDay && v <= period.today, {
        error: encodeMessage("consultations.errors.receivedOn"),
      }),
  });
}

export type StaffCommentInput = z.output<ReturnType<typeof staffCommentSchema>>;
