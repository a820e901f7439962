/**
 * The portal's HTTP server: Express in front of Remix (security headers, CSRF check,
 * request ids, logs), the scheduler, and in development Vite with hot reload.
 *   tsx server/index.ts            production build in ./build
 *   tsx server/index.ts --dev      Vite development server
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getEnvOrExit } from "../app/platform/env.server.ts";

const env = getEnvOrExit();

const dev = process.argv.includes("--dev");
const { connectDb, db } = await import("../app/platform/db.server.ts");
const { log } = await import("../app/platform/logger.server.ts");
const { createApp } = await import("./app.ts");
const { startScheduler } = await import("../app/platform/jobs/scheduler.server.ts");
await connectDb();

/** What the server takes from the app's entry.server.tsx besides rendering (the domains' jobs need Vite's glob). */
type AppEntry = { registerDefaultJobs: () => void };

let app;
let entry: AppEntry;
if (dev) {
  const vite = await import("vite").then((m) => m.createServer({ server: { middlewareMode: true } }));
  app = createApp({ env, vite });
  entry = (await vite.ssrLoadModule("/app/entry.server.tsx")) as unknown as AppEntry;
} else {
  const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
  app = createApp({ env, build });
  entry = build.entry.module as AppEntry;
}

entry.registerDefaultJobs();
const stopScheduler = env.SCHEDULER === "on" ? startScheduler() : () => {};

const server = app.listen(env.PORT, () => {
  log("info", "server.started", { port: env.PORT, publicUrl: env.PUBLIC_URL, database: env.database.provider, mode: dev ? "development" : "production" });
});

function shutdown(signal: string) {
  log("info", "server.stopping", { signal });
  stopScheduler();
  server.close(() => {
    void db.$disconnect().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
