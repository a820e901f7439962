import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The layout's boundaries (docs/decisions/0013-domain-folders-and-boundaries.md):
 * - routes and shared UI never talk to Prisma;
 * - nothing but a route imports a route;
 * - a domain imports another domain only through that domain's `public.ts` / `public.server.ts`;
 * - the shared platform (platform, auth, components, i18n, config) imports no domain, except
 *   `*.contributions.ts` registries that gather the domains' `contributes.ts` files;
 * - components never import server code.
 */
const DOMAINS = ["accounts", "admin", "contact", "districts", "groups", "indicators", "consultations", "events", "support"];
const SHARED = ["platform", "auth", "components", "i18n", "config"];
const PRISMA = { group: ["**/platform/db.server*", "**/generated/**", "@prisma/*"], message: "Routes and shared UI call a domain function instead of Prisma." };
const ROUTES = { regex: "(^|/)routes/", message: "Only the route map imports a route." };
const otherDomain = (own) => ({
  regex: `(^|/)(${DOMAINS.filter((d) => d !== own).join("|")})/(?!public(\\.server)?\\.tsx?$)`,
  message: "Import another domain only through its public.ts or public.server.ts.",
});
const anyDomain = { regex: `(^|/)(${DOMAINS.join("|")})/`, message: "The shared platform does not import a domain." };
const serverCode = { regex: "\\.server(\\.tsx?)?$", message: "Components never import server code." };
function boundaries() {
  return [
    { files: ["app/routes/**"], rules: { "no-restricted-imports": ["error", { patterns: [PRISMA] }] } },
    { files: ["app/components/**"], rules: { "no-restricted-imports": ["error", { patterns: [PRISMA, ROUTES, anyDomain, serverCode] }] } },
    ...SHARED.filter((s) => s !== "components").map((shared) => ({
      files: [`app/${shared}/**`],
      ignores: ["app/**/*.contributions.ts", "app/**/*.contributions.server.ts"],
      rules: { "no-restricted-imports": ["error", { patterns: [ROUTES, anyDomain] }] },
    })),
    ...DOMAINS.map((domain) => ({
      files: [`app/${domain}/**`],
      rules: { "no-restricted-imports": ["error", { patterns: [ROUTES, otherDomain(domain)] }] },
    })),
  ];
}

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "app/generated/", "test-results/", "playwright-report/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
    },
  },
  ...boundaries(),
  {
    // Playwright fixtures: `({}, testInfo)` and a fixture's `use` are its idioms, not React's.
    files: ["tests/e2e/**"],
    rules: { "no-empty-pattern": "off", "react-hooks/rules-of-hooks": "off" },
  },
);
