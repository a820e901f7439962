import type { MetaFunction } from "@remix-run/node";
import { PolicyPage } from "../components/policy-page.tsx";
import { pageTitle } from "../platform/meta.ts";
import { policiesMessages } from "../i18n/policies.ts";

export const handle = { messages: [policiesMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("privacy.title"), ...handle.messages);

export default function PrivacyPolicy() {
  return (
    <PolicyPage
      title="privacy.title"
      intro="privacy.intro"
      sections={[
        { title: "privacy.purpose.title", body: "privacy.purpose.body" },
        { title: "privacy.collect.title", body: "privacy.collect.body" },
        { title: "privacy.publish.title", body: "privacy.publish.body" },
        { title: "privacy.security.title", body: "privacy.security.body" },
        { title: "privacy.rights.title", body: "privacy.rights.body" },
        { title: "privacy.cookie.title", body: "privacy.cookie.body" },
      ]}
      updated="privacy.updated"
    />
  );
}
