import { z } from "zod";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "./database-url.ts";

const flag = z
  .enum(["", "0", "1", "true", "false", "yes", "no", "on", "off"], {
    error: "must be one of 0, 1, true, false, yes, no, on, off",
  })
  .default("")
  .transform((v) => v === "1" || v === "true" || v === "yes" || v === "on");

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
    UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
    TRUST_PROXY: flag,
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"], { error: "must be debug, info, warn, error or silent" }).default("info"),
    SCHEDULER: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
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
  })
  .transform((env) => ({
    ...env,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    database: parseDatabaseUrl(env.DATABASE_URL),
  }));

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
