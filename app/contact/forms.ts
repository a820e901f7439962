import { z } from "zod";
import { email, text } from "../platform/forms/validation.ts";

export const CONTACT_TOPICS = ["accessibility", "usage", "privacy", "other"] as const;

/** One schema for the contact form: the action's truth and the browser's mirror. */
export const contactSchema = z.object({
  name: text(100, { required: false }).default(""),
  email: email({ required: false }).default(""),
  topic: z.enum(CONTACT_TOPICS),
  message: text(2000),
});

export type ContactInput = z.output<typeof contactSchema>;
