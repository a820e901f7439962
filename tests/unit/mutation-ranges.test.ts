/**
 * The line ranges of stryker.config.json's `mutate` still hold the rules they were set for.
 * Stryker takes "file:start-end" as plain line numbers, so code added above a rule moves it out
 * of its range without a word: session.server.ts and group.server.ts did, and for a while the
 * mutation run mutated the district-id check and the directory's next change instead of
 * sessionExpiresAt and registrationValidAt. Each range is pinned by its first line and its last
 * line that is more than closing brackets (blank lines not counted). When this fails, move the
 * range with its code (and pin the new lines here).
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";

const PINNED: Record<string, { first: string; last: string }> = {
  "app/auth/session.server.ts:17-23": {
    first: "export const SESSION_COOKIE = \"portal_session\";",
    last: "const ACTIVITY_WRITE_INTERVAL_MS = 60 * 60 * 1000;",
  },
  "app/auth/session.server.ts:51-64": {
    first: "function isStaffRole(role: string) {",
    last: ": new Date(session.lastUsedAt.getTime() + RESIDENT_INACTIVITY_MS);",
  },
  "app/auth/session.server.ts:127-141": {
    first: "if (!row) return null;",
    last: "await db.session.update({ where: { id }, data: { lastUsedAt } });",
  },
  "app/auth/session.server.ts:185-197": {
    first: "export async function deleteExpiredSessions() {",
    last: "return residents + staff + pending;",
  },
  "app/groups/group.server.ts:44-53": {
    first: "export function registrationValidAt(r: RegistrationTimes, at: Date): boolean {",
    last: "(r.renewalDecidedAt === null || at.getTime() < r.renewalDecidedAt.getTime())",
  },
  "app/groups/group.server.ts:126-129": {
    first: "export function fiscalYearValidity(fy: number) {",
    last: "return { startsAt, validUntil: endsBefore };",
  },
  "app/groups/rules.ts:42-56": {
    first: "/** The two reasons indicator 6-1 (NPO・ボランティア登録団体数) counts a registered group for. */",
    last: "return { npoInCity, volunteerCenter: profile.volunteerCenter };",
  },
  "app/platform/forms/rules.ts:13-22": {
    first: "export function isCorporateNumber(value: string): boolean {",
    last: "return `${9 - (sum % 9)}${base12}`;",
  },
};

const ONLY_CLOSING = /^[})\];,]*$/;

const config = JSON.parse(fs.readFileSync(new URL("../../stryker.config.json", import.meta.url), "utf8")) as { mutate: string[] };
const ranged = config.mutate.filter((entry) => /:\d+-\d+$/.test(entry));

/** The range's lines, trimmed, blank ones left out. */
function rangeLines(entry: string): string[] {
  const [, file, start, end] = /^(.+):(\d+)-(\d+)$/.exec(entry) ?? [];
  const lines = fs.readFileSync(new URL(`../../${file}`, import.meta.url), "utf8").split("\n");
  return lines
    .slice(Number(start) - 1, Number(end))
    .map((line) => line.trim())
    .filter(Boolean);
}

describe("stryker.config.json: the mutate ranges", () => {
  it("every ranged entry is pinned here, and every pinned one is in the config", () => {
    expect([...ranged].sort()).toEqual(Object.keys(PINNED).sort());
  });

  for (const entry of ranged) {
    it(`${entry} still holds the lines it was set for`, () => {
      const lines = rangeLines(entry);
      expect({ first: lines[0], last: lines.filter((line) => !ONLY_CLOSING.test(line)).at(-1) }).toEqual(PINNED[entry]);
    });
  }
});
