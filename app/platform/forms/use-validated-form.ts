import { useSubmit } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { useForm, type FieldErrors as HookErrors, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { translateMessage, useT } from "../../i18n/index.ts";
import { fieldErrorsOf, formDataValues, catalogueErrorMap, type FieldErrors } from "./validation.ts";
import { textValue, type FormValues } from "./values.ts";

/**
 * Brings the error summary inside `root` to the top of the view and focuses its heading (the
 * summary itself when it has none). Scrolling first, then focusing without scrolling, keeps
 * the browser from scrolling the heading just barely into view; .error-summary has a
 * scroll-margin so nothing covers it.
 */
export function focusErrorSummary(root: HTMLElement | null) {
  const summary = root?.querySelector<HTMLElement>(".error-summary");
  if (!summary) return;
  summary.scrollIntoView({ block: "start" });
  (summary.querySelector<HTMLElement>("h2[tabindex]") ?? summary).focus({ preventScroll: true });
}

export type ServerForm = { errors?: FieldErrors; values?: FormValues } | undefined;

/**
 * The one pattern of every form (decision 0015). The form stays a plain <Form method="post">:
 * without JavaScript it posts and the action validates with parseForm. With JavaScript,
 * react-hook-form keeps the errors and re-validates touched fields, and its resolver runs the
 * action's own zod schema over the form's own FormData (with the button pressed), read as
 * parseForm reads it: checkboxes, checkbox groups and radios are judged exactly as the server
 * will judge them. Server errors (a catalogue key per field) show until the browser has its own.
 * Search and filter forms pass { method: "get" }; long forms pass { focus: "summary" } to move
 * focus to their error summary (summaryRef) instead of the first field in error.
 */
export function useValidatedForm<S extends z.ZodType>(
  schema: S,
  server: ServerForm,
  defaults: FormValues = {},
  { method = "post", focus = "field" }: { method?: "get" | "post"; focus?: "field" | "summary" } = {},
) {
  const t = useT();
  const submit = useSubmit();
  const submitter = useRef<HTMLButtonElement | HTMLInputElement | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const initial: FormValues = { ...defaults, ...(server?.values ?? {}) };

  const resolver: Resolver<FieldValues> = async (values, _context, options) => {
    const element = Object.values(options.fields).find((f) => f?.ref && "form" in f.ref)?.ref as HTMLInputElement | undefined;
    const posted = element?.form ? formDataValues(new FormData(element.form, submitter.current)) : values;
    const result = schema.safeParse(posted, { error: catalogueErrorMap });
    if (result.success) return { values: result.data as FieldValues, errors: {} };
    const errors: HookErrors = {};
    for (const [name, message] of Object.entries(fieldErrorsOf(result.error.issues))) errors[name] = { type: "schema", message };
    return { values: {}, errors };
  };

  const form = useForm<FieldValues>({
    resolver,
    defaultValues: Object.fromEntries(Object.keys(initial).map((name) => [name, textValue(initial, name)])),
    mode: "onTouched",
    shouldFocusError: focus === "field",
  });

  const clientError = (name: string): string | undefined => {
    const message = form.formState.errors[name]?.message;
    return typeof message === "string" ? message : undefined;
  };
  // The server's answer that the browser last judged the form against: once the browser has
  // judged, the server's older messages are stale; a newer answer shows again.
  const [judged, setJudged] = useState<ServerForm | null>(null);
  const errorFor = (name: string): string | undefined =>
    translateMessage(t, clientError(name) ?? (judged === server && form.formState.isSubmitted ? undefined : server?.errors?.[name]));

  const focusSummary = () => requestAnimationFrame(() => focusErrorSummary(summaryRef.current));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const pressed = (event.nativeEvent as SubmitEvent).submitter;
    submitter.current = pressed instanceof HTMLButtonElement || pressed instanceof HTMLInputElement ? pressed : null;
    setJudged(server);
    void form.handleSubmit(
      () => submit(submitter.current ?? element, { method }),
      () => (focus === "summary" ? focusSummary() : undefined),
    )(event);
  };

  /** After a refused submit, messages follow every correction (checkbox groups and radios included). */
  const onChange = () => {
    if (form.formState.isSubmitted) void form.trigger();
  };

  /** Props for a text input, select or textarea: RHF's registration plus the value in the
   *  server-rendered HTML, so a form re-shown after a failed post keeps what was typed even
   *  without JavaScript. */
  const field = (name: string) => ({ ...form.register(name), defaultValue: textValue(initial, name) });

  return { field, errorFor, onSubmit, onChange, summaryRef, values: initial, formState: form.formState };
}
