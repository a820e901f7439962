import type { MessageKey } from "../i18n/index.ts";

/** The sections that exist. Each feature adds its entry here when it lands. */
export const NAV_ITEMS: { to: string; label: MessageKey }[] = [
  { to: "/", label: "nav.home" },
  { to: "/groups", label: "nav.groups" },
  { to: "/consultations", label: "nav.consultations" },
  { to: "/districts", label: "nav.districts" },
  { to: "/contact", label: "nav.contact" },
];
