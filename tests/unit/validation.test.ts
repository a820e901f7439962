import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTACT_TOPICS, contactSchema } from "../../app/contact/forms.ts";
import { catalogueErrorMap, email, HTML5_EMAIL, parseForm, text } from "../../app/platform/forms/validation.ts";

function form(entries: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const v of Array.isArray(value) ? value : [value]) fd.append(name, v);
  }
  return fd;
}

/** The first message of a failed parse with the catalogue error map, or "ok". */
function messageOf(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value, { error: catalogueErrorMap });
  return result.success ? "ok" : result.error.issues[0].message;
}

function valueOf<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { error: catalogueErrorMap });
  if (!result.success) throw new Error(`rejected: ${result.error.issues[0].message}`);
  return result.data;
}

describe("HTML5_EMAIL", () => {
  it.each(["a..b@docomo.ne.jp", "a.@ezweb.ne.jp", "taro@example.jp", "taro.yamada+portal@city.annaka.lg.jp", "x@localhost"])(
    "accepts %s",
    (v) => {
      expect(HTML5_EMAIL.test(v)).toBe(true);
    },
  );

  it.each(["no-at", "a@", "@b.jp", "a b@c.jp", "a@b@c.jp", "a@-b.jp", "a@b-.jp", "a@b..jp", "a@.b.jp", "太郎@example.jp", "a@例え.jp", "a@b.jp\n"])(
    "rejects %j",
    (v) => {
      expect(HTML5_EMAIL.test(v)).toBe(false);
    },
  );
});

describe("email()", () => {
  it("trims before checking", () => {
    expect(valueOf(email(), "  taro@example.jp \n")).toBe("taro@example.jp");
  });

  it("accepts carrier addresses that strict checks refuse", () => {
    expect(valueOf(email(), "a..b@docomo.ne.jp")).toBe("a..b@docomo.ne.jp");
  });

  it("rejects malformed addresses with the email message", () => {
    expect(messageOf(email(), "no-at")).toBe("errors.email");
    expect(messageOf(email(), "a b@c.jp")).toBe("errors.email");
  });

  it("allows 254 characters and no more", () => {
    const domain = "@example.jp";
    const at254 = "a".repeat(254 - domain.length) + domain;
    expect(at254).toHaveLength(254);
    expect(messageOf(email(), at254)).toBe("ok");
    const at255 = "a" + at254;
    expect(messageOf(email(), at255)).toBe('errors.tooLong|{"max":254}');
  });

  it("counts the length after trimming", () => {
    const domain = "@example.jp";
    const at254 = "a".repeat(254 - domain.length) + domain;
    expect(messageOf(email(), `  ${at254}  `)).toBe("ok");
  });

  it("is required unless told otherwise", () => {
    expect(messageOf(email(), "")).toBe("errors.required");
    expect(messageOf(email(), "   ")).toBe("errors.required");
    expect(valueOf(email({ required: false }), "")).toBe("");
    expect(valueOf(email({ required: false }), "  ")).toBe("");
    expect(messageOf(email({ required: false }), "nope")).toBe("errors.email");
  });
});

describe("text()", () => {
  it("trims", () => {
    expect(valueOf(text(10), "  安中市  ")).toBe("安中市");
  });

  it("normalises to NFC before counting", () => {
    const decomposed = "か\u3099".repeat(10); // が as か + combining dakuten: 20 code units
    expect(decomposed).toHaveLength(20);
    const out = valueOf(text(10), decomposed);
    expect(out).toBe("が".repeat(10));
    expect(out).toHaveLength(10);
    expect(valueOf(text(10), "Cafe\u0301")).toBe("Café");
  });

  it("rejects more than max characters", () => {
    expect(messageOf(text(10), "1234567890")).toBe("ok");
    expect(messageOf(text(10), "12345678901")).toBe('errors.tooLong|{"max":10}');
  });

  it("rejects control characters", () => {
    expect(messageOf(text(10), "a\u0007b")).toBe("errors.controlChars");
    expect(messageOf(text(10), "a\u0000b")).toBe("errors.controlChars");
    expect(messageOf(text(10), "a\u001Bb")).toBe("errors.controlChars");
    expect(messageOf(text(10), "a\u007Fb")).toBe("errors.controlChars");
  });

  it("allows newlines and tabs, folding CRLF and CR to LF", () => {
    expect(valueOf(text(20), "一行目\n二行目")).toBe("一行目\n二行目");
    expect(valueOf(text(20), "a\r\nb\rc")).toBe("a\nb\nc");
    expect(valueOf(text(20), "a\tb")).toBe("a\tb");
  });

  it("is required by default and optional on request", () => {
    expect(messageOf(text(10), "")).toBe("errors.required");
    expect(messageOf(text(10), " \n\t ")).toBe("errors.required");
    expect(valueOf(text(10, { required: false }), "")).toBe("");
    expect(valueOf(text(10, { required: false }), "   ")).toBe("");
    expect(messageOf(text(3, { required: false }), "abcd")).toBe('errors.tooLong|{"max":3}');
  });

  it("treats a missing value as required", () => {
    expect(messageOf(text(10), undefined)).toBe("errors.required");
  });
});

describe("parseForm", () => {
  const schema = z.object({
    name: text(10),
    email: email(),
    password: z.string().min(8),
    newPassword: z.string().min(8),
    age: z.coerce.number().int().min(18),
  });

  it("returns data when valid", () => {
    const result = parseForm(
      schema,
      form({ name: " 太郎 ", email: "taro@example.jp", password: "longenough", newPassword: "longenough", age: "20" }),
    );
    expect(result).toEqual({
      ok: true,
      data: { name: "太郎", email: "taro@example.jp", password: "longenough", newPassword: "longenough", age: 20 },
    });
  });

  it("returns field errors as catalogue keys", () => {
    const result = parseForm(schema, form({ name: "", email: "bad", password: "short", newPassword: "x", age: "12" }));
    if (result.ok) throw new Error("expected failure");
    expect(result.errors).toEqual({
      name: "errors.required",
      email: "errors.email",
      password: 'errors.tooShort|{"min":8}',
      newPassword: 'errors.tooShort|{"min":8}',
      age: 'errors.tooSmall|{"min":18}',
    });
  });

  it("encodes the maximum in a too-long error", () => {
    const result = parseForm(schema, form({ name: "12345678901", email: "taro@example.jp", password: "longenough", newPassword: "longenough", age: "20" }));
    if (result.ok) throw new Error("expected failure");
    expect(result.errors).toEqual({ name: 'errors.tooLong|{"max":10}' });
  });

  it("reports missing fields as required", () => {
    const result = parseForm(schema, form({}));
    if (result.ok) throw new Error("expected failure");
    expect(result.errors.name).toBe("errors.required");
    expect(result.errors.email).toBe("errors.required");
    expect(result.errors.password).toBe("errors.required");
  });

  it("gives the values back as submitted, except password fields", () => {
    const result = parseForm(
      schema,
      form({ name: " 太郎 ", email: "bad", password: "hunter2", newPassword: "hunter3", PasswordConfirm: "hunter4", age: "12" }),
    );
    if (result.ok) throw new Error("expected failure");
    expect(result.values).toEqual({ name: " 太郎 ", email: "bad", age: "12" });
    expect(JSON.stringify(result)).not.toMatch(/hunter/);
  });

  it("lets the caller drop more fields with keep", () => {
    const result = parseForm(schema, form({ name: "", email: "taro@example.jp", age: "x" }), { keep: (n) => n !== "email" });
    if (result.ok) throw new Error("expected failure");
    expect(result.values).toEqual({ name: "", age: "x" });
    expect(result.errors.age).toBe("errors.number");
  });

  it("keeps the first error per field, a list item's at its list, and repeated fields as a list", () => {
    const multi = z.object({ tags: z.array(z.enum(["a", "b"])), one: text(5) });
    const result = parseForm(multi, form({ tags: ["a", "zzz"], one: "abcdefgh" }));
    if (result.ok) throw new Error("expected failure");
    // The form shows one message per checkbox group: the item's issue belongs to "tags".
    expect(result.errors).toEqual({ tags: "errors.choice", one: 'errors.tooLong|{"max":5}' });
    expect(result.values.tags).toEqual(["a", "zzz"]);
  });

  it("skips files", () => {
    const fd = form({ name: "" });
    fd.append("upload", new Blob(["x"]), "x.txt");
    const result = parseForm(z.object({ name: text(5) }), fd);
    if (result.ok) throw new Error("expected failure");
    expect(result.values).toEqual({ name: "" });
  });
});

describe("contactSchema", () => {
  const valid = { name: "安中 太郎", email: "taro@example.jp", topic: "usage", message: "使い方を教えてください。" };

  it("accepts a valid message", () => {
    expect(parseForm(contactSchema, form(valid))).toEqual({ ok: true, data: valid });
  });

  it("accepts every topic", () => {
    for (const topic of CONTACT_TOPICS) expect(parseForm(contactSchema, form({ ...valid, topic })).ok).toBe(true);
  });

  it("makes name and email optional", () => {
    const result = parseForm(contactSchema, form({ topic: "other", message: "hello" }));
    expect(result).toEqual({ ok: true, data: { name: "", email: "", topic: "other", message: "hello" } });
  });

  it("rejects an unknown topic", () => {
    const result = parseForm(contactSchema, form({ ...valid, topic: "billing" }));
    if (result.ok) throw new Error("expected failure");
    expect(result.errors).toEqual({ topic: "errors.choice" });
  });

  it("rejects a message of 2001 characters and accepts 2000", () => {
    const tooLong = parseForm(contactSchema, form({ ...valid, message: "あ".repeat(2001) }));
    if (tooLong.ok) throw new Error("expected failure");
    expect(tooLong.errors).toEqual({ message: 'errors.tooLong|{"max":2000}' });
    expect(parseForm(contactSchema, form({ ...valid, message: "あ".repeat(2000) })).ok).toBe(true);
  });

  it("requires a message", () => {
    const result = parseForm(contactSchema, form({ ...valid, message: "   " }));
    if (result.ok) throw new Error("expected failure");
    expect(result.errors).toEqual({ message: "errors.required" });
  });

  it("rejects a malformed optional email", () => {
    const result = parseForm(contactSchema, form({ ...valid, email: "taro" }));
    if (result.ok) throw new Error("expected failure");
    expect(result.errors).toEqual({ email: "errors.email" });
  });

  it("keeps hostile text as plain data, unchanged", () => {
    const hostile = `<script>alert(1)</script> "quotes" & 'apos' <img src=x onerror=alert(1)>`;
    const result = parseForm(contactSchema, form({ ...valid, name: "<b>x</b>", message: hostile }));
    expect(result).toEqual({ ok: true, data: { ...valid, name: "<b>x</b>", message: hostile } });
  });
});
