import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { ROLES } from "../auth/permissions.ts";
import { FormError, Notice, roleLabel, withQuery } from "../admin/ui.tsx";
import { ErrorSummary, SelectField, TextArea } from "../components/form.tsx";
import { activeChangeSchema, representativeAddSchema, representativeRemoveSchema, roleChangeSchema } from "../accounts/user-admin-forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { lookupMessage, translateMessage, useLang, useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { pageTitle } from "../platform/meta.ts";
import { listDistrictChoices } from "../districts/centers.server.ts";
import {
  addRepresentative,
  changeUserRole,
  getUserForAdmin,
  removeRepresentative,
  setUserActive,
  type AdminChange,
} from "../accounts/user-admin.server.ts";
import { formatInstant } from "../platform/dates.ts";
import { keptValues, type FormValues } from "../platform/forms/values.ts";

export const handle = { messages: [adminMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("admin.user.title", { name: args.data?.user.displayName ?? "" }), ...handle.messages);

/** The intents this page's forms post (the role × page matrix has a row for each). */
export const INTENTS = ["role", "deactivate", "reactivate", "link", "unlink"] as const;
type Intent = (typeof INTENTS)[number];

function userId(value: string | undefined): string {
  if (!value || value.length > 100) throw notFound();
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "user:manage:any");
  const [user, districts] = await Promise.all([getUserForAdmin(actor, userId(params.id)), listDistrictChoices()]);
  if (!user) throw notFound();
  return { user, districts, self: actor.id === user.id };
}

type Refusal = { intent: Intent; errors: Record<string, string>; values: FormValues };

function refused(intent: Intent, errors: Record<string, string>, values: FormValues) {
  return data<Refusal>({ intent, errors, values }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "user:manage:any");
  const id = userId(params.id);
  const formData = await readFormData(request);
  const intent = INTENTS.find((i) => i === formData.get("intent"));
  if (!intent) throw new Response("Bad Request", { status: 400 });

  const run = async <S extends z.ZodType>(schema: S, change: (input: z.output<S>) => Promise<AdminChange>, field: string) => {
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return refused(intent, parsed.errors, parsed.values);
    const result = await change(parsed.data);
    if (!result.ok && result.notFound) throw notFound();
    if (!result.ok) {
      return refused(intent, { [field]: result.error ?? "errors.invalid" }, keptValues(formData));
    }
    return redirect(`/admin/users/${id}?done=${result.changed ? intent : "none"}`);
  };

  switch (intent) {
    case "role":
      return run(roleChangeSchema, (input) => changeUserRole(actor, id, input.role, input.roleReason), "role");
    case "deactivate":
    case "reactivate":
      return run(activeChangeSchema, (input) => setUserActive(actor, id, intent === "reactivate", input.statusReason), "_form");
    case "link":
      return run(representativeAddSchema, (input) => addRepresentative(actor, id, Number(input.linkDistrictId), input.linkReason), "linkDistrictId");
    case "unlink":
      return run(
        representativeRemoveSchema,
        (input) => removeRepresentative(actor, id, Number(input.unlinkDistrictId), input.unlinkReason),
        "unlinkDistrictId",
      );
  }
}

export default function AdminUser() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { user, districts, self } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const done = search.get("done");
  const serverFor = (...intents: Intent[]) => (result && intents.includes(result.intent) ? result : undefined);
  // A change re-renders the page with new data: new keys give the forms fresh, empty fields.
  const version = `${user.role}|${user.active}|${user.districts.map((d) => d.id).join(",")}`;
  return (
    <>
      <h1>{t("admin.user.title", { name: user.displayName })}</h1>
      {!result && done ? <Notice>{done === "none" ? t("admin.noChange") : (lookupMessage(t, `admin.user.done.${done}`) ?? done)}</Notice> : null}
      <dl className="facts">
        <dt>{t("admin.users.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("admin.users.role")}</dt>
        <dd>{roleLabel(t, user.role)}</dd>
        <dt>{t("admin.users.status")}</dt>
        <dd>
          {user.active ? t("admin.users.status.active") : t("admin.users.status.inactive")}
          {user.isDemo ? <span className="tag">{t("admin.users.demo")}</span> : null}
        </dd>
        <dt>{t("admin.user.emailVerified")}</dt>
        <dd>{user.emailVerifiedAt ? formatInstant(user.emailVerifiedAt, lang) : t("admin.users.unverified")}</dd>
        <dt>{t("admin.users.twoFactor")}</dt>
        <dd>{user.totpEnabled ? t("admin.users.twoFactorOn") : t("admin.users.twoFactorOff")}</dd>
        <dt>{t("admin.user.sessions")}</dt>
        <dd>{user.sessions}</dd>
        <dt>{t("admin.users.created")}</dt>
        <dd>{formatInstant(user.createdAt, lang)}</dd>
      </dl>
      <p>
        <Link to={withQuery("/admin/audit", { actor: user.id })}>{t("admin.user.auditLink")}</Link>
      </p>

      <RoleForm key={`role-${version}`} server={serverFor("role")} current={user.role} self={self} />
      <StatusForm key={`status-${version}`} server={serverFor("deactivate", "reactivate")} active={user.active} self={self} />

      <section className="admin-form" aria-labelledby="represent-heading">
        <h2 id="represent-heading">{t("admin.user.representTitle")}</h2>
        {user.districts.length === 0 ? (
          <p>{t("admin.user.representNone")}</p>
        ) : (
          <ul>
            {user.districts.map((d) => (
              <li key={d.id}>
                <Link to={`/admin/districts/${d.id}`}>
                  {d.code} {d.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <RepresentativeForm
          key={`link-${version}`}
          server={serverFor("link")}
          intent="link"
          options={districts.filter((d) => !user.districts.some((m) => m.id === d.id))}
        />
        {user.districts.length > 0 ? (
          <RepresentativeForm key={`unlink-${version}`} server={serverFor("unlink")} intent="unlink" options={user.districts} />
        ) : null}
      </section>
      <p>
        <Link to="/admin/users">{t("admin.user.back")}</Link>
      </p>
    </>
  );
}

type ServerResult = Refusal | undefined;

function RoleForm({ server, current, self }: { server: ServerResult; current: string; self: boolean }) {
  const t = useT(...handle.messages);
  const navigation = useNavigation();
  const form = useValidatedForm(roleChangeSchema, server, { role: current });
  const labels = { role: t("admin.user.roleNew"), roleReason: t("admin.user.roleReason") };
  const errors = { role: form.errorFor("role"), roleReason: form.errorFor("roleReason") };
  return (
    <section className="admin-form" aria-labelledby="role-heading">
      <h2 id="role-heading">{t("admin.user.roleTitle")}</h2>
      {self ? (
        <p>{t("admin.users.errors.ownRole")}</p>
      ) : (
        <>
          <p>{t("admin.user.roleHint")}</p>
          {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <input type="hidden" name="intent" value="role" />
            <SelectField
              label={labels.role}
              error={errors.role}
              required
              options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
              {...form.field("role")}
            />
            <TextArea
              label={labels.roleReason}
              hint={t("admin.reasonHint")}
              error={errors.roleReason}
              required
              rows={3}
              maxLength={500}
              {...form.field("roleReason")}
            />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("admin.user.roleSubmit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

function StatusForm({ server, active, self }: { server: ServerResult; active: boolean; self: boolean }) {
  const t = useT(...handle.messages);
  const navigation = useNavigation();
  const form = useValidatedForm(activeChangeSchema, server);
  const labels = { statusReason: t("admin.user.statusReason") };
  const errors = { statusReason: form.errorFor("statusReason") };
  if (self) {
    return (
      <section className="admin-form" aria-labelledby="status-heading">
        <h2 id="status-heading">{t("admin.user.statusTitle")}</h2>
        <p>{t("admin.users.errors.ownStatus")}</p>
      </section>
    );
  }
  return (
    <section className="admin-form" aria-labelledby="status-heading">
      <h2 id="status-heading">{t("admin.user.statusTitle")}</h2>
      <p>{active ? t("admin.user.deactivateHint") : t("admin.user.reactivateHint")}</p>
      <FormError message={translateMessage(t, server?.errors._form)} />
      {server && errors.statusReason ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value={active ? "deactivate" : "reactivate"} />
        <TextArea
          label={labels.statusReason}
          hint={t("admin.reasonHint")}
          error={errors.statusReason}
          required
          rows={3}
          maxLength={500}
          {...form.field("statusReason")}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {active ? t("admin.user.deactivate") : t("admin.user.reactivate")}
        </button>
      </Form>
    </section>
  );
}

function RepresentativeForm({
  server,
  intent,
  options,
}: {
  server: ServerResult;
  intent: "link" | "unlink";
  options: { id: number; code: string; name: string }[];
}) {
  const t = useT(...handle.messages);
  const navigation = useNavigation();
  const link = intent === "link";
  const form = useValidatedForm(link ? representativeAddSchema : representativeRemoveSchema, server);
  const district = link ? "linkDistrictId" : "unlinkDistrictId";
  const reason = link ? "linkReason" : "unlinkReason";
  const labels = {
    [district]: link ? t("admin.user.linkDistrict") : t("admin.user.unlinkDistrict"),
    [reason]: link ? t("admin.user.linkReason") : t("admin.user.unlinkReason"),
  };
  const errors = { [district]: form.errorFor(district), [reason]: form.errorFor(reason) };
  return (
    <>
      {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value={intent} />
        <SelectField
          label={labels[district]}
          error={errors[district]}
          required
          options={[
            { value: "", label: t("admin.user.chooseDistrict") },
            ...options.map((d) => ({ value: String(d.id), label: `${d.code} ${d.name}` })),
          ]}
          {...form.field(district)}
        />
        <TextArea label={labels[reason]} hint={t("admin.reasonHint")} error={errors[reason]} required rows={3} maxLength={500} {...form.field(reason)} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {link ? t("admin.user.linkSubmit") : t("admin.user.unlinkSubmit")}
        </button>
      </Form>
    </>
  );
}
