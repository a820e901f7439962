import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en.ts";
import { encodeMessage, isMessageKey, translateMessage, translator, type MessageKey } from "../../app/i18n/index.ts";
import { ja } from "../../app/i18n/ja.ts";
import { getLang, langFromAcceptLanguage, langFromCookie } from "../../app/i18n/lang.server.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const jaKeys = Object.keys(ja).sort();
const enKeys = Object.keys(en).sort();

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe("catalogues", () => {
  it("has some messages", () => {
    expect(jaKeys.length).toBeGreaterThan(10);
  });

  it("has every Japanese key in English", () => {
    expect(jaKeys.filter((k) => !(k in en))).toEqual([]);
  });

  it("has no English key that Japanese lacks", () => {
    expect(enKeys.filter((k) => !(k in ja))).toEqual([]);
  });

  it("has no empty or blank strings", () => {
    const blank = [
      ...Object.entries(ja).filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => `ja:${k}`),
      ...Object.entries(en).filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => `en:${k}`),
    ];
    expect(blank).toEqual([]);
  });

  it("uses the same placeholders in both languages for every key", () => {
    const mismatched = jaKeys
      .filter((k) => JSON.stringify(placeholders(ja[k as MessageKey])) !== JSON.stringify(placeholders(en[k as MessageKey] ?? "")))
      .map((k) => `${k}: ja ${placeholders(ja[k as MessageKey]).join(",")} / en ${placeholders(en[k as MessageKey] ?? "").join(",")}`);
    expect(mismatched).toEqual([]);
  });

  it("has no Japanese text left untranslated in English (apart from language names)", () => {
    const allowed = new Set(["lang.ja", "lang.switch", "lang.switchHint"]);
    const jp = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const leftovers = enKeys.filter((k) => !allowed.has(k) && jp.test(en[k as MessageKey]));
    expect(leftovers).toEqual([]);
  });

  it("pairs every Japanese area module with an English one", () => {
    const files = readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" });
    const jaAreas = files.filter((f) => f.endsWith(".ja.ts")).map((f) => f.slice(0, -".ja.ts".length)).sort();
    const enAreas = files.filter((f) => f.endsWith(".en.ts")).map((f) => f.slice(0, -".en.ts".length)).sort();
    expect(jaAreas.length).toBeGreaterThan(0);
    expect(enAreas).toEqual(jaAreas);
  });
});

describe("translator", () => {
  it("looks keys up in the chosen language", () => {
    expect(translator("ja")("nav.home")).toBe(ja["nav.home"]);
    expect(translator("en")("nav.home")).toBe(en["nav.home"]);
    expect(translator("en")("nav.home")).not.toBe(translator("ja")("nav.home"));
  });

  it("substitutes parameters", () => {
    expect(translator("ja")("errors.tooLong", { max: 10 })).toBe("10文字以内で入力してください");
    expect(translator("en")("footer.operator", { section: "Planning Division" })).toBe("Run by Planning Division");
    expect(translator("ja")("footer.operator", { section: "企画課" })).toBe("運営：企画課");
  });

  it("substitutes every occurrence and several parameters", () => {
    const t = translator("ja");
    const out = t("a11y.contact.body", { section: "企画課", phone: "027-382-1111" });
    expect(out).toContain("企画課");
    expect(out).toContain("027-382-1111");
    expect(out).not.toMatch(/\{\w+\}/);
  });

  it("leaves placeholders it has no value for", () => {
    expect(translator("ja")("a11y.contact.body", { section: "企画課" })).toContain("{phone}");
    expect(translator("en")("errors.tooLong", { min: 3 })).toContain("{max}");
  });

  it("returns the raw text when no parameters are given", () => {
    expect(translator("ja")("errors.tooLong")).toBe(ja["errors.tooLong"]);
  });

  it("does not treat parameter values as patterns", () => {
    expect(translator("en")("footer.operator", { section: "$& {max} $1" })).toBe("Run by $& {max} $1");
  });
});

describe("encoded validation messages", () => {
  it("encodes a key alone or with JSON parameters", () => {
    expect(encodeMessage("errors.required")).toBe("errors.required");
    expect(encodeMessage("errors.tooLong", { max: 10 })).toBe('errors.tooLong|{"max":10}');
  });

  it("round-trips with parameters in both languages", () => {
    const encoded = encodeMessage("errors.tooLong", { max: 10 });
    expect(translateMessage(translator("ja"), encoded)).toBe("10文字以内で入力してください");
    expect(translateMessage(translator("en"), encoded)).toBe(translator("en")("errors.tooLong", { max: 10 }));
    expect(translateMessage(translator("en"), encoded)).toContain("10");
    expect(translateMessage(translator("en"), encoded)).not.toContain("{max}");
  });

  it("round-trips without parameters", () => {
    expect(translateMessage(translator("en"), encodeMessage("errors.required"))).toBe(en["errors.required"]);
  });

  it("passes through messages that are not catalogue keys", () => {
    const t = translator("ja");
    expect(translateMessage(t, "Something went wrong")).toBe("Something went wrong");
    expect(translateMessage(t, "not.a.key|{\"x\":1}")).toBe("not.a.key|{\"x\":1}");
    expect(translateMessage(t, "a | b")).toBe("a | b");
  });

  it("returns undefined for no message", () => {
    expect(translateMessage(translator("ja"), undefined)).toBeUndefined();
    expect(translateMessage(translator("ja"), "")).toBeUndefined();
  });

  it("knows its keys", () => {
    expect(isMessageKey("errors.required")).toBe(true);
    expect(isMessageKey("errors.nope")).toBe(false);
    expect(isMessageKey("toString")).toBe(false);
    expect(isMessageKey("__proto__")).toBe(false);
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
