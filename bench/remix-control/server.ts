/**
 * The control's server: Express with Remix's request handler and nothing else (no headers,
 * logs or sessions), as the Remix templates start it. BENCH_CONTROL_BUILD is the built app.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

const buildDir = path.resolve(process.env.BENCH_CONTROL_BUILD ?? "build");
const build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
