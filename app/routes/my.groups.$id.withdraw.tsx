import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound } from "../auth/guards.server.ts";
import { requireGroupRole } from "../groups/access.server.ts";
import { FormAlert } from "../accounts/ui.tsx";
import { ErrorSummary, TextArea } from "../components/form.tsx";
import { Checkbox } from "../components/form-choices.tsx";
import { WITHDRAW_REASON_MAX, withdrawSchema } from "../groups/editor-forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData, type FieldErrors } from "../platform/forms/validation.ts";
import { translator, useT } from "../i18n/index.ts";
import { groupFormMessages } from "../groups/messages/groupForm.ts";
import { getLang } from "../i18n/lang.server.ts";
import { getGroupStatus, withdrawGroup } from "../groups/editor.server.ts";
import { pageTitle } from "../platform/meta.ts";
import { keptValues } from "../platform/forms/values.ts";

export const handle = { messages: [groupFormMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => args.data?.title ?? t("groupForm.page.withdraw"), ...handle.messages);

/** Representatives only: an editor gets 403, anyone else 404. */
async function load(request: Request, param: string | undefined) {
  const { actor, group } = await requireGroupRole(request, param, "group:withdraw:own");
  const page = await getGroupStatus(actor, group.id);
  if (!page) throw notFound();
  return { actor, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = await load(request, params.id);
  const t = translator(getLang(request), ...handle.messages);
  return {
    groupId: page.group.id,
    closed: page.status === "withdrawn" || page.status === "cancelled",
    title: t("groupForm.withdraw.title", { name: page.group.name || t("groupForm.my.untitled") }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, page } = await load(request, params.id);
  const formData = await readFormData(request);
  const parsed = parseForm(withdrawSchema, formData);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await withdrawGroup(actor, page.group.id, parsed.data.reason);
  if (result.ok) return redirect(`/my/groups/${page.group.id}?notice=withdrawn`);
  if ("notFound" in result) throw notFound();
  const error = "error" in result ? result.error : "groupForm.errors.groupClosed";
  return data({ errors: { _form: error } as FieldErrors, values: keptValues(formData) }, { status: 409 });
}

export default function WithdrawGroup() {
  const t = useT(...handle.messages);
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const form = useValidatedForm(withdrawSchema, result);
  const labels = { reason: t("groupForm.withdraw.reason"), confirm: t("groupForm.withdraw.confirm") };
  const errors = { reason: form.errorFor("reason"), confirm: form.errorFor("confirm") };
  const { defaultValue: _unused, ...confirmField } = form.field("confirm");
  return (
    <>
      <h1>{page.title}</h1>
      {page.closed ? (
        <p>{t("groupForm.withdraw.already")}</p>
      ) : (
        <>
          <p>{t("groupForm.withdraw.lead")}</p>
          <FormAlert message={result?.errors._form} />
          {result ? <ErrorSummary errors={errors} labels={labels} /> : null}
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <TextArea
              label={labels.reason}
              hint={t("groupForm.withdraw.reasonHint", { max: WITHDRAW_REASON_MAX })}
              error={errors.reason}
              rows={4}
              maxLength={WITHDRAW_REASON_MAX}
              {...form.field("reason")}
            />
            <Checkbox label={labels.confirm} error={errors.confirm} required {...confirmField} />
            <button type="submit" className="button button--danger" disabled={navigation.state === "submitting"}>
              {t("groupForm.withdraw.submit")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={`/my/groups/${page.groupId}`}>{t("groupForm.edit.back")}</Link>
      </p>
    </>
  );
}
