import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { city } from "../../app/config/city.ts";
import { groupFormMessages } from "../../app/groups/messages/groupForm.ts";
import { groupsMessages } from "../../app/groups/messages/groups.ts";
import { defineMessages, encodeMessage, lookupMessage, translateMessage, translator, type T } from "../../app/i18n/index.ts";
import { getLang, langFromAcceptLanguage, langFromCookie } from "../../app/i18n/lang.server.ts";
import { policiesMessages } from "../../app/i18n/policies.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

type Module = Record<string, Record<string, string>>;
/** Every catalogue module of every domain, found by name so that a new one is checked too. */
const jaModules = import.meta.glob<Module>("../../app/**/*.ja.ts", { eager: true });
const enModules = import.meta.glob<Module>("../../app/**/*.en.ts", { eager: true });
const area = (file: string, suffix: string) => path.relative("../../app", file).slice(0, -suffix.length);
const texts = (module: Module) => Object.assign({}, ...Object.values(module)) as Record<string, string>;
const areas = Object.keys(jaModules).map((file) => {
  const enFile = file.replace(/\.ja\.ts$/, ".en.ts");
  return { name: area(file, ".ja.ts"), ja: texts(jaModules[file]), en: enModules[enFile] ? texts(enModules[enFile]) : {} };
});

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe("catalogues", () => {
  it("finds the catalogue of every domain", () => {
    expect(areas.map((a) => a.name)).toEqual(expect.arrayContaining(["i18n/common", "groups/messages/groupForm", "accounts/messages", "admin/messages"]));
    expect(areas.every((a) => Object.keys(a.ja).length > 0)).toBe(true);
  });

  it("pairs every Japanese area module with an English one", () => {
    const files = readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" });
    const jaAreas = files.filter((f) => f.endsWith(".ja.ts")).map((f) => f.slice(0, -".ja.ts".length)).sort();
    const enAreas = files.filter((f) => f.endsWith(".en.ts")).map((f) => f.slice(0, -".en.ts".length)).sort();
    expect(jaAreas.length).toBeGreaterThan(0);
    expect(enAreas).toEqual(jaAreas);
  });

  it("defines no key in two modules: any of them may be combined on one page", () => {
    const owners = new Map<string, string[]>();
    for (const a of areas) for (const key of Object.keys(a.ja)) owners.set(key, [...(owners.get(key) ?? []), a.name]);
    expect([...owners].filter(([, names]) => names.length > 1).map(([key, names]) => `${key}: ${names.join(", ")}`)).toEqual([]);
  });

  it("has the same keys in English as in Japanese", () => {
    const missing = areas.flatMap((a) => Object.keys(a.ja).filter((k) => !(k in a.en)).map((k) => `${a.name}: ${k}`));
    const extra = areas.flatMap((a) => Object.keys(a.en).filter((k) => !(k in a.ja)).map((k) => `${a.name}: ${k}`));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("has no empty or blank strings", () => {
    const blank = areas.flatMap((a) =>
      (["ja", "en"] as const).flatMap((lang) => Object.entries(a[lang]).filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => `${lang}:${k}`)),
    );
    expect(blank).toEqual([]);
  });

  it("uses the same placeholders in both languages for every key", () => {
    const mismatched = areas.flatMap((a) =>
      Object.keys(a.ja)
        .filter((k) => placeholders(a.ja[k]).join() !== placeholders(a.en[k] ?? "").join())
        .map((k) => `${k}: ja ${placeholders(a.ja[k]).join(",")} / en ${placeholders(a.en[k] ?? "").join(",")}`),
    );
    expect(mismatched).toEqual([]);
  });

  it("has no Japanese text left untranslated in English (apart from language names)", () => {
    // The search words' examples stay Japanese in English: the directory is searched in Japanese.
    const allowed = new Set(["lang.ja", "lang.switch", "lang.switchHint", "groupDirectory.home.find.hint"]);
    const jp = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const leftovers = areas.flatMap((a) => Object.entries(a.en).filter(([k, v]) => !allowed.has(k) && jp.test(v)).map(([k]) => k));
    expect(leftovers).toEqual([]);
  });

  it("names the city only through the city configuration's placeholders", () => {
    const words = [city.name, city.siteName, city.section, city.division, city.welfareCouncil].flatMap((w) => [w.ja, w.en]);
    const literal = [...words, "安中", "Annaka", city.contactPhone];
    const found = areas.flatMap((a) =>
      [...Object.entries(a.ja), ...Object.entries(a.en)].filter(([, v]) => literal.some((w) => v.includes(w))).map(([k]) => k),
    );
    expect(found).toEqual([]);
  });
});

describe("translator", () => {
  it("looks keys up in the chosen language", () => {
    expect(translator("ja")("nav.home")).toBe("ホーム");
    expect(translator("en")("nav.home")).toBe("Home");
  });

  it("substitutes parameters", () => {
    expect(translator("ja")("errors.tooLong", { max: 10 })).toBe("10文字以内で入力してください");
    expect(translator("en")("errors.tooLong", { max: 10 })).toContain("10");
  });

  it("fills the city's words from the city configuration, in the reader's language", () => {
    expect(translator("ja")("site.name")).toBe(city.siteName.ja);
    expect(translator("en")("site.name")).toBe(city.siteName.en);
    expect(translator("ja")("footer.operator")).toBe(`運営：${city.section.ja}`);
    expect(translator("en")("footer.operator")).toBe(`Run by ${city.section.en}`);
    const body = translator("ja", policiesMessages)("a11y.contact.body");
    expect(body).toContain(city.section.ja);
    expect(body).toContain(city.contactPhone);
    expect(body).not.toMatch(/\{\w+\}/);
  });

  it("leaves a placeholder it has no value for (only reachable past the types)", () => {
    // @ts-expect-error -- the message asks for max
    expect(translator("en")("errors.tooLong")).toContain("{max}");
  });

  it("makes one translator per language and list of catalogues, the list's first catalogue winning a key", () => {
    // Pages ask for a translator on every render (decision 0029): the same list gives the same one.
    expect(translator("ja", groupsMessages)).toBe(translator("ja", groupsMessages));
    expect(translator("en", groupsMessages)).not.toBe(translator("ja", groupsMessages));
    expect(translator("ja", groupsMessages, groupFormMessages)).not.toBe(translator("ja", groupsMessages));
    const first = defineMessages({ "cacheTest.word": "一" }, { "cacheTest.word": "one" });
    const second = defineMessages({ "cacheTest.word": "二" }, { "cacheTest.word": "two" });
    expect(translator("ja", first, second)("cacheTest.word")).toBe("一");
    expect(translator("ja", second, first)("cacheTest.word")).toBe("二");
    expect(translator("en", second, first)("cacheTest.word")).toBe("two");
    // A message asked for without its parameters first still takes them afterwards.
    // @ts-expect-error -- the message asks for max
    expect(translator("ja")("errors.tooLong")).toContain("{max}");
    expect(translator("ja")("errors.tooLong", { max: 7 })).toBe("7文字以内で入力してください");
  });

  it("does not treat parameter values as patterns", () => {
    expect(translator("ja")("errors.tooLong", { max: "$& {min} $1" })).toBe("$& {min} $1文字以内で入力してください");
  });

  it("knows a domain's keys only when given its catalogue, and what that catalogue includes", () => {
    // @ts-expect-error -- groupForm's keys need its catalogue
    expect(translator("ja")("groupForm.title")).toBe("groupForm.title");
    expect(translator("ja", groupFormMessages)("groupForm.title")).not.toBe("groupForm.title");
    expect(translator("en", groupFormMessages)("groups.kind.npo")).toBe(translator("en", groupsMessages)("groups.kind.npo"));
  });

  it("passes a translator only where its catalogues cover what the callee asks for", () => {
    const kindOf = (t: T<typeof groupsMessages>) => t("groups.kind.npo");
    expect(kindOf(translator("ja", groupFormMessages))).toBe("NPO法人");
    // @ts-expect-error -- the shared strings alone lack the registry's keys
    kindOf(translator("ja"));
  });

  it("checks parameters at the call", () => {
    const t = translator("ja", groupsMessages);
    // @ts-expect-error -- max is missing
    t("groups.errors.members", { min: 1 });
    // @ts-expect-error -- the message has no placeholders
    t("groups.kind.npo", { min: 1 });
    // @ts-expect-error -- no such key
    t("groups.kind.unknown");
    expect(t("groups.errors.members", { min: 1, max: 9 })).toContain("9");
  });

  it("refuses English with other keys or other placeholders than the Japanese", () => {
    const ja = { "x.a": "{n}件", "x.b": "b" } as const;
    expect(defineMessages(ja, { "x.a": "{n} items", "x.b": "B" } as const).pairs).toHaveLength(1);
    // @ts-expect-error -- x.b is missing
    defineMessages(ja, { "x.a": "{n} items" } as const);
    // @ts-expect-error -- x.c is not in Japanese
    defineMessages(ja, { "x.a": "{n} items", "x.b": "B", "x.c": "C" } as const);
    // @ts-expect-error -- {count} instead of {n}
    defineMessages(ja, { "x.a": "{count} items", "x.b": "B" } as const);
  });
});

describe("encoded validation messages", () => {
  it("encodes a key alone or with JSON parameters", () => {
    expect(encodeMessage("errors.required")).toBe("errors.required");
    expect(encodeMessage("errors.tooLong", { max: 10 })).toBe('errors.tooLong|{"max":10}');
    // @ts-expect-error -- max is missing
    encodeMessage("errors.tooLong");
  });

  it("encodes any domain's key, checked against its catalogue", () => {
    expect(encodeMessage("groups.errors.members", { min: 1, max: 9 })).toBe('groups.errors.members|{"min":1,"max":9}');
    // @ts-expect-error -- no such key in any catalogue
    encodeMessage("groups.errors.unknown");
  });

  it("round-trips with parameters in both languages", () => {
    const encoded = encodeMessage("errors.tooLong", { max: 10 });
    expect(translateMessage(translator("ja"), encoded)).toBe("10文字以内で入力してください");
    expect(translateMessage(translator("en"), encoded)).toBe(translator("en")("errors.tooLong", { max: 10 }));
    expect(translateMessage(translator("en"), encoded)).not.toContain("{max}");
  });

  it("round-trips a domain's message with the translator of that domain", () => {
    const encoded = encodeMessage("groups.errors.members", { min: 1, max: 9 });
    expect(translateMessage(translator("ja", groupsMessages), encoded)).toBe(translator("ja", groupsMessages)("groups.errors.members", { min: 1, max: 9 }));
    expect(translateMessage(translator("ja"), encoded)).toBe(encoded);
  });

  it("round-trips without parameters", () => {
    expect(translateMessage(translator("en"), encodeMessage("errors.required"))).toBe(translator("en")("errors.required"));
  });

  it("passes through messages that are not catalogue keys", () => {
    const t = translator("ja");
    expect(translateMessage(t, "Something went wrong")).toBe("Something went wrong");
    expect(translateMessage(t, "not.a.key|{\"x\":1}")).toBe("not.a.key|{\"x\":1}");
    expect(translateMessage(t, "a | b")).toBe("a | b");
    expect(translateMessage(t, "errors.tooLong|not json")).toBe(t("errors.tooLong", { max: "{max}" }));
  });

  it("returns undefined for no message", () => {
    expect(translateMessage(translator("ja"), undefined)).toBeUndefined();
    expect(translateMessage(translator("ja"), "")).toBeUndefined();
  });

  it("looks up keys that arrive as data, and nothing from the prototype", () => {
    const t = translator("ja", groupsMessages);
    expect(lookupMessage(t, "groups.kind.npo")).toBe("NPO法人");
    expect(lookupMessage(t, "groups.kind.nope")).toBeUndefined();
    expect(lookupMessage(t, "toString")).toBeUndefined();
    expect(lookupMessage(t, "__proto__")).toBeUndefined();
  });
});

describe("getLang", () => {
  function request(headers: Record<string, string>) {
    return new Request("http://localhost/", { headers });
  }

  it("lets the cookie win over Accept-Language", () => {
    expect(getLang(request({ Cookie: "lang=en", "Accept-Language": "ja" }))).toBe("en");
    expect(getLang(request({ Cookie: "theme=dark; lang=ja", "Accept-Language": "en" }))).toBe("ja");
  });

  it("reads English from Accept-Language", () => {
    expect(getLang(request({ "Accept-Language": "en-US,en;q=0.9" }))).toBe("en");
  });

  it("picks the best supported language by quality", () => {
    expect(getLang(request({ "Accept-Language": "fr, en;q=0.5, ja;q=0.8" }))).toBe("ja");
    expect(getLang(request({ "Accept-Language": "fr, ja;q=0.5, en;q=0.8" }))).toBe("en");
    expect(getLang(request({ "Accept-Language": "en;q=0.8, ja;q=0.8" }))).toBe("en");
  });

  it("skips a language refused with q=0", () => {
    expect(getLang(request({ "Accept-Language": "ja;q=0, en" }))).toBe("en");
    expect(getLang(request({ "Accept-Language": "en;q=0" }))).toBe("ja");
  });

  it("falls back to Japanese for garbage or nothing", () => {
    expect(getLang(request({ "Accept-Language": ";;;,,q=zz" }))).toBe("ja");
    expect(getLang(request({ "Accept-Language": "en;q=abc" }))).toBe("ja");
    expect(getLang(request({}))).toBe("ja");
  });

  it("ignores a cookie with an unsupported language", () => {
    expect(getLang(request({ Cookie: "lang=xx" }))).toBe("ja");
    expect(getLang(request({ Cookie: "lang=xx", "Accept-Language": "en" }))).toBe("en");
  });

  it("reads only the cookie named lang", () => {
    expect(langFromCookie("xlang=en")).toBeUndefined();
    expect(langFromCookie("a=1;lang=en")).toBe("en");
    expect(langFromCookie(null)).toBeUndefined();
    expect(langFromAcceptLanguage(null)).toBeUndefined();
    expect(langFromAcceptLanguage("EN-gb")).toBe("en");
  });
});

// ---------------------------------------------------------------------------------------
// No Japanese literals in UI source: every string lives in the catalogue.

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Japanese characters in a TSX source outside comments, as "line: text" findings. */
function japaneseOutsideComments(source: string, fileName = "x.tsx"): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    // /** … */ comments are parsed into JSDoc nodes; they are comments all the same.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(file);
    if (children.length === 0) {
      // A leaf token: its text excludes leading trivia, which is where comments live.
      const text = node.getText(file);
      if (JAPANESE.test(text)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push(`${line + 1}: ${text.trim().slice(0, 60)}`);
      }
      return;
    }
    children.forEach(visit);
  };
  visit(file);
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => path.join(dir, f));
}

describe("Japanese literals in UI source", () => {
  it("finds Japanese in strings, templates and JSX text but not in comments", () => {
    const sample = [
      "// 日本語のコメント",
      "/* ブロックコメント */",
      "/** ドキュメント */",
      "const url = 'https://example.jp'; // 行末コメント",
      "export const a = '住所';",
      "export const b = `${url}市役所`;",
      "export function C() {",
      "  return (<p>{/* 説明 */}<span title=\"案内\">ようこそ</span><rp>（</rp></p>);",
      "}",
    ].join("\n");
    const found = japaneseOutsideComments(sample);
    expect(found.map((f) => f.split(":")[0])).toEqual(["5", "6", "8", "8"]);
    expect(found.join("\n")).not.toMatch(/コメント|ドキュメント|説明/);
  });

  it("allows the full-width parentheses of <rp>", () => {
    expect(japaneseOutsideComments("export const R = () => <ruby>x<rp>（</rp><rt>y</rt><rp>）</rp></ruby>;")).toEqual([]);
  });

  it("has none in app/root.tsx, app/routes and app/components", () => {
    const files = [
      path.join(root, "app/root.tsx"),
      ...tsxFiles(path.join(root, "app/routes")),
      ...tsxFiles(path.join(root, "app/components")),
    ];
    expect(files.length).toBeGreaterThan(3);
    const findings = files.flatMap((f) =>
      japaneseOutsideComments(readFileSync(f, "utf8"), f).map((x) => `${path.relative(root, f)}:${x}`),
    );
    expect(findings).toEqual([]);
  });
});
