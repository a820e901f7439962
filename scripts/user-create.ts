/**
 * `npm run user:create -- --email E --password P --name N --role resident|staff|admin`
 * Creates an account with a verified address, e.g. the first admin of a deployment. Its
 * input obeys the sign-up rules. Prints one line; exits 0, or 1 with the reason.
 * Staff and admins set up their second factor at their first log-in.
 */
import { parseArgs } from "node:util";
import { ROLES, type Role } from "../app/auth/permissions.ts";
import { signupSchema } from "../app/accounts/forms.ts";
import { catalogueErrorMap } from "../app/platform/forms/validation.ts";
import { translateMessage, translator } from "../app/i18n/index.ts";

const USAGE = "usage: npm run user:create -- --email E --password P --name N --role resident|staff|admin";
const FLAGS: Record<string, string> = { displayName: "--name", email: "--email", password: "--password" };

function fail(message: string): never {
  console.error(`user:create: ${message.replace(/\s+/g, " ").trim()}`);
  process.exit(1);
}

function readArgs() {
  try {
    return parseArgs({
      options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}; ${USAGE}`);
  }
}

const args = readArgs();
const missing = (["email", "password", "name", "role"] as const).filter((k) => args[k] === undefined);
if (missing.length > 0) fail(`missing ${missing.map((k) => `--${k}`).join(", ")}; ${USAGE}`);
if (!(ROLES as readonly string[]).includes(args.role!)) fail(`--role must be resident, staff or admin, not "${args.role}"`);
const role = args.role as Role;

const parsed = signupSchema
  .pick({ displayName: true, email: true, password: true })
  .safeParse({ displayName: args.name, email: args.email, password: args.password }, { error: catalogueErrorMap });
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  fail(`${FLAGS[String(issue.path[0])] ?? "input"}: ${translateMessage(translator("en"), issue.message)}`);
}

const { db, connectDb } = await import("../app/platform/db.server.ts");
const { createUser, findUserByEmail } = await import("../app/accounts/user.server.ts");
try {
  await connectDb();
  if (await findUserByEmail(parsed.data.email)) fail(`an account with the address ${parsed.data.email.toLowerCase()} already exists`);
  const user = await createUser({ ...parsed.data, role, verified: true });
  const note = role === "resident" ? "" : "; two-factor set-up is asked for at the first log-in";
  console.log(`user:create: created ${role} account ${user.email} (id ${user.id}) with a verified address${note}`);
} catch (error) {
  if ((error as { code?: string }).code === "P2002") fail(`an account with the address ${parsed.data.email.toLowerCase()} already exists`);
  fail(`could not write to the database (${(error as Error).message.slice(0, 300)}); is it migrated? run npm run db:migrate`);
} finally {
  await db.$disconnect().catch(() => {});
}
