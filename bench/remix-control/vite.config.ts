// The control of `npm run bench:pages`: a bare Remix app of the portal's versions and flags.
// BENCH_CONTROL_BUILD names the folder the benchmark builds it into (a scratch folder).
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { remixFuture } from "../../vite.config.ts";

export default defineConfig({
  build: { target: "es2022" },
  plugins: [
    remix({
      buildDirectory: process.env.BENCH_CONTROL_BUILD ?? "build",
      future: remixFuture,
    }),
  ],
});
