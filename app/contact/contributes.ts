/** What the contact form adds to the shared screens (decision 0017): its entry on the home page. */
import type { DomainContributions } from "../platform/contributions.ts";
import { contactMessages } from "./messages.ts";

export const contributions = {
  messages: [contactMessages],
  home: [{ id: "contact", size: "more", order: 90, title: "contact.home.title", body: "contact.home.body", href: "/contact" }],
} satisfies DomainContributions;
