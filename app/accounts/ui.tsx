import { describedBy, FieldMessages } from "../components/form.tsx";
import { forwardRef, type InputHTMLAttributes } from "react";
import type { Notice } from "./forms.ts";
import { translateMessage, useT } from "../i18n/index.ts";
import { accountMessages } from "./messages.ts";

/**
 * Pieces shared by the account pages. Presentational only: the routes load and decide.
 */

/** A confirmation after a redirect (?notice=…), announced politely. */
export function NoticeBanner({ notice }: { notice: Notice | null | undefined }) {
  const t = useT(accountMessages);
  if (!notice) return null;
  return (
    <p className="notice" role="status">
      {t(`account.notice.${notice}`)}
    </p>
  );
}

/**
 * An error about the form as a whole (wrong email or password, too many tries), announced at
 * once. `message` is a catalogue key, possibly with parameters (see encodeMessage).
 */
export function FormAlert({ message, id }: { message: string | undefined; id?: string }) {
  const t = useT(accountMessages);
  const text = translateMessage(t, message);
  if (!text) return null;
  return (
    <div className="error-summary" role="alert" id={id} tabIndex={-1}>
      <p>{text}</p>
    </div>
  );
}

type CheckboxProps = { name: string; label: string; hint?: string; error?: string; required?: boolean } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type"
>;

/** A single checkbox (consent): the label wraps the box, so the whole text is the click target. */
export const CheckboxField = forwardRef<HTMLInputElement, CheckboxProps>(function CheckboxField(
  { name, label, hint, error, required, ...input },
  ref,
) {
  const t = useT(accountMessages);
  return (
    <div className="field">
      <FieldMessages name={name} hint={hint} error={error} />
      <label htmlFor={name}>
        <input
          ref={ref}
          id={name}
          name={name}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, hint, error)}
          aria-required={required || undefined}
          {...input}
        />{" "}
        {label}
        {required ? <span className="required"> {t("form.required")}</span> : null}
      </label>
    </div>
  );
});

/** Recovery codes, shown once right after they are made. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const t = useT(accountMessages);
  return (
    <section aria-labelledby="recovery-codes-heading" className="notice">
      <h2 id="recovery-codes-heading">{t("account.twoFactor.codesTitle")}</h2>
      <p>{t("account.twoFactor.codesLead")}</p>
      <ul>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The key of a TOTP secret in groups of four, for typing it into an app by hand. */
export function groupedKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
