/**
 * How long a session lives, with the app's clock moved on (README Security, decision 0005):
 * staff and admin sessions end 12 hours after log-in however much they are used; residents'
 * sessions end after 30 days without use, and each use (written at most hourly) starts the
 * 30 days again. Both the check on every request (validateSessionToken) and the cleanup job
 * (deleteExpiredSessions) are tested. Shared by session-lifetime.test.ts (SQLite) and
 * session-lifetime.postgresql.test.ts.
 */
import { afterAll, expect, it } from "vitest";
import { createSession, deleteExpiredSessions, sessionCookie, sessionExpiresAt, validateSessionToken } from "../../app/auth/session.server.ts";
import { setClock } from "../../app/platform/clock.server.ts";
import { at, db, makePerson, type Person } from "./group-review-support.ts";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

async function logIn(person: Person) {
  return createSession(person.id, { twoFactorVerified: true, device: "test" });
}

const rowExists = async (id: string) => (await db.session.count({ where: { id } })) === 1;

export function defineSessionLifetimeSuite() {
  afterAll(() => {
    setClock(null);
  });

  for (const role of ["staff", "admin"] as const) {
    it(`${role}: a session ends 12 hours after log-in, however often it is used`, async () => {
      const start = at("2026-06-01T08:00:00");
      const person = await makePerson(role);
      const { token, id } = await logIn(person);

      // Used all day long: every use is written (an hour apart), none of them extends it.
      for (let hours = 1; hours <= 11; hours++) {
        setClock(new Date(start.getTime() + hours * HOUR));
        expect((await validateSessionToken(token))?.user.id).toBe(person.id);
      }
      expect((await db.session.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(new Date(start.getTime() + 11 * HOUR));
      setClock(new Date(start.getTime() + 12 * HOUR - MINUTE));
      expect(await validateSessionToken(token)).not.toBeNull();

      setClock(new Date(start.getTime() + 12 * HOUR + MINUTE));
      expect(await validateSessionToken(token)).toBeNull();
      // Refused and gone: the row is deleted, so no later clock brings it back.
      expect(await rowExists(id)).toBe(false);
    });
  }

  it("staff and admin: the cleanup job deletes sessions older than 12 hours, keeps younger ones and says how many", async () => {
    // On a database of its own, so the count is this test's alone.
    await db.session.deleteMany();
    const start = at("2026-06-02T08:00:00");
    const staff = await makePerson("staff");
    const admin = await makePerson("admin");
    const old = [await logIn(staff), await logIn(admin)];
    setClock(new Date(start.getTime() + 2 * HOUR));
    const young = [await logIn(staff), await logIn(admin)];

    setClock(new Date(start.getTime() + 12 * HOUR + MINUTE));
    expect(await deleteExpiredSessions()).toBe(2);
    for (const session of old) expect(await rowExists(session.id)).toBe(false);
    for (const session of young) expect(await validateSessionToken(session.token)).not.toBeNull();
  });

  it("staff: at exactly 12 hours the session has ended; a millisecond before, it has not", async () => {
    const start = at("2026-06-04T08:00:00");
    const person = await makePerson("staff");
    const first = await logIn(person);
    const second = await logIn(person);
    setClock(new Date(start.getTime() + 12 * HOUR - 1));
    expect(await validateSessionToken(first.token)).not.toBeNull();
    setClock(new Date(start.getTime() + 12 * HOUR));
    expect(await validateSessionToken(second.token)).toBeNull();
  });

  it("an ended session is deleted alone, and a use within the hour is not written", async () => {
    const start = at("2026-06-06T08:00:00");
    const staff = await makePerson("staff");
    const resident = await makePerson("resident");
    const ending = await logIn(staff);
    const other = await logIn(resident);
    setClock(new Date(start.getTime() + 30 * MINUTE));
    expect(await validateSessionToken(other.token)).not.toBeNull();
    // Read, not written: the last use stays at log-in until an hour has passed.
    expect((await db.session.findUniqueOrThrow({ where: { id: other.id } })).lastUsedAt).toEqual(start);
    setClock(new Date(start.getTime() + 12 * HOUR + MINUTE));
    expect(await validateSessionToken(ending.token)).toBeNull();
    expect(await rowExists(ending.id)).toBe(false);
    expect(await rowExists(other.id)).toBe(true);
  });

  it("refuses an unknown id, a wrong secret and a deactivated account's session", async () => {
    at("2026-06-05T08:00:00");
    const person = await makePerson("resident");
    const { token, id } = await logIn(person);
    const [, secret] = token.split(".");
    expect(await validateSessionToken(`nosuchsession.${secret}`)).toBeNull();
    expect(await validateSessionToken(`${id}.${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`)).toBeNull();
    // A wrong secret does not end the real session.
    expect(await validateSessionToken(token)).not.toBeNull();
    await db.user.update({ where: { id: person.id }, data: { active: false } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await rowExists(id)).toBe(false);
  });

  it("staff: the cookie is given a life of 12 hours", async () => {
    const start = at("2026-06-03T08:00:00");
    const expires = sessionExpiresAt({ createdAt: start, lastUsedAt: start }, "staff");
    expect(expires.getTime() - start.getTime()).toBe(12 * HOUR);
    expect(sessionCookie("a.b", expires)).toMatch(new RegExp(`; Max-Age=${12 * 3600}(;|$)`));
    // The name the browser sends back (the e2e fixtures write it too).
    expect(sessionCookie("a.b", expires)).toMatch(/^portal_session=a\.b;/);
  });

  it("a log-in waiting for its second factor ends 10 minutes after it began; one of an account without TOTP does not", async () => {
    const start = at("2026-06-07T08:00:00");
    const staff = await makePerson("staff");
    const resident = await makePerson("resident");
    const waiting = await createSession(staff.id, { twoFactorVerified: false, device: "test" });
    const noTotp = await createSession(resident.id, { twoFactorVerified: false, device: "test" });
    setClock(new Date(start.getTime() + 10 * MINUTE - 1));
    const before = await validateSessionToken(waiting.token);
    expect(before?.twoFactorVerified).toBe(false);
    expect(before?.user.totpEnabled).toBe(true);
    setClock(new Date(start.getTime() + 10 * MINUTE));
    expect(await validateSessionToken(waiting.token)).toBeNull();
    expect(await rowExists(waiting.id)).toBe(false);
    // No second factor to wait for: the resident's session lives on as any other.
    setClock(new Date(start.getTime() + 11 * MINUTE));
    const resident11 = await validateSessionToken(noTotp.token);
    expect(resident11?.user.totpEnabled).toBe(false);
    expect(resident11?.user.id).toBe(resident.id);
  });

  it("the cleanup job deletes a log-in still waiting for its second factor after 10 minutes, and only that", async () => {
    // On a database of its own, so the count is this test's alone.
    await db.session.deleteMany();
    const start = at("2026-06-08T08:00:00");
    const staff = await makePerson("staff");
    const resident = await makePerson("resident");
    const waitingOld = await createSession(staff.id, { twoFactorVerified: false, device: "test" });
    const verified = await logIn(staff);
    // A resident has no second factor to wait for: an unverified flag does not make it half-finished.
    const noTotp = await createSession(resident.id, { twoFactorVerified: false, device: "test" });
    setClock(new Date(start.getTime() + 5 * MINUTE));
    const waitingYoung = await createSession(staff.id, { twoFactorVerified: false, device: "test" });

    setClock(new Date(start.getTime() + 10 * MINUTE + 1));
    expect(await deleteExpiredSessions()).toBe(1);
    expect(await rowExists(waitingOld.id)).toBe(false);
    for (const session of [verified, noTotp, waitingYoung]) expect(await rowExists(session.id)).toBe(true);
  });

  it("resident: a session lives on while used, and ends after 30 days without use", async () => {
    const start = at("2026-06-01T08:00:00");
    const person = await makePerson("resident");
    const { token, id } = await logIn(person);

    // Well past 12 hours (staff's limit) and used now and then: still valid after 90 days.
    for (let days = 20; days <= 90; days += 20) {
      setClock(new Date(start.getTime() + days * DAY));
      expect((await validateSessionToken(token))?.user.id).toBe(person.id);
    }
    const lastUse = new Date(start.getTime() + 80 * DAY);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(lastUse);

    setClock(new Date(lastUse.getTime() + 30 * DAY - MINUTE));
    expect(await validateSessionToken(token)).not.toBeNull();
    // That use counts (more than an hour after the last one written): 30 days from it.
    const lastUse2 = new Date(lastUse.getTime() + 30 * DAY - MINUTE);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(lastUse2);

    setClock(new Date(lastUse2.getTime() + 30 * DAY + MINUTE));
    expect(await validateSessionToken(token)).toBeNull();
    expect(await rowExists(id)).toBe(false);
  });

  it("resident: the cleanup job deletes a session unused for 30 days and keeps one used since", async () => {
    await db.session.deleteMany();
    const start = at("2026-07-01T08:00:00");
    const person = await makePerson("resident");
    const idle = await logIn(person);
    const used = await logIn(person);
    setClock(new Date(start.getTime() + 10 * DAY));
    expect(await validateSessionToken(used.token)).not.toBeNull();

    setClock(new Date(start.getTime() + 30 * DAY + MINUTE));
    expect(await deleteExpiredSessions()).toBe(1);
    expect(await rowExists(idle.id)).toBe(false);
    expect(await rowExists(used.id)).toBe(true);

    setClock(new Date(start.getTime() + 40 * DAY + MINUTE));
    await deleteExpiredSessions();
    expect(await rowExists(used.id)).toBe(false);
  });
}
