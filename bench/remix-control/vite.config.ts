// The control of `npm run bench:pages`: a bare Remix app of the portal's versions and flags.
// BENCH_CONTROL_BUILD names the folder the benchmark builds it into (a scratch folder).
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

export default defineConfig({
  build: { target: "es2022" },
  plugins: [
    remix({
      buildDirectory: process.env.BENCH_CONTROL_BUILD ?? "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
});
