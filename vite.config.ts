// Remix's configuration lives here: its Vite plugin replaced remix.config.js.
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/** Remix's future flags, shared with the bare Remix app of `npm run bench:pages` (bench/remix-control). */
export const remixFuture = {
  v3_fetcherPersist: true,
  v3_relativeSplatPath: true,
  v3_throwAbortReason: true,
  v3_singleFetch: true,
  v3_lazyRouteDiscovery: true,
  v3_routeConfig: true,
} as const;

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  server: { port: 3000 },
  build: { target: "es2022" },
  ssr: { external: ["better-sqlite3", "@node-rs/argon2", "pg"] },
  plugins: [
    remix({ future: remixFuture }),
  ],
});
