/**
 * `npm run demo`: migrate the embedded SQLite database, fill it with demo data when empty,
 * and serve the production build (built by predemo: scripts/setup.mjs --build --quiet). Mail
 * stays in the outbox (no SMTP in a demo). Ends with one line: the address and the accounts.
 */
import { getEnvOrExit } from "../app/platform/env.server.ts";
import { spawnSync } from "node:child_process";
import net from "node:net";

process.env.NODE_ENV = "production";
process.env.MAIL_OUTBOX_ONLY ??= "1";
process.env.DEMO_MODE = "1";

getEnvOrExit();
// Prisma's report of what it applied is not the newcomer's to act on: shown only on failure.
const migration = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], { encoding: "utf8", env: process.env });
if (migration.status !== 0) {
  process.stdout.write(migration.stdout ?? "");
  process.stderr.write(migration.stderr ?? "");
  process.exit(1);
}
const { db, connectDb } = await import("../app/platform/db.server.ts");
const { seedDemo } = await import("../prisma/seed.ts");
await connectDb();
const { seeded } = await seedDemo(db);
console.log(seeded ? "demo: demo data added" : "demo: database already has data; left as it is");
await import("../server/index.ts");

// The last line a newcomer reads: where to go and how to log in (README, Demo accounts).
const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../prisma/demo-accounts.ts");
const { PORT, PUBLIC_URL: url } = getEnvOrExit();
// Listening yet? A bare connection, so that no request is logged after the line.
const listening = () =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(PORT, "127.0.0.1", () => resolve(socket.end() !== null));
    socket.on("error", () => resolve(false));
  });
while (!(await listening())) await new Promise((resolve) => setTimeout(resolve, 200));
const accounts = DEMO_ACCOUNTS.map((a) => a.email.replace(/@demo\.annaka\.example$/, "@")).join(" ");
console.log(
  `ポータルを開いています / Portal open: ${url} — デモのアカウント / demo accounts: ${accounts} (@demo.annaka.example, パスワード / password ${DEMO_PASSWORD}; staff@ と admin@ の二要素コード / TOTP: README "Demo accounts")`,
);
