/**
 * Vitest global setup of the integration project: migrates the SQLite and PostgreSQL templates
 * once for the whole run (tests/integration/helpers/templates.ts); every suite copies them.
 * The workers are started after this and inherit the environment naming the templates.
 */
import { createTemplates } from "../integration/helpers/templates.ts";

export default async function setup() {
  const started = Date.now();
  const templates = await createTemplates();
  console.log(`integration: migrated the templates in ${((Date.now() - started) / 1000).toFixed(1)} s (SQLite${templates.postgres ? " and PostgreSQL" : " only"})`);
  return () => templates.remove();
}
