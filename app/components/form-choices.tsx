/**
 * Choices: a single checkbox, a group of checkboxes and a group of radio buttons. Groups are a
 * <fieldset> whose <legend> names the question (JIS X 8341-3 / WCAG 1.3.1, 3.3.2); hint and
 * error are described by the fieldset and shown above the boxes. Values come back as posted
 * ("on" for a box, the option values for a group), so a form shown again keeps what was chosen.
 * The first input of a group carries the group's name as id: the error summary links there.
 */
import { forwardRef, Fragment, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { useT } from "../i18n/index.ts";

type Shell = { name: string; hint?: string; error?: string; required?: boolean };

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

function RequiredMark({ required }: { required?: boolean }) {
  const t = useT();
  return required ? <span className="required"> {t("form.required")}</span> : null;
}

/** One checkbox with its label beside it; posts "on" when ticked. */
export const Checkbox = forwardRef<HTMLInputElement, Shell & { label: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">>(
  function Checkbox({ name, label, hint, error, required, id, ...input }, ref) {
    const inputId = id ?? name;
    return (
      <div className="field field--choice">
        <HintAndError id={inputId} hint={hint} error={error} />
        <input
          ref={ref}
          id={inputId}
          name={name}
          type="checkbox"
          value="on"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(inputId, hint, error)}
          aria-required={required || undefined}
          {...input}
        />{" "}
        <label htmlFor={inputId}>
          {label}
          <RequiredMark required={required} />
        </label>
      </div>
    );
  },
);

export type Choice = { value: string; label: string };
export type ChoiceSection = { title: string; options: Choice[] };

/** Options grouped into sections by a title of each item (districts by area), in the items' order. */
export function choiceSections<T>(items: readonly T[], titleOf: (item: T) => string, choiceOf: (item: T) => Choice): ChoiceSection[] {
  const sections: ChoiceSection[] = [];
  for (const item of items) {
    const title = titleOf(item);
    let section = sections.find((s) => s.title === title);
    if (!section) sections.push((section = { title, options: [] }));
    section.options.push(choiceOf(item));
  }
  return sections;
}

type GroupProps = Shell & {
  legend: string;
  /** The chosen values (kept from a failed post, or the stored ones). */
  selected: readonly string[];
  disabled?: boolean;
};

function ChoiceList({
  type,
  name,
  options,
  selected,
  firstId,
  invalid,
  disabled,
}: {
  type: "checkbox" | "radio";
  name: string;
  options: Choice[];
  selected: readonly string[];
  firstId?: string;
  invalid: boolean;
  disabled?: boolean;
}) {
  return (
    <ul className="choices">
      {options.map((option, index) => {
        const id = index === 0 && firstId ? firstId : `${name}-${option.value}`;
        return (
          <li key={option.value}>
            <input
              id={id}
              name={name}
              type={type}
              value={option.value}
              defaultChecked={selected.includes(option.value)}
              aria-invalid={invalid || undefined}
              disabled={disabled}
            />{" "}
            <label htmlFor={id}>{option.label}</label>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Checkboxes answering one question. With `sections`, the options are grouped under their own
 * (nested) legends, e.g. districts by area. `collapsible` puts each section in a <details>
 * (its <summary> is a button to the keyboard and screen readers) that shows how many of its
 * boxes are ticked; a section opens by itself when it holds a ticked box, and the first one
 * when the question is in error (the error summary links to its first box).
 */
export function CheckboxGroup({
  name,
  legend,
  hint,
  error,
  required,
  selected,
  disabled,
  options,
  sections,
  collapsible,
}: GroupProps & { options?: Choice[]; sections?: ChoiceSection[]; collapsible?: boolean }) {
  const t = useT();
  const groups = sections ?? [{ title: "", options: options ?? [] }];
  // What is ticked now (the boxes stay uncontrolled; this only feeds the counts).
  const [ticked, setTicked] = useState<readonly string[]>(selected);
  const recount = (event: FormEvent<HTMLFieldSetElement>) => {
    const boxes = event.currentTarget.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`);
    setTicked(Array.from(boxes, (box) => box.value));
  };
  const list = (group: ChoiceSection, index: number) => (
    <ChoiceList type="checkbox" name={name} options={group.options} selected={selected} firstId={index === 0 ? name : undefined} invalid={Boolean(error)} disabled={disabled} />
  );
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy(name, hint, error)} onChange={collapsible ? recount : undefined}>
      <legend>
        {legend}
        <RequiredMark required={required} />
      </legend>
      <HintAndError id={name} hint={hint} error={error} />
      {groups.map((group, index) => {
        if (!group.title) return <Fragment key={index}>{list(group, index)}</Fragment>;
        const section = (
          <fieldset key={group.title} className="choice-section">
            <legend className={collapsible ? "visually-hidden" : undefined}>{group.title}</legend>
            {list(group, index)}
          </fieldset>
        );
        if (!collapsible) return section;
        const count = group.options.filter((o) => ticked.includes(o.value)).length;
        const open = group.options.some((o) => selected.includes(o.value)) || (Boolean(error) && index === 0);
        return (
          <details key={group.title} className="choice-details" open={open || undefined}>
            <summary id={`${name}-area-${index}`}>
              {group.title}
              <span className="choice-details__count">{t("form.chosenCount", { count })}</span>
            </summary>
            {section}
          </details>
        );
      })}
    </fieldset>
  );
}

/** Radio buttons answering one question; exactly one value is posted once one is chosen. */
export function RadioGroup({ name, legend, hint, error, required, selected, disabled, options }: GroupProps & { options: Choice[] }) {
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy(name, hint, error)}>
      <legend>
        {legend}
        <RequiredMark required={required} />
      </legend>
      <HintAndError id={name} hint={hint} error={error} />
      <ChoiceList type="radio" name={name} options={options} selected={selected} firstId={name} invalid={Boolean(error)} disabled={disabled} />
    </fieldset>
  );
}
