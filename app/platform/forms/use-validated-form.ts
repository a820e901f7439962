import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { translateMessage, useT } from "../../i18n/index.ts";
import { catalogueErrorMap } from "./validation.ts";

/**
 * react-hook-form mirrors the server's zod schema in the browser. The form stays a plain
 * <Form method="post">: without JavaScript it posts and the action validates; with it,
 * errors show before the round trip. Server errors (a catalogue key per field) win when present.
 * Search and filter forms pass { method: "get" }.
 */
export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  server: { errors?: Record<string, string>; values?: Record<string, string> } | undefined,
  defaults: Record<string, string> = {},
  { method = "post" }: { method?: "get" | "post" } = {},
) {
  const t = useT();
  const submit = useSubmit();
  const initial: Record<string, string> = { ...defaults, ...(server?.values ?? {}) };
  const form = useForm({
    resolver: zodResolver(schema as never, { error: catalogueErrorMap } as never) as unknown as Resolver<FieldValues>,
    defaultValues: initial,
    mode: "onTouched",
    shouldUseNativeValidation: false,
  });
  const errorFor = (name: string): string | undefined => {
    const client = form.formState.errors[name]?.message;
    return translateMessage(t, typeof client === "string" ? client : server?.errors?.[name]);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() => submit(element, { method }))(event);
  };
  /** Props for an input: RHF's registration plus the value in the server-rendered HTML, so a
   *  form re-shown after a failed post keeps what was typed even without JavaScript. */
  const field = (name: string) => ({ ...form.register(name), defaultValue: initial[name] ?? "" });
  return { field, errorFor, onSubmit, formState: form.formState };
}
