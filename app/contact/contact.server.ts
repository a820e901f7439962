import { city } from "../config/city.ts";
import type { ContactInput } from "./forms.ts";
import { translator } from "../i18n/index.ts";
import { contactMessages } from "./messages.ts";
import { enqueueMail } from "../platform/mail.server.ts";

/**
 * An enquiry goes to the section's mailbox through the outbox; it is not stored elsewhere,
 * so the portal keeps no register of enquirers beyond the mail itself.
 */
export async function sendEnquiry(input: ContactInput) {
  const t = translator("ja", contactMessages);
  const topic = t(`contact.topic.${input.topic}`);
  const text = [
    `種類: ${topic}`,
    `お名前: ${input.name || "（記入なし）"}`,
    `メールアドレス: ${input.email || "（記入なし・回答不要）"}`,
    "",
    input.message,
  ].join("\n");
  return enqueueMail({ to: city.contactEmail, subject: t("contact.mailSubject", { topic }), text });
}
