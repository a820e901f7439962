import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../app/platform/env.server.ts";

/** Runs parseEnv expecting failure and returns the EnvError. */
function envError(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

function expectOneLineNaming(error: EnvError, variable: string) {
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message).toMatch(new RegExp(`\\b${variable}\\b`));
}

describe("parseEnv defaults", () => {
  const env = parseEnv({});

  it("uses the SQLite file under ./data, made absolute", () => {
    expect(env.DATABASE_URL).toBe("file:./data/portal.db");
    expect(env.database.provider).toBe("sqlite");
    if (env.database.provider !== "sqlite") throw new Error("unreachable");
    expect(path.isAbsolute(env.database.file)).toBe(true);
    expect(env.database.file).toBe(path.resolve(process.cwd(), "data/portal.db"));
    expect(env.database.url).toBe(`file:${env.database.file}`);
  });

  it("listens on port 3000 and is reached at http://localhost:3000", () => {
    expect(env.PORT).toBe(3000);
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
  });

  it("has the other defaults", () => {
    expect(env.NODE_ENV).toBe("development");
    expect(env.UPLOAD_DIR).toBe("./data/uploads");
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.MAIL_OUTBOX_ONLY).toBe(false);
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.SCHEDULER).toBe("on");
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBeUndefined();
  });

  it("derives PUBLIC_URL from PORT when PORT is set", () => {
    const e = parseEnv({ PORT: "8080" });
    expect(e.PORT).toBe(8080);
    expect(e.PUBLIC_URL).toBe("http://localhost:8080");
  });

  it("treats empty strings and undefined as unset", () => {
    const e = parseEnv({ PORT: "", DATABASE_URL: "", LOG_LEVEL: undefined, TRUST_PROXY: "" });
    expect(e.PORT).toBe(3000);
    expect(e.database.provider).toBe("sqlite");
    expect(e.LOG_LEVEL).toBe("info");
    expect(e.TRUST_PROXY).toBe(false);
  });

  it("does not read process.env when given a source", () => {
    const before = process.env.PORT;
    process.env.PORT = "4321";
    try {
      expect(parseEnv({}).PORT).toBe(3000);
    } finally {
      if (before === undefined) delete process.env.PORT;
      else process.env.PORT = before;
    }
  });
});

describe("parseEnv values", () => {
  it("resolves a relative SQLite path against the working directory", () => {
    const e = parseEnv({ DATABASE_URL: "file:./tmp/other.db?connection_limit=1" });
    if (e.database.provider !== "sqlite") throw new Error("expected sqlite");
    expect(e.database.file).toBe(path.resolve(process.cwd(), "tmp/other.db"));
  });

  it("selects PostgreSQL for postgresql:// and postgres:// URLs", () => {
    const url = "postgresql://portal:secret@db.example:5432/portal";
    const e = parseEnv({ DATABASE_URL: url });
    expect(e.database).toEqual({ provider: "postgresql", url });
    expect(parseEnv({ DATABASE_URL: "postgres://db/portal" }).database.provider).toBe("postgresql");
  });

  it("removes the trailing slash of PUBLIC_URL", () => {
    expect(parseEnv({ PUBLIC_URL: "https://portal.example.jp/" }).PUBLIC_URL).toBe("https://portal.example.jp");
    expect(parseEnv({ PUBLIC_URL: "https://portal.example.jp//" }).PUBLIC_URL).toBe("https://portal.example.jp");
    expect(parseEnv({ PUBLIC_URL: "https://example.jp/portal/" }).PUBLIC_URL).toBe("https://example.jp/portal");
    expect(parseEnv({ PUBLIC_URL: "https://portal.example.jp" }).PUBLIC_URL).toBe("https://portal.example.jp");
  });

  it("keeps an explicit PUBLIC_URL rather than deriving it from PORT", () => {
    expect(parseEnv({ PORT: "8080", PUBLIC_URL: "https://portal.example.jp" }).PUBLIC_URL).toBe("https://portal.example.jp");
  });

  it.each([
    ["1", true],
    ["true", true],
    ["yes", true],
    ["on", true],
    ["0", false],
    ["false", false],
    ["no", false],
    ["off", false],
  ])("reads TRUST_PROXY=%s as %s", (value, expected) => {
    expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY).toBe(expected);
  });

  it("accepts every log level", () => {
    for (const level of ["debug", "info", "warn", "error", "silent"] as const) {
      expect(parseEnv({ LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
    }
  });

  it("accepts SMTP with a sender", () => {
    const e = parseEnv({ SMTP_URL: "smtp://user:pass@mail.example:587", MAIL_FROM: "portal@example.jp" });
    expect(e.SMTP_URL).toBe("smtp://user:pass@mail.example:587");
    expect(e.MAIL_FROM).toBe("portal@example.jp");
  });
});

describe("parseEnv errors", () => {
  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "-1"],
    ["PORT", "80.5"],
    ["DATABASE_URL", "mysql://x"],
    ["DATABASE_URL", "file:"],
    ["PUBLIC_URL", "ftp://x"],
    ["PUBLIC_URL", "not a url"],
    ["LOG_LEVEL", "loud"],
    ["TRUST_PROXY", "maybe"],
    ["MAIL_OUTBOX_ONLY", "sure"],
    ["SCHEDULER", "sometimes"],
    ["NODE_ENV", "staging"],
    ["SMTP_URL", "http://mail.example"],
  ])("rejects %s=%s with one line naming the variable", (name, value) => {
    const error = envError({ [name]: value, MAIL_FROM: "portal@example.jp" });
    expectOneLineNaming(error, name);
  });

  it("requires MAIL_FROM when SMTP_URL is set", () => {
    const error = envError({ SMTP_URL: "smtp://mail.example:25" });
    expectOneLineNaming(error, "MAIL_FROM");
  });

  it("names every bad variable on the same single line", () => {
    const error = envError({ PORT: "abc", LOG_LEVEL: "loud", TRUST_PROXY: "maybe" });
    expectOneLineNaming(error, "PORT");
    expectOneLineNaming(error, "LOG_LEVEL");
    expectOneLineNaming(error, "TRUST_PROXY");
  });

  it("does not echo a secret from a bad value", () => {
    const error = envError({ DATABASE_URL: "mysql://portal:hunter2@db/portal" });
    expect(error.message).not.toContain("hunter2");
  });

  it("requires SMTP_URL in production", () => {
    const error = envError({ NODE_ENV: "production" });
    expectOneLineNaming(error, "SMTP_URL");
    expect(error.message).toContain("MAIL_OUTBOX_ONLY");
  });

  it("allows production without SMTP when MAIL_OUTBOX_ONLY=1", () => {
    const e = parseEnv({ NODE_ENV: "production", MAIL_OUTBOX_ONLY: "1" });
    expect(e.NODE_ENV).toBe("production");
    expect(e.MAIL_OUTBOX_ONLY).toBe(true);
  });

  it("still refuses production without SMTP when MAIL_OUTBOX_ONLY is off", () => {
    expectOneLineNaming(envError({ NODE_ENV: "production", MAIL_OUTBOX_ONLY: "0" }), "SMTP_URL");
  });

  it("allows production with SMTP configured", () => {
    const e = parseEnv({ NODE_ENV: "production", SMTP_URL: "smtps://mail.example:465", MAIL_FROM: "portal@example.jp" });
    expect(e.SMTP_URL).toBe("smtps://mail.example:465");
  });

  it("does not require SMTP outside production", () => {
    expect(() => parseEnv({ NODE_ENV: "development" })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "test" })).not.toThrow();
  });
});

describe("parseEnv upload store", () => {
  it("keeps uploads in UPLOAD_DIR unless told otherwise", () => {
    expect(parseEnv({}).uploads).toEqual({ store: "local", dir: "./data/uploads" });
    expect(parseEnv({ UPLOAD_DIR: "/srv/uploads", S3_BUCKET: "ignored" }).uploads).toEqual({ store: "local", dir: "/srv/uploads" });
  });

  it("uses a bucket with UPLOAD_STORE=s3, with the keys given or the SDK's own credentials", () => {
    const base = { UPLOAD_STORE: "s3", S3_BUCKET: "annaka-portal", S3_REGION: "ap-northeast-1" };
    expect(parseEnv(base).uploads).toEqual({ store: "s3", bucket: "annaka-portal", region: "ap-northeast-1", endpoint: undefined, prefix: "", credentials: undefined });
    const compatible = parseEnv({ ...base, S3_ENDPOINT: "https://s3.example.jp", S3_PREFIX: "portal/", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" });
    expect(compatible.uploads).toMatchObject({ endpoint: "https://s3.example.jp", prefix: "portal/", credentials: { accessKeyId: "id", secretAccessKey: "secret" } });
  });

  it("names what an S3 configuration lacks or gets wrong, on one line", () => {
    const missing = envError({ UPLOAD_STORE: "s3" });
    expectOneLineNaming(missing, "S3_BUCKET");
    expectOneLineNaming(missing, "S3_REGION");
    expectOneLineNaming(envError({ UPLOAD_STORE: "disk" }), "UPLOAD_STORE");
    const base = { UPLOAD_STORE: "s3", S3_BUCKET: "annaka-portal", S3_REGION: "ap-northeast-1" };
    expectOneLineNaming(envError({ ...base, S3_ENDPOINT: "ftp://s3.example.jp" }), "S3_ENDPOINT");
    expectOneLineNaming(envError({ ...base, S3_BUCKET: "Bad_Bucket" }), "S3_BUCKET");
    expectOneLineNaming(envError({ ...base, S3_ACCESS_KEY_ID: "id" }), "S3_SECRET_ACCESS_KEY");
    const secret = envError({ ...base, S3_SECRET_ACCESS_KEY: "do-not-print-me" });
    expectOneLineNaming(secret, "S3_ACCESS_KEY_ID");
    expect(secret.message).not.toContain("do-not-print-me");
  });
});
