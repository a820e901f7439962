import type { MetaFunction } from "@remix-run/node";
import { PolicyPage } from "../components/policy-page.tsx";
import { pageTitle } from "../platform/meta.ts";
import { policiesMessages } from "../i18n/policies.ts";

export const handle = { messages: [policiesMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("a11y.title"), ...handle.messages);

export default function AccessibilityPolicy() {
  return (
    <PolicyPage
      title="a11y.title"
      intro="a11y.intro"
      sections={[
        { title: "a11y.target.title", body: "a11y.target.body" },
        { title: "a11y.goal.title", body: "a11y.goal.body" },
        { title: "a11y.method.title", body: "a11y.method.body" },
        { title: "a11y.measures.title", items: ["a11y.measures.1", "a11y.measures.2", "a11y.measures.3", "a11y.measures.4"] },
        { title: "a11y.exceptions.title", body: "a11y.exceptions.body" },
        { title: "a11y.contact.title", body: "a11y.contact.body" },
      ]}
      updated="a11y.updated"
    />
  );
}
