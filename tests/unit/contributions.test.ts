/**
 * Every domain's contributes.ts is well-formed: audit actions named once across all domains and
 * labelled in both languages, kinds of audit target likewise, navigation entries with a real
 * permission. The server-side contributions are checked in tests/integration/account-data.test.ts.
 */
import { describe, expect, it } from "vitest";
import { can, type Actor } from "../../app/auth/permissions.ts";
import { lookupMessage, translator } from "../../app/i18n/index.ts";
import { auditActionLabel, type AuditAction } from "../../app/platform/audit-actions.ts";
import { adminNavEntries, auditTargets, contributedMessages, domainContributions, homeSections } from "../../app/platform/domains.contributions.ts";

const ja = translator("ja", ...contributedMessages());
const en = translator("en", ...contributedMessages());

/** A key of both catalogues, Japanese in the Japanese one and translated in the English one. */
function expectLabelledInBothLanguages(key: string, what: string) {
  const jaText = lookupMessage(ja, key);
  const enText = lookupMessage(en, key);
  expect(jaText, `${what}: ${key} in a catalogue of the domains' contributions`).toBeDefined();
  expect(jaText, what).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect(enText, what).not.toBe(jaText);
  expect(enText, what).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
}

describe("domain contributions (contributes.ts)", () => {
  it("are found for every domain that has the file, without a list to keep", () => {
    expect(domainContributions().map((d) => d.domain)).toEqual(expect.arrayContaining(["accounts", "admin", "districts", "groups"]));
  });

  it("name each audit action once across all domains, in the style area.verb_phrase, labelled in both languages", () => {
    const actions = domainContributions().flatMap(({ contributes }) => Object.keys(contributes.auditActions ?? {}));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a, i) => actions.indexOf(a) !== i)).toEqual([]);
    for (const action of actions) {
      expect(action).toMatch(/^[a-z]+\.[a-z_]+$/);
      expectLabelledInBothLanguages(auditActionLabel(action) ?? "", action);
    }
    // The type recordAudit takes is the union of what the domains declare (declaration merging).
    const declared: AuditAction = "group.member_left";
    expect(auditActionLabel(declared)).toBe("groupReview.audit.group.member_left");
    // @ts-expect-error no domain declares this action
    const undeclared: AuditAction = "group.teleported";
    expect(auditActionLabel(undeclared)).toBeUndefined();
  });

  it("name each kind of audit target once, labelled in both languages, with a page only for ids that have one", () => {
    const targets = auditTargets();
    const types = targets.map((t) => t.type);
    expect(types).toEqual(expect.arrayContaining(["user", "district", "center", "group"]));
    expect(types.filter((t, i) => types.indexOf(t) !== i)).toEqual([]);
    for (const target of targets) expectLabelledInBothLanguages(target.label, target.type);
    const page = (type: string, id: string) => targets.find((t) => t.type === type)?.page?.(id);
    expect(page("group", "12")).toBe("/admin/groups/12");
    expect(page("group", "import-2026")).toBeNull();
    expect(page("center", "3")).toBe("/admin/centers/3");
  });

  it("give every staff-area section a permission some role opens, a label in both languages, and a place of its own", () => {
    const entries = adminNavEntries();
    const admin: Actor = { id: "a", role: "admin", emailVerified: true, totpEnabled: true, districtIds: [] };
    const resident: Actor = { ...admin, role: "resident" };
    for (const entry of entries) {
      expect(entry.to, entry.to).toMatch(/^\/admin(\/|$)/);
      expect(can(admin, entry.permission), entry.to).toBe(true);
      expect(can(resident, entry.permission), entry.to).toBe(false);
      expectLabelledInBothLanguages(entry.label, entry.to);
    }
    const paths = entries.map((e) => e.to);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
    const orders = entries.map((e) => e.order);
    expect(orders.filter((o, i) => orders.indexOf(o) !== i)).toEqual([]);
    expect(paths).toEqual(["/admin", "/admin/groups", "/admin/consultations", "/admin/districts", "/admin/centers", "/admin/users", "/admin/audit", "/admin/outbox"]);
  });

  it("give the home page each domain's blocks, labelled in both languages, finding a group first with a search box that sends words to /groups", () => {
    const sections = homeSections();
    const ids = sections.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const orders = sections.map((s) => s.order);
    expect(orders.filter((o, i) => orders.indexOf(o) !== i)).toEqual([]);
    for (const section of sections) {
      const entries = section.entries ? [section.entries.heading, section.entries.none, section.entries.all] : [];
      for (const key of [section.title, section.body, section.search?.label, section.search?.button, ...entries]) if (key) expectLabelledInBothLanguages(key, section.id);
    }
    expect(sections.filter((s) => s.size === "main").map((s) => s.href)).toEqual(["/groups", "/groups/new", "/consultations"]);
    expect(sections[0].search).toMatchObject({ action: "/groups", name: "q" });
    expect(sections.filter((s) => s.size === "more").map((s) => s.href)).toEqual(["/districts", "/contact"]);
    // Public comment's block lists the consultations open now, which its server part gives.
    expect(sections.filter((s) => s.entries).map((s) => s.id)).toEqual(["consultations"]);
  });
});
