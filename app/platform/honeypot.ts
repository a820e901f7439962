/**
 * A honeypot field: hidden from people (off-screen, not announced, skipped by Tab) but
 * filled in by form-filling bots. A filled field means the submission is silently dropped.
 */
export const HONEYPOT_FIELD = "website_url";

export function honeypotTripped(formData: FormData): boolean {
  const value = formData.get(HONEYPOT_FIELD);
  return typeof value === "string" && value.trim() !== "";
}
