/**
 * Helpers for the account tests: a visitor with a cookie jar speaking to a real server
 * process, an in-process SMTP server that keeps what it receives (decoded), accounts made
 * directly in the database, and small readers for the HTML the server sends.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { hashPassword } from "../../app/auth/password.server.ts";
import type { Db } from "../../app/platform/db.server.ts";
import { request, type HttpResponse, type ServerProcess } from "./helpers/server-process.ts";

// ---------------------------------------------------------------------------------------
// A visitor: one browser's cookies (the session, and the device cookie that /login sets).

export class Visitor {
  cookie: string | null = null;
  /** portal_device, sent back (it is scoped to /login) to /login and /login/two-factor. */
  device: string | null = null;
  constructor(
    readonly server: ServerProcess,
    readonly extraCookie = "",
    readonly userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
  ) {}

  private headers(path: string, extra: Record<string, string> = {}) {
    const cookies = [this.cookie ? `portal_session=${this.cookie}` : "", this.device && /^\/login(\/|\?|$)/.test(path) ? `portal_device=${this.device}` : "", this.extraCookie]
      .filter(Boolean)
      .join("; ");
    return { "User-Agent": this.userAgent, ...(cookies ? { Cookie: cookies } : {}), ...extra };
  }

  /** A NUL in a page not echoing one is React 18's stream padding leaking (see entry.server.tsx). */
  private remember(res: HttpResponse, echoesNul = false) {
    if (!echoesNul && res.raw.includes(0)) throw new Error(`a NUL byte in the response, at ${res.raw.indexOf(0)}`);
    for (const line of res.headers["set-cookie"] ?? []) {
      const device = /^portal_device=([^;]*);/.exec(line);
      if (device) this.device = device[1] === "" || /Max-Age=0(;|$)/.test(line) ? null : device[1];
      const match = /^portal_session=([^;]*);/.exec(line);
      if (!match) continue;
      this.cookie = match[1] === "" || /Max-Age=0(;|$)/.test(line) ? null : match[1];
    }
    return res;
  }

  async get(path: string) {
    return this.remember(await request(this.server, path, { headers: this.headers(path) }));
  }

  /** A form post from the portal's own pages (Origin = PUBLIC_URL). */
  async post(path: string, form: Record<string, string> | [string, string][] = {}) {
    const echoesNul = Object.values(Array.isArray(form) ? Object.fromEntries(form) : form).some((v) => v.includes("\u0000"));
    return this.remember(await request(this.server, path, { method: "POST", form, headers: this.headers(path, { Origin: this.server.url }) }), echoesNul);
  }
}

// ---------------------------------------------------------------------------------------
// Mail over SMTP.

export type ReceivedMail = { to: string[]; subject: string; text: string; contentType: string; raw: string };

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(header: string): string {
  return header.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

/** Reads a single-part text mail as nodemailer writes it. */
export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1].trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : body;
  return { to, subject: decodeWords(header("Subject")), text: text.replace(/\r\n/g, "\n"), contentType: header("Content-Type"), raw };
}

export async function startSmtp() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(parseMail(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link to `path` in a mail's text. */
export function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[/]/g, "\\/")}[^\\s]*`).exec(mail.text);
  if (!match) throw new Error(`no link to ${path} in:\n${mail.text}`);
  return match[0];
}

// ---------------------------------------------------------------------------------------
// Accounts made directly.

export const PASSWORD = "安中の春は梅の花から";

export async function createAccount(
  client: Db,
  input: {
    email: string;
    displayName?: string;
    password?: string;
    role?: "resident" | "staff" | "admin";
    verified?: boolean;
    active?: boolean;
    totpSecret?: string;
    at: Date;
  },
) {
  return client.user.create({
    data: {
      id: randomUUID(),
      email: input.email,
      displayName: input.displayName ?? "安中 一郎",
      passwordHash: await hashPassword(input.password ?? PASSWORD),
      role: input.role ?? "resident",
      emailVerifiedAt: input.verified === false ? null : input.at,
      active: input.active ?? true,
      totpSecret: input.totpSecret ?? null,
      totpEnabledAt: input.totpSecret ? input.at : null,
      passwordChangedAt: input.at,
      createdAt: input.at,
    },
  });
}

// ---------------------------------------------------------------------------------------
// Reading HTML.

/** The text of the error shown next to the control with this id, or null. */
export function fieldError(html: string, id: string): string | null {
  const match = new RegExp(`<p class="error" id="${id}-error">([^<]*)</p>`).exec(html);
  return match ? decodeEntities(match[1]) : null;
}

/** The opening tag of the element with this id. */
export function tagWithId(html: string, id: string): string {
  const match = new RegExp(`<(input|textarea|select)\\b[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no control #${id}`);
  return match[0];
}

export function attribute(tag: string, name: string): string | null {
  // React writes some names as in JSX (autoComplete, inputMode); HTML does not mind case.
  const match = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  return match ? decodeEntities(match[1]) : null;
}

/** The value of the (hidden) input with this name. */
export function inputValue(html: string, name: string): string | null {
  const tag = new RegExp(`<input\\b[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  return tag ? attribute(tag, "value") : null;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The page's <main>, with what differs per response (nonces, request ids) removed. */
export function mainOf(html: string): string {
  const start = html.indexOf("<main");
  const end = html.indexOf("</main>");
  return html.slice(start, end).replace(/nonce="[^"]*"/g, "");
}
