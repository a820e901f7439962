import { z } from "zod";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "./database-url.ts";

const flag = z
  .enum(["", "0", "1", "true", "false", "yes", "no", "on", "off"], {
    error: "must be one of 0, 1, true, false, yes, no, on, off",
  })
  .default("")
  .transform((v) => v === "1" || v === "true" || v === "yes" || v === "on");

const milliseconds = z
  .string()
  .regex(/^\d+$/, { error: "must be a whole number of milliseconds (0 = no limit)" })
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine(
        (v) => {
          try {
            parseDatabaseUrl(v);
            return true;
          } catch {
            return false;
          }
        },
        { error: "must be file:PATH or postgresql://USER@HOST:PORT/DB" },
      ),
    PORT: z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535).default(3000),
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://portal.example.jp" })
      .refine((v) => !v.includes("?") && !v.includes("#"), { error: "must not have a query or fragment" })
      .optional(),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: "must be smtp://user:pass@host:port or smtps://…" })
      .optional(),
    MAIL_FROM: z.string().min(3).optional(),
    MAIL_OUTBOX_ONLY: flag,
    MAIL_RETENTION_DAYS: z.coerce.number({ error: "must be a number of days" }).int().min(1, { error: "must be at least 1" }).default(30),
    /** Days after a consultation's period ends that commenters' names, addresses and emails are kept. */
    CONSULTATION_PERSONAL_DATA_DAYS: z.coerce.number({ error: "must be a number of days" }).int().min(1, { error: "must be at least 1" }).default(365),
    UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
    UPLOAD_STORE: z.enum(["local", "s3"], { error: "must be local or s3" }).default("local"),
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://s3.example.jp" }).optional(),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "must be a bucket name (3–63 lower-case letters, digits, dots and hyphens)" })
      .optional(),
    S3_REGION: z.string().regex(/^[a-z0-9-]+$/, { error: "must be a region name such as ap-northeast-1" }).optional(),
    S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9._/-]*$/, { error: "must be letters, digits, '.', '_', '-' and '/'" })
      .default(""),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    TRUST_PROXY: flag,
    /** HMAC key of the portal_device cookie (and any later signed value); without it one is made and kept in AppSecret. */
    APP_SECRET: z.string().min(32, { error: "must be at least 32 characters (e.g. `openssl rand -base64 48`)" }).optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"], { error: "must be debug, info, warn, error or silent" }).default("info"),
    SCHEDULER: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
    /** `npm start` applies pending migrations first unless this is off (several servers: decision record 0024). */
    MIGRATE_ON_START: z.enum(["0", "1", "true", "false", "yes", "no", "on", "off"], { error: "must be one of 0, 1, true, false, yes, no, on, off" })
      .default("1")
      .transform((v) => v === "1" || v === "true" || v === "yes" || v === "on"),
    /** Read by db.server.ts (postgresTimeouts in database-url.ts); checked here so a bad value stops the server. */
    PG_LOCK_TIMEOUT_MS: milliseconds,
    PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds,
    /** Read by db.server.ts (sqliteBusyTimeoutMs in database-url.ts); checked here too. */
    SQLITE_BUSY_TIMEOUT_MS: milliseconds,
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when SMTP_URL is set" });
    }
    if (env.NODE_ENV === "production" && !env.SMTP_URL && !env.MAIL_OUTBOX_ONLY) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "is required in production (set MAIL_OUTBOX_ONLY=1 to keep mail in the outbox on purpose)",
      });
    }
    if (env.UPLOAD_STORE === "s3") {
      if (!env.S3_BUCKET) ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when UPLOAD_STORE=s3" });
      if (!env.S3_REGION) ctx.addIssue({ code: "custom", path: ["S3_REGION"], message: "is required when UPLOAD_STORE=s3" });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      const missing = env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
      ctx.addIssue({ code: "custom", path: [missing], message: "is required with the other S3 key (or set neither to use the SDK's own credentials)" });
    }
  })
  .transform((env) => ({
    ...env,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    database: parseDatabaseUrl(env.DATABASE_URL),
    uploads: uploadStoreConfig(env),
  }));

/** Where uploads are kept: a folder, or a bucket (credentials from the S3_ keys, else the SDK's own chain). */
export type UploadStoreConfig =
  | { store: "local"; dir: string }
  | {
      store: "s3";
      bucket: string;
      region: string;
      endpoint?: string;
      prefix: string;
      credentials?: { accessKeyId: string; secretAccessKey: string };
    };

function uploadStoreConfig(env: {
  UPLOAD_DIR: string;
  UPLOAD_STORE: "local" | "s3";
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION?: string;
  S3_PREFIX: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
}): UploadStoreConfig {
  if (env.UPLOAD_STORE === "local") return { store: "local", dir: env.UPLOAD_DIR };
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
  return {
    store: "s3",
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION!,
    endpoint: env.S3_ENDPOINT,
    prefix: env.S3_PREFIX,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

export type Env = z.output<typeof schema>;

export class EnvError extends Error {}

/** Parses the environment; the message is one line naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const parts = result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
    throw new EnvError(`Configuration error: ${parts.join("; ")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}

/** For entry points: a bad configuration stops the process with one clear line. */
export function getEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
