import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { translateMessage, useT } from "../i18n/index.ts";
import { HONEYPOT_FIELD } from "../platform/honeypot.ts";

type FieldShell = { name: string; label: string; hint?: string; error?: string; required?: boolean };

/** The ids a field's aria-describedby names: its hint and its error, when shown. */
export function describedBy(name: string, hint?: string, error?: string) {
  return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and error, with the ids describedBy names; every field shell shows them the same way. */
export function FieldMessages({ name, hint, error }: { name: string; hint?: ReactNode; error?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

function Shell({ name, label, hint, error, required, children }: FieldShell & { children: ReactNode }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required ? <span className="required"> {t("form.required")}</span> : null}
      </label>
      <FieldMessages name={name} hint={hint} error={error} />
      {children}
    </div>
  );
}

// forwardRef: react-hook-form reads values through the element's ref.
export const TextField = forwardRef<HTMLInputElement, FieldShell & InputHTMLAttributes<HTMLInputElement>>(function TextField(
  { name, label, hint, error, required, ...input },
  ref,
) {
  return (
    <Shell name={name} label={label} hint={hint} error={error} required={required}>
      <input
        ref={ref}
        id={name}
        name={name}
        type="text"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        aria-required={required || undefined}
        {...input}
      />
    </Shell>
  );
});

export const TextArea = forwardRef<HTMLTextAreaElement, FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextArea(
  { name, label, hint, error, required, ...input },
  ref,
) {
  return (
    <Shell name={name} label={label} hint={hint} error={error} required={required}>
      <textarea
        ref={ref}
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        aria-required={required || undefined}
        {...input}
      />
    </Shell>
  );
});

/** An option of a select; `lang` where its text is in another language than the page (a district's name on an English page). */
export type SelectOption = { value: string; label: string; lang?: string };
/** Options under a heading (<optgroup>), e.g. districts by area. */
export type SelectOptionGroup = { group: string; lang?: string; options: SelectOption[] };

function Option({ option }: { option: SelectOption }) {
  return (
    <option value={option.value} lang={option.lang}>
      {option.label}
    </option>
  );
}

export const SelectField = forwardRef<
  HTMLSelectElement,
  FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { options: (SelectOption | SelectOptionGroup)[] }
>(function SelectField({ name, label, hint, error, required, options, ...select }, ref) {
  return (
    <Shell name={name} label={label} hint={hint} error={error} required={required}>
      <select
        ref={ref}
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        aria-required={required || undefined}
        {...select}
      >
        {options.map((o) =>
          "group" in o ? (
            <optgroup key={`group-${o.group}`} label={o.group} lang={o.lang}>
              {o.options.map((option) => (
                <Option key={option.value} option={option} />
              ))}
            </optgroup>
          ) : (
            <Option key={o.value} option={o} />
          ),
        )}
      </select>
    </Shell>
  );
});

/**
 * Lists the errors at the top, each linking to its field, as JIS X 8341-3 / WCAG 3.3.1 suggests.
 * `autoFocus` (a page answering a refused post): the heading takes focus as the page loads, so
 * without JavaScript too the browser scrolls to it and a screen reader starts there.
 */
export function ErrorSummary({ errors, labels, autoFocus }: { errors: Record<string, string | undefined>; labels: Record<string, string>; autoFocus?: boolean }) {
  const t = useT();
  const entries = Object.entries(errors).filter(([, m]) => m);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2 tabIndex={-1} autoFocus={autoFocus}>
        {t("form.errorSummary", { count: entries.length })}
      </h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>
              {labels[field] ?? field}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The honeypot input (see utils/honeypot.ts): off-screen, hidden from assistive technology. */
export function HoneypotField() {
  const t = useT();
  return (
    <div className="hp-field" aria-hidden="true">
      <label htmlFor={HONEYPOT_FIELD}>{t("form.honeypot")}</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

/** Server message (a catalogue key) or client message, translated for the reader. */
export function useFieldError() {
  const t = useT();
  return (message: string | undefined) => translateMessage(t, message);
}

