import type { MetaFunction } from "@remix-run/node";
import { PolicyPage } from "../components/policy-page.tsx";
import { pageTitle } from "../platform/meta.ts";

export const meta: MetaFunction = (args) => pageTitle(args, "privacy.title");

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
