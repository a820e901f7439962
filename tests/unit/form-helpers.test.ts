/**
 * The shared form helpers (app/platform/forms) and the group field table: the one helper each
 * for URL ids, kept values and the last day of validity, and what is derived from fields.ts.
 */
import { describe, expect, it, vi } from "vitest";
import { lastValidDay } from "../../app/platform/dates.ts";
import { idParam } from "../../app/platform/forms/params.ts";
import { isCorporateNumber, isHttpUrl, normalizeEmail, PHONE, withCheckDigit } from "../../app/platform/forms/rules.ts";
import { checkbox, formDataValues, list, parseForm, text } from "../../app/platform/forms/validation.ts";
import { keptValues, KEPT_VALUE_MAX, listValue, textValue } from "../../app/platform/forms/values.ts";
import { GROUP_FIELD_NAMES, GROUP_FIELDS, OPEN_DATA_PROFILE_COLUMNS } from "../../app/groups/fields.ts";
import { groupProfileSchema } from "../../app/groups/forms.ts";
import { GROUP_IMPORT_COLUMNS } from "../../app/groups/import-rows.ts";
import { PROFILE_FIELDS, VALUE_AUDITED_FIELDS } from "../../app/groups/review-forms.ts";
import { z } from "zod";

// group.server.ts reaches the database only inside functions not called here.
vi.mock("../../app/platform/db.server.ts", () => ({ db: {} }));
const { versionColumns, versionFormValues, versionProfile } = await import("../../app/groups/group.server.ts");

function statusOf(fn: () => unknown): number | "returned" {
  try {
    fn();
    return "returned";
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("idParam", () => {
  it("reads a plain positive integer that fits a database Int", () => {
    expect(idParam("1")).toBe(1);
    expect(idParam("2147483647")).toBe(2_147_483_647);
  });

  it("answers 404 for anything else, hostile or not", () => {
    for (const bad of [undefined, "", "0", "012", "-1", "1.5", "1e3", " 1", "1 ", "0x1f", "abc", "2147483648", "99999999999", "12abc", "１２", "1;DROP TABLE"]) {
      expect(statusOf(() => idParam(bad)), String(bad)).toBe(404);
    }
  });
});

describe("keptValues", () => {
  const posted = () => {
    const data = new FormData();
    data.append("name", "安中の会");
    data.append("districtIds", "1");
    data.append("districtIds", "3");
    data.append("newPassword", "secret-secret");
    data.append("intent", "submit");
    data.append("logo", new File([new Uint8Array([1])], "x.png"));
    data.append("purpose", "x".repeat(KEPT_VALUE_MAX + 5));
    return data;
  };

  it("keeps text as typed and repeated names as lists, never passwords, buttons or files, long values cut", () => {
    const values = keptValues(posted());
    expect(values).toEqual({ name: "安中の会", districtIds: ["1", "3"], purpose: "x".repeat(KEPT_VALUE_MAX) });
  });

  it("leaves out what the caller names", () => {
    expect(keptValues(posted(), { omit: ["name"] })).not.toHaveProperty("name");
  });

  it("is what parseForm sends back on a refusal", () => {
    const result = parseForm(z.object({ name: text(3) }), posted());
    expect(!result.ok && result.values).toEqual(keptValues(posted()));
  });

  it("gives a text input one string and a group its list, whatever was posted", () => {
    const values = keptValues(posted());
    expect(textValue(values, "districtIds")).toBe("1");
    expect(textValue(values, "missing")).toBe("");
    expect(listValue(values, "districtIds")).toEqual(["1", "3"]);
    expect(listValue(values, "name")).toEqual(["安中の会"]);
    expect(listValue({ name: "" }, "name")).toEqual([]);
  });
});

describe("formDataValues and the builders (the browser reads its form as the server does)", () => {
  it("takes a chosen file as a File and an empty file input as nothing", () => {
    const data = new FormData();
    data.append("empty", new File([], ""));
    data.append("logo", new File([new Uint8Array([1])], "x.png"));
    const values = formDataValues(data);
    expect(values).not.toHaveProperty("empty");
    expect(values.logo).toBeInstanceOf(File);
  });

  it("reads a checkbox ticked or not, and refuses other values", () => {
    const box = z.object({ on: checkbox() });
    expect(box.parse({ on: "on" }).on).toBe(true);
    expect(box.parse({}).on).toBe(false);
    expect(box.parse({ on: false }).on).toBe(false);
    expect(box.safeParse({ on: "yes" }).success).toBe(false);
  });

  it("reads a list from nothing, one value or several", () => {
    const ids = list(z.string());
    expect(ids.parse(undefined)).toEqual([]);
    expect(ids.parse("1")).toEqual(["1"]);
    expect(ids.parse(["1", "2"])).toEqual(["1", "2"]);
  });
});

describe("lastValidDay", () => {
  it("is the Tokyo day before the exclusive end, from a Date or the ISO string a loader sends", () => {
    const end = new Date("2027-03-31T15:00:00.000Z"); // 2027-04-01 00:00 JST
    expect(lastValidDay(end)).toBe("2027-03-31");
    expect(lastValidDay(end.toISOString())).toBe("2027-03-31");
    expect(lastValidDay(new Date(end.getTime() + 1))).toBe("2027-04-01");
  });
});

describe("the platform's rules", () => {
  // Real 法人番号 from the 国税庁 法人番号公表サイト, with the check digit worked out by hand
  // (check = 9 − (Σ Pn·Qn mod 9), Pn the n-th digit of the base from the right, Qn 1 for odd n,
  // 2 for even n), not by the function under test.
  const REAL: [string, string][] = [
    // 国税庁. Base 000012050002: P1 = 2 (×1), P5 = 5 (×1), P7 = 2 (×1), P8 = 1 (×2), the rest 0 →
    // Σ = 2 + 5 + 2 + 2 = 11; 11 mod 9 = 2; 9 − 2 = 7.
    ["7000012050002", "国税庁"],
    // トヨタ自動車株式会社. Base 180301018771 → Σ = 53; 53 mod 9 = 8; 9 − 8 = 1.
    ["1180301018771", "トヨタ自動車"],
    // ソニーグループ株式会社. Base 010401067252 → Σ = 40; 40 mod 9 = 4; 9 − 4 = 5.
    ["5010401067252", "ソニーグループ"],
    // 安中市 (000020 + 団体コード 102164). Σ = 27; 27 mod 9 = 0; 9 − 0 = 9: the digit is 9, never 0.
    ["9000020102164", "安中市"],
  ];

  it("accepts real 法人番号 and the check digit computes to theirs", () => {
    for (const [number, name] of REAL) {
      expect(isCorporateNumber(number), name).toBe(true);
      expect(withCheckDigit(number.slice(1)), name).toBe(number);
    }
  });

  it("refuses every wrong check digit, two swapped digits, and anything but 13 half-width digits", () => {
    for (const [number, name] of REAL) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === number[0]) continue;
        expect(isCorporateNumber(`${digit}${number.slice(1)}`), `${name} with ${digit}`).toBe(false);
      }
    }
    // Two neighbouring digits swapped (weights 1 and 2 differ): 国税庁's last two, トヨタ's 7 and 1.
    expect(isCorporateNumber("7000012050020")).toBe(false);
    expect(isCorporateNumber("1180301018717")).toBe(false);
    for (const bad of ["", "12345", "700001205000", "70000120500020", "7000012050002x", " 7000012050002", "７００００１２０５０００２", "7000-0120-50002"]) {
      expect(isCorporateNumber(bad), bad).toBe(false);
    }
  });

  it("checks 法人番号, phone numbers, http(s) addresses and compares addresses case-blind", () => {
    for (const ok of ["027-382-1111", "0273821111", "090-1234-5678"]) expect(PHONE.test(ok), ok).toBe(true);
    for (const bad of ["01111", "27-382-1111", "027-382-1111x", "<script>"]) expect(PHONE.test(bad), bad).toBe(false);
    expect(isHttpUrl("https://example.jp")).toBe(true);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(normalizeEmail("  Taro@Example.JP ")).toBe("taro@example.jp");
  });
});

describe("the group field table", () => {
  const complete = () =>
    groupProfileSchema("2026-06-01").parse({
      name: "安中こども食堂",
      nameKana: "あんなかこどもしょくどう",
      kind: "volunteer",
      representativeName: "安中 花子",
      representativePublic: "on",
      mainDistrictId: "4",
      districtIds: ["4", "2"],
      activityFields: ["13", "1"],
      purpose: "子どもの居場所づくり",
      activities: "毎週土曜日",
      foundedOn: "2015-04-01",
      memberCount: "12",
      unknownField: "ignored",
    });

  it("gives the schema exactly its fields (an unknown posted name is dropped)", () => {
    expect(Object.keys(complete()).sort()).toEqual([...GROUP_FIELD_NAMES].sort());
  });

  it("gives the diff its fields and the logo, and the audit only the fields marked audited", () => {
    expect(PROFILE_FIELDS).toEqual([...GROUP_FIELD_NAMES, "logoFile"]);
    for (const name of GROUP_FIELD_NAMES) expect(VALUE_AUDITED_FIELDS.has(name), name).toBe(GROUP_FIELDS[name].audited);
    expect(VALUE_AUDITED_FIELDS.has("representativeName")).toBe(false);
    expect(VALUE_AUDITED_FIELDS.has("phone")).toBe(false);
  });

  it("gives the import and the open data their columns, never the private choice to publish the name", () => {
    expect(GROUP_IMPORT_COLUMNS.map((c) => c.field)).toEqual(GROUP_FIELD_NAMES.filter((n) => n !== "representativePublic"));
    expect(GROUP_IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header)).toEqual(
      GROUP_FIELD_NAMES.filter((n) => GROUP_FIELDS[n].required).map((n) => GROUP_FIELDS[n].csv),
    );
    expect(OPEN_DATA_PROFILE_COLUMNS.map(([key]) => key)).toContain("url");
    expect(OPEN_DATA_PROFILE_COLUMNS.map(([key]) => key)).not.toContain("representativePublic");
  });

  it("turns a version into columns, values and back without losing anything", () => {
    const input = complete();
    const columns = versionColumns(input);
    expect(columns.districtIds).toBe("[4,2]");
    expect(columns.activityFields).toBe("[1,13]");
    const row = { ...columns, id: 1, logoFile: "" } as unknown as Parameters<typeof versionFormValues>[0];
    const values = versionFormValues(row);
    expect(values).toMatchObject({ representativePublic: "on", welcomesMembers: "", districtIds: ["4", "2"], memberCount: "12", mainDistrictId: "4" });
    // The values a form shows are the values it posts: the same profile comes back.
    const data = new FormData();
    for (const [name, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
    const again = parseForm(groupProfileSchema("2026-06-01"), data);
    expect(again.ok && again.data).toEqual(input);
    expect(versionProfile(row)).toMatchObject({ districtIds: [4, 2], activityFields: [1, 13], memberCount: 12 });
  });
});
