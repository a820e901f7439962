/**
 * The group profile form: the shared schema (groupProfileSchema) against bad and hostile input,
 * the form-level rules of the representative's pages (groupFormSchema: consent on submission,
 * the logo's size; kept values). The logo's content check is in uploads.test.ts.
 */
import { describe, expect, it } from "vitest";
import { inviteSchema, withdrawSchema } from "../../app/groups/editor-forms.ts";
import { groupFormSchema, groupProfileSchema } from "../../app/groups/forms.ts";
import { parseForm } from "../../app/platform/forms/validation.ts";
import { withCheckDigit } from "../../app/platform/forms/rules.ts";
import { KEPT_VALUE_MAX, keptValues } from "../../app/platform/forms/values.ts";

const TODAY = "2026-06-01";

function form(overrides: Record<string, string | string[] | undefined> = {}): FormData {
  const base: Record<string, string | string[] | undefined> = {
    name: "安中こども食堂",
    nameKana: "あんなかこどもしょくどう",
    kind: "volunteer",
    corporateNumber: "",
    representativeName: "安中 花子",
    phone: "027-382-1111",
    email: "",
    website: "",
    sns: "",
    mainDistrictId: "1",
    districtIds: ["1", "2"],
    activityFields: ["13", "1"],
    purpose: "子どもの居場所づくり",
    activities: "毎週土曜日に食事を提供",
    foundedOn: "2015-04-01",
    memberCount: "12",
    meetingPlace: "",
    ...overrides,
  };
  const data = new FormData();
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

function parse(overrides: Record<string, string | string[] | undefined> = {}) {
  return parseForm(groupProfileSchema(TODAY), form(overrides));
}

function errorsOf(overrides: Record<string, string | string[] | undefined>) {
  const result = parse(overrides);
  return result.ok ? {} : result.errors;
}

describe("groupProfileSchema through the form", () => {
  it("accepts a complete profile and normalises it", () => {
    const result = parse();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.nameKana).toBe("アンナカコドモショクドウ");
    expect(result.data.activityFields).toEqual([1, 13]);
    expect(result.data.districtIds).toEqual([1, 2]);
    expect(result.data.representativePublic).toBe(false);
  });

  it("refuses a 法人番号 with a wrong check digit and accepts the right one", () => {
    const right = withCheckDigit("700110005901");
    const wrongDigit = `${(Number(right[0]) + 1) % 10}${right.slice(1)}`;
    expect(errorsOf({ kind: "npo", corporateNumber: wrongDigit }).corporateNumber).toBe("groups.errors.corporateNumber");
    expect(errorsOf({ kind: "npo", corporateNumber: "123" }).corporateNumber).toBe("groups.errors.corporateNumber");
    expect(errorsOf({ kind: "npo", corporateNumber: "" }).corporateNumber).toBe("groups.errors.corporateNumberRequired");
    expect(errorsOf({ kind: "volunteer", corporateNumber: right }).corporateNumber).toBe("groups.errors.corporateNumberNotNpo");
    expect(parse({ kind: "npo", corporateNumber: right, mainOfficeInCity: "on" }).ok).toBe(true);
    // Full-width digits and hyphens as people type them.
    const typed = `${right.slice(0, 1)}-${right.slice(1, 5)}-${right.slice(5)}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const parsed = parse({ kind: "npo", corporateNumber: typed });
    expect(parsed.ok && parsed.data.corporateNumber).toBe(right);
  });

  it("refuses furigana with kanji or Latin letters, accepts hiragana and half-width katakana", () => {
    expect(errorsOf({ nameKana: "安中こどもしょくどう" }).nameKana).toBe("groups.errors.furigana");
    expect(errorsOf({ nameKana: "annaka" }).nameKana).toBe("groups.errors.furigana");
    const halfWidth = parse({ nameKana: "ｱﾝﾅｶ ｺﾄﾞﾓ" });
    expect(halfWidth.ok && halfWidth.data.nameKana).toBe("アンナカ コドモ");
  });

  it("refuses 0 and 100,000 members, accepts 5 and 99,999", () => {
    for (const count of ["0", "4", "100000", "-5", "12.5", "十二"]) {
      expect(errorsOf({ memberCount: count }).memberCount, count).toMatch(/^(groups\.errors\.members|errors\.number)/);
    }
    expect(errorsOf({ memberCount: "0" }).memberCount).toBe('groups.errors.members|{"min":5,"max":99999}');
    expect(errorsOf({ memberCount: "100000" }).memberCount).toBe('groups.errors.members|{"min":5,"max":99999}');
    expect(parse({ memberCount: "5" }).ok).toBe(true);
    expect(parse({ memberCount: "99999" }).ok).toBe(true);
  });

  it("refuses a 1 MB purpose with the length limit, not a crash", () => {
    expect(errorsOf({ purpose: "a".repeat(1024 * 1024) }).purpose).toBe('errors.tooLong|{"max":2000}');
    expect(errorsOf({ purpose: "あ".repeat(2001) }).purpose).toBe('errors.tooLong|{"max":2000}');
    expect(parse({ purpose: "あ".repeat(2000) }).ok).toBe(true);
  });

  it("keeps <script> and HTML as the text typed (escaping is the page's job)", () => {
    const script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    const result = parse({ name: script, purpose: script, activities: `<b>${script}</b>`, meetingPlace: "<iframe>" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.name).toBe(script);
    expect(result.data.purpose).toBe(script);
    expect(result.data.meetingPlace).toBe("<iframe>");
  });

  it("refuses javascript:, data: and other non-http URLs", () => {
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>", "vbscript:x", "ftp://example.jp", "//example.jp", "example.jp"]) {
      expect(errorsOf({ website: url }).website, url).toBe("groups.errors.url");
      expect(errorsOf({ sns: url }).sns, url).toBe("groups.errors.url");
    }
    expect(parse({ website: "https://example.jp/団体", sns: "http://example.jp/@annaka" }).ok).toBe(true);
  });

  it("accepts free text that starts with = + - @ (the CSV export escapes it; the form does not refuse it)", () => {
    for (const text of ["=SUM(A1:A2)", "+81 27 382 1111", "-1 の会", "@annaka_kodomo", "=cmd|' /C calc'!A0"]) {
      const result = parse({ name: text, purpose: text, activities: text, meetingPlace: text });
      expect(result.ok, text).toBe(true);
      expect(result.ok && [result.data.name, result.data.purpose, result.data.activities, result.data.meetingPlace]).toEqual([text, text, text, text]);
    }
  });

  it("refuses a founding date in the future or not a date, and an activity field outside 1–20", () => {
    expect(errorsOf({ foundedOn: "2026-06-02" }).foundedOn).toBe("groups.errors.futureDate");
    expect(errorsOf({ foundedOn: "2015-02-30" }).foundedOn).toBe("groups.errors.date");
    expect(errorsOf({ activityFields: [] }).activityFields).toBe("groups.errors.fieldsRequired");
    expect(errorsOf({ activityFields: ["21"] }).activityFields).toBe("errors.choice");
  });

  it("refuses control characters in text", () => {
    expect(errorsOf({ name: "安中\u0000食堂" }).name).toBe("errors.controlChars");
  });
});

describe("groupFormSchema (the representative's form)", () => {
  const submitForm = (data: FormData, intent: "draft" | "submit") => {
    data.append("intent", intent);
    return parseForm(groupFormSchema(TODAY), data);
  };

  it("saves a draft without consent, but asks for it on submission", () => {
    expect(submitForm(form(), "draft").ok).toBe(true);
    const submit = submitForm(form(), "submit");
    expect(submit.ok).toBe(false);
    expect(!submit.ok && submit.errors).toEqual({ consent: "groups.errors.consent" });
    const consented = form();
    consented.append("consent", "on");
    expect(submitForm(consented, "submit").ok).toBe(true);
  });

  it("treats an unknown intent as a draft and refuses a consent that is not the box's value", () => {
    expect(submitForm(form(), "publish" as "draft").ok).toBe(true);
    const forged = form();
    forged.append("consent", "yes");
    expect(!submitForm(forged, "submit").ok).toBe(true);
  });

  it("reports profile and consent errors together and keeps what was typed, lists as lists, long texts cut", () => {
    const result = submitForm(form({ memberCount: "0", purpose: "x".repeat(50_000) }), "submit");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["consent", "memberCount", "purpose"]);
    expect(result.values.activityFields).toEqual(["13", "1"]);
    expect(result.values.name).toBe("安中こども食堂");
    expect(result.values.purpose).toHaveLength(KEPT_VALUE_MAX);
  });

  it("saves a draft with only the group name, and nothing else required", () => {
    const only = new FormData();
    only.append("name", " 安中こども食堂 ");
    const draft = submitForm(only, "draft");
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.data).toMatchObject({ name: "安中こども食堂", nameKana: "", kind: "", mainDistrictId: null, memberCount: null, foundedOn: "", activityFields: [], districtIds: [] });
    const nameless = submitForm(new FormData(), "draft");
    expect(!nameless.ok && nameless.errors).toEqual({ name: "errors.required" });
  });

  it("asks on submission for every required field a draft left out, and for nothing a draft needs", () => {
    const only = new FormData();
    only.append("name", "安中こども食堂");
    only.append("consent", "on");
    const submit = submitForm(only, "submit");
    expect(submit.ok).toBe(false);
    if (submit.ok) return;
    expect(Object.keys(submit.errors).sort()).toEqual(
      ["activities", "activityFields", "foundedOn", "kind", "mainDistrictId", "memberCount", "nameKana", "purpose", "representativeName"].sort(),
    );
    expect(submit.errors.activityFields).toBe("groups.errors.fieldsRequired");
    expect(submit.errors.mainDistrictId).toBe("groups.errors.district");
  });

  it("holds what a draft does give to its field's format and limits (wrong, oversized, hostile)", () => {
    const draftErrors = (fields: Record<string, string | string[]>) => {
      const data = new FormData();
      data.append("name", "下書きの会");
      for (const [k, v] of Object.entries(fields)) {
        data.delete(k);
        for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
      }
      const result = submitForm(data, "draft");
      return result.ok ? {} : result.errors;
    };
    expect(draftErrors({ name: "x".repeat(101) }).name).toBe('errors.tooLong|{"max":100}');
    expect(draftErrors({ nameKana: "Annaka" }).nameKana).toBe("groups.errors.furigana");
    expect(draftErrors({ kind: "<script>" }).kind).toBe("errors.choice");
    expect(draftErrors({ phone: "電話してね" }).phone).toBe("groups.errors.phone");
    expect(draftErrors({ website: "javascript:alert(1)" }).website).toBe("groups.errors.url");
    expect(draftErrors({ mainDistrictId: "abc" }).mainDistrictId).toBe("groups.errors.district");
    expect(draftErrors({ mainDistrictId: "-1" }).mainDistrictId).toBe("groups.errors.district");
    expect(draftErrors({ districtIds: ["1", "x"] }).districtIds).toBeDefined();
    expect(draftErrors({ activityFields: ["21"] }).activityFields).toBe("errors.choice");
    expect(draftErrors({ foundedOn: "2015-13-40" }).foundedOn).toBe("groups.errors.date");
    expect(draftErrors({ foundedOn: "2099-01-01" }).foundedOn).toBe("groups.errors.futureDate");
    expect(draftErrors({ memberCount: "3" }).memberCount).toBe('groups.errors.members|{"min":5,"max":99999}');
    expect(draftErrors({ memberCount: "1e9" }).memberCount).toBeDefined();
    expect(draftErrors({ purpose: "x".repeat(2001) }).purpose).toBe('errors.tooLong|{"max":2000}');
    expect(draftErrors({ activities: "a\u0000b" }).activities).toBe("errors.controlChars");
    expect(draftErrors({ kind: "volunteer", corporateNumber: withCheckDigit("000000000001") }).corporateNumber).toBe("groups.errors.corporateNumberNotNpo");
    expect(draftErrors({ kind: "npo", corporateNumber: "123" }).corporateNumber).toBe("groups.errors.corporateNumber");
    // An NPO's 法人番号 may wait for the submission.
    expect(draftErrors({ kind: "npo" })).toEqual({});
  });

  it("refuses a logo over 1 MB by its size, and takes an empty file input as no logo", () => {
    const big = form();
    big.append("logo", new File([new Uint8Array(1024 * 1024 + 1)], "big.png", { type: "image/png" }));
    const refused = submitForm(big, "draft");
    expect(!refused.ok && refused.errors.logo).toBe("groupForm.errors.logoSize");
    const empty = form();
    empty.append("logo", new File([], "", { type: "application/octet-stream" }));
    expect(submitForm(empty, "draft").ok).toBe(true);
  });

  it("reports a hostile list item at its list, not at a path of its own", () => {
    const result = parse({ districtIds: ["1", "x"], activityFields: ["<script>"] });
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(["activityFields", "districtIds"]);
  });

  it("keeps text fields only (never the uploaded file or the button)", () => {
    const data = form();
    data.append("intent", "submit");
    data.append("logo", new File([new Uint8Array([1, 2, 3])], "x.png"));
    const values = keptValues(data);
    expect(values).not.toHaveProperty("intent");
    expect(values).not.toHaveProperty("logo");
    expect(values.districtIds).toEqual(["1", "2"]);
  });
});

describe("the other forms of the representative's pages", () => {
  it("invites an address as representative or editor only", () => {
    const invite = (email: string, role: string) => {
      const data = new FormData();
      data.append("email", email);
      data.append("role", role);
      return parseForm(inviteSchema, data);
    };
    expect(invite("a@example.jp", "editor").ok).toBe(true);
    expect(invite("a@example.jp", "admin").ok).toBe(false);
    expect(invite("not-an-address", "editor").ok).toBe(false);
  });

  it("withdraws only with the confirmation ticked; the reason is optional and bounded", () => {
    const withdraw = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.append(k, v);
      return parseForm(withdrawSchema, data);
    };
    expect(withdraw({ confirm: "on" }).ok).toBe(true);
    const missing = withdraw({ reason: "解散" });
    expect(!missing.ok && missing.errors.confirm).toBe("groupForm.errors.confirmWithdraw");
    const long = withdraw({ reason: "x".repeat(1001), confirm: "on" });
    expect(!long.ok && long.errors.reason).toBe('errors.tooLong|{"max":1000}');
  });

});

describe("a draft's unanswered number of members", () => {
  it("is stored below any accepted count and read back as not given, never as 0", async () => {
    const { givenMemberCount, GROUP_LIMITS, UNANSWERED_MEMBER_COUNT } = await import("../../app/groups/rules.ts");
    expect(UNANSWERED_MEMBER_COUNT).toBeLessThan(GROUP_LIMITS.minMembers);
    expect(givenMemberCount(UNANSWERED_MEMBER_COUNT)).toBeNull();
    expect(givenMemberCount(null)).toBeNull();
    expect(givenMemberCount(GROUP_LIMITS.minMembers)).toBe(GROUP_LIMITS.minMembers);
    expect(givenMemberCount(12)).toBe(12);
  });
});
