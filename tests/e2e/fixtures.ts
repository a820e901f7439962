/**
 * The `test` every spec imports: Playwright's, pointed at this worker's own server and database
 * (started by the worker-scoped fixture e2eServer on a copy of the seeded template that
 * global-setup.ts made), with fixtures that create a person and
 * log them in by writing a session straight into the database — the log-in form is driven only
 * by the tests of the log-in form itself (accounts.spec.ts).
 *
 *   test("…", async ({ page, signIn }) => {
 *     const staff = await signIn(page, "staff");      // a new staff member, second factor given
 *     await page.goto("/admin");
 *   });
 *
 * The session is what the app writes at log-in (app/auth/session.server.ts): the cookie holds
 * "<id>.<secret>", the row the id and the SHA-256 of the secret; staff and admins have TOTP set
 * up and the session's second factor verified, as after /login/two-factor.
 */
import { test as base, type BrowserContext, type Page } from "@playwright/test";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../app/platform/db.server.ts";
import type { Actor } from "../../app/auth/permissions.ts";
import { E2E_SERVER_ENV } from "./helpers.ts";
import { e2ePort, type Provider } from "./plan.ts";
import { startE2eServer, type E2eServer } from "./server.ts";

export { expect } from "@playwright/test";

export type Role = "resident" | "staff" | "admin";
/** A person made for a test; also an Actor, so the domain's functions can act as them. */
export type Person = Actor & { email: string; displayName: string };
export type PersonOptions = {
  role?: Role;
  /** Goes into the address and the default display name, to tell people apart in failures. */
  label?: string;
  displayName?: string;
  /** A password hashed as at sign-up, for the tests that log in through the form; default: none usable. */
  password?: string;
  /** A TOTP secret set up: residents have none by default, staff and admins FIXTURE_TOTP_SECRET; null for none. */
  totpSecret?: string | null;
  /** The address not yet confirmed. */
  unverified?: boolean;
  /** When the account was made (and its address confirmed, its password set): default now. */
  at?: Date;
};

/** The TOTP secret of the people made here (base32); staff need one before any staff page opens. */
export const FIXTURE_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** Session ids and secrets as the app makes them: 24 random bytes, base32 lower case. */
function randomToken(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  return [...randomBytes(24)].map((b) => alphabet[b & 31]).join("");
}

/** A person in the database `db` (for set-ups that run outside a test, e.g. in beforeAll). */
export async function createPersonIn(db: Db, { role = "resident", label = role, displayName, password, totpSecret, unverified = false, at = new Date() }: PersonOptions = {}): Promise<Person> {
  const secret = totpSecret !== undefined ? totpSecret : role === "resident" ? null : FIXTURE_TOTP_SECRET;
  const hashPassword = password ? (await import("../../app/auth/password.server.ts")).hashPassword : null;
  const user = await db.user.create({
    data: {
      id: randomUUID(),
      email: `${label}.${randomUUID().slice(0, 8)}@example.jp`,
      displayName: displayName ?? `試験 ${label}`,
      passwordHash: password && hashPassword ? await hashPassword(password) : "no password: logged in by the e2e fixture",
      role,
      emailVerifiedAt: unverified ? null : at,
      passwordChangedAt: at,
      totpSecret: secret,
      totpEnabledAt: secret ? at : null,
      createdAt: at,
    },
  });
  return { id: user.id, email: user.email, displayName: user.displayName, role, emailVerified: !unverified, totpEnabled: Boolean(secret), districtIds: [] };
}

/**
 * Writes a session for `person` into `db`, begun and last used at `at`, and gives its cookie for
 * `baseURL` to the page's or context's browser; returns the session's id.
 */
export async function logInAt(db: Db, baseURL: string, target: Page | BrowserContext, person: Pick<Person, "id">, at: Date = new Date()): Promise<string> {
  const context = "context" in target ? target.context() : target;
  const id = randomToken();
  const secret = randomToken();
  await db.session.create({
    data: {
      id,
      secretHash: createHash("sha256").update(secret).digest("hex"),
      userId: person.id,
      createdAt: at,
      lastUsedAt: at,
      // As after a complete log-in (password, and the code where TOTP is set up).
      twoFactorVerified: true,
      device: "e2e fixture",
    },
  });
  await context.addCookies([{ name: "portal_session", value: `${id}.${secret}`, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return id;
}

type WorkerFixtures = {
  /** This worker's server: its address and its database. */
  e2eServer: E2eServer;
  /** A database client on this worker's server's database. */
  db: Db;
};

type TestFixtures = {
  createPerson(options?: PersonOptions): Promise<Person>;
  /** Logs an existing person in: a session row, and its cookie in the page's or context's browser context. */
  logIn(target: Page | BrowserContext, person: Pick<Person, "id" | "role">): Promise<void>;
  /** A new person of this role (or an existing one), logged in. */
  signIn(target: Page | BrowserContext, who?: Role | PersonOptions | Person): Promise<Person>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  e2eServer: [
    async ({}, use, workerInfo) => {
      const project = workerInfo.project.name as Provider;
      const server = await startE2eServer(project, e2ePort(project, workerInfo.parallelIndex));
      // The app's own modules imported by a spec (model functions, the session code) make their
      // client from DATABASE_URL when first imported: this worker's database.
      process.env.DATABASE_URL = server.databaseUrl;
      process.env[E2E_SERVER_ENV] = JSON.stringify({ project, baseURL: server.baseURL, databaseUrl: server.databaseUrl });
      await use(server);
      await server.stop();
    },
    // Started on the worker's first test: a copy of the database, then the server process.
    { scope: "worker", timeout: 150_000 },
  ],

  db: [
    async ({ e2eServer }, use) => {
      const { createDb } = await import("../../app/platform/db.server.ts");
      const holder = createDb(e2eServer.databaseUrl);
      await holder.ready;
      await use(holder.client);
      await holder.client.$disconnect();
    },
    { scope: "worker" },
  ],

  baseURL: async ({ e2eServer }, use) => {
    await use(e2eServer.baseURL);
  },

  createPerson: async ({ db }, use) => {
    await use((options) => createPersonIn(db, options));
  },

  logIn: async ({ db, baseURL }, use) => {
    const sessions: string[] = [];
    await use(async (target, person) => {
      sessions.push(await logInAt(db, baseURL!, target, person));
    });
    // Logged out afterwards; the people stay (their groups and audit entries refer to them).
    await db.session.deleteMany({ where: { id: { in: sessions } } });
  },

  signIn: async ({ createPerson, logIn }, use) => {
    await use(async (target, who = "resident") => {
      const person = typeof who === "string" ? await createPerson({ role: who }) : "id" in who ? who : await createPerson(who);
      await logIn(target, person);
      return person;
    });
  },
});

/** Adds the language cookie: the next page comes in English. */
export async function useEnglish(target: Page | BrowserContext, baseURL: string) {
  const context = "context" in target ? target.context() : target;
  await context.addCookies([{ name: "lang", value: "en", url: baseURL }]);
}
