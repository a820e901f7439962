import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Link, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { consultationSchema, CONSULTATION_BODY_LIMIT } from "../consultations/admin-forms.ts";
import { createConsultation } from "../consultations/admin.server.ts";
import { consultationAdminMessages } from "../consultations/messages/consultationAdmin.ts";
import { ConsultationForm } from "../consultations/ui/admin-ui.tsx";
import { useT } from "../i18n/index.ts";
import type { BodyLimitHandle } from "../platform/body-limit.ts";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { pageTitle } from "../platform/meta.ts";
import { COMMENTER_CATEGORIES } from "../consultations/rules.ts";

export const handle = { messages: [consultationAdminMessages], bodyLimit: CONSULTATION_BODY_LIMIT } satisfies BodyLimitHandle & { messages: unknown };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("consultationAdmin.form.createTitle"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "consultation:manage:any");
  return { today: tokyoDate(now()) };
}

/** Creates the consultation as a draft: 400 with the messages by the fields (the period rule of Art. 39/40 among them). */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const parsed = parseForm(consultationSchema(tokyoDate(now())), await readFormData(request));
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const created = await createConsultation(actor, parsed.data);
  if (!created.ok) throw new Response("Forbidden", { status: 403 });
  return redirect(`/admin/consultations/${created.id}?done=created`);
}

export default function NewConsultation() {
  const t = useT(consultationAdminMessages);
  const { today } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  return (
    <>
      <h1>{t("consultationAdmin.form.createTitle")}</h1>
      <ConsultationForm today={today} server={server} defaults={{ eligible: [...COMMENTER_CATEGORIES], identityRequired: "on" }} submitLabel={t("consultationAdmin.form.create")} />
      <p>
        <Link to="/admin/consultations">{t("consultationAdmin.back")}</Link>
      </p>
    </>
  );
}
