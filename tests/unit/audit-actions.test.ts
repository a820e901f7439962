import { describe, expect, it } from "vitest";
import { adminMessages } from "../../app/admin/messages.ts";
import { lookupMessage, translator } from "../../app/i18n/index.ts";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "../../app/platform/audit-actions.ts";

describe("audit actions", () => {
  it("has a Japanese and an English label for every action and target type", () => {
    const keys = [...AUDIT_ACTIONS.map((a) => `admin.audit.action.${a}`), ...AUDIT_TARGET_TYPES.map((type) => `admin.audit.target.${type}`)];
    const ja = translator("ja", adminMessages);
    const en = translator("en", adminMessages);
    expect(keys.filter((key) => lookupMessage(ja, key) === undefined)).toEqual([]);
    for (const key of keys) {
      expect(lookupMessage(ja, key)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(lookupMessage(en, key)).not.toBe(lookupMessage(ja, key));
    }
  });

  it("names each action once, in the style area.verb_phrase", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z]+\.[a-z_]+$/);
  });
});
