/**
 * The patches of patches/ (decision 0020), applied by `npm ci`'s postinstall (patch-package):
 * each must be installed on exactly the version it was made for, and must be there. The
 * router's patch changes how routes are matched, so its results are compared with the
 * upstream code itself, recovered by taking the patch back out of a copy of the file. The SQLite
 * adapter's patch (decision 0034) is proved by tests/integration/hot-write-suite.ts.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { AgnosticRouteObject } from "@remix-run/router";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PATCHES = path.join(ROOT, "patches");
const require = createRequire(import.meta.url);

type Patch = { file: string; name: string; version: string; targets: { path: string; added: string[] }[] };

/** `@remix-run+router+1.23.3.patch` → @remix-run/router 1.23.3, with the lines it adds per file. */
function readPatches(): Patch[] {
  return fs
    .readdirSync(PATCHES)
    .filter((f) => f.endsWith(".patch"))
    .map((file) => {
      const [, name, version] = /^(.+)\+(\d+\.\d+\.\d+[^+]*)\.patch$/.exec(file)!;
      const targets: Patch["targets"] = [];
      for (const line of fs.readFileSync(path.join(PATCHES, file), "utf8").split("\n")) {
        if (line.startsWith("+++ b/")) targets.push({ path: line.slice("+++ b/".length), added: [] });
        else if (line.startsWith("+") && !line.startsWith("+++") && line.trim() !== "+") targets.at(-1)!.added.push(line.slice(1));
      }
      return { file, name: name.replace(/\+/g, "/"), version, targets };
    });
}

const patches = readPatches();

describe("patches/", () => {
  it("patches the four packages of decision 0020 and the SQLite adapter of decision 0034", () => {
    expect(patches.map((p) => p.name).sort()).toEqual([
      "@prisma/adapter-better-sqlite3",
      "@remix-run/react",
      "@remix-run/router",
      "@remix-run/server-runtime",
      "react-router-dom",
    ]);
  });

  for (const patch of patches) {
    it(`${patch.file}: installed on the version it was made for`, () => {
      const installed = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", patch.name, "package.json"), "utf8")).version;
      // A new version needs the patch made again (or dropped if upstream has the change).
      expect(installed, `${patch.name} ${installed} is installed; the patch is for ${patch.version}`).toBe(patch.version);
    });

    it(`${patch.file}: applied (npm ci runs patch-package)`, () => {
      for (const target of patch.targets) {
        const source = fs.readFileSync(path.join(ROOT, target.path), "utf8");
        let at = 0;
        for (const line of target.added) {
          const found = source.indexOf(line, at);
          expect(found, `${target.path} lacks the patched line ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
          at = found + line.length;
        }
      }
    });
  }
});

type Router = typeof import("@remix-run/router");

/** The router as published: the installed file with the patch taken out again, in a scratch folder. */
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "router-upstream-"));
function upstreamRouter(): Router {
  const patch = patches.find((p) => p.name === "@remix-run/router")!;
  const [target] = patch.targets;
  fs.mkdirSync(path.dirname(path.join(scratch, target.path)), { recursive: true });
  fs.copyFileSync(path.join(ROOT, target.path), path.join(scratch, target.path));
  execFileSync("git", ["apply", "--reverse", path.join(PATCHES, patch.file)], { cwd: scratch });
  return require(path.join(scratch, target.path)) as Router;
}

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Routes of the shapes the portal and Remix make: layouts, indexes, params, splats, optionals, absolute children. */
function routeTree(): AgnosticRouteObject[] {
  const leaf = (p: string, extra: Partial<AgnosticRouteObject> = {}) => ({ id: `${p}|${JSON.stringify(extra)}`, path: p, ...extra }) as AgnosticRouteObject;
  return [
    {
      id: "root",
      path: "",
      children: [
        {
          id: "layout",
          children: [
            { id: "home", index: true },
            leaf("accessibility"),
            leaf("groups"),
            leaf("groups/new"),
            leaf("groups/:id"),
            leaf("groups/:id/edit"),
            leaf("groups/:id/members/:memberId"),
            leaf("opendata/groups.csv"),
            leaf("Case/Sensitive", { caseSensitive: true }),
            leaf("lang/:lang?/about"),
            leaf("files/*"),
            leaf(":a/:b/:c"),
            {
              id: "admin",
              path: "admin",
              children: [{ id: "admin-index", index: true }, leaf("groups"), leaf(":section"), leaf("/admin/audit/:id"), leaf("*")],
            },
            { id: "my", path: "my", children: [leaf("groups"), { id: "my-layout", children: [leaf("account"), leaf("account/:tab")] }] },
            leaf("*"),
          ],
        },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/accessibility",
  "/accessibility/",
  "/ACCESSIBILITY",
  "/groups",
  "/groups/",
  "/groups/new",
  "/groups/12",
  "/groups/12/edit",
  "/groups/12/edit/more",
  "/groups/12/members/7",
  "/groups/%E4%BA%BA%E6%A8%A9",
  "/groups/a%2Fb",
  "/opendata/groups.csv",
  "/opendata/groupsXcsv",
  "/Case/Sensitive",
  "/case/sensitive",
  "/lang/about",
  "/lang/ja/about",
  "/files",
  "/files/a/b/c.pdf",
  "/x/y/z",
  "/x/y",
  "/admin",
  "/admin/",
  "/admin/groups",
  "/admin/users",
  "/admin/audit/5",
  "/admin/users/5/deep",
  "/my/groups",
  "/my/account",
  "/my/account/sessions",
  "/my/other",
  "//groups",
  "/groups//12",
  "/nowhere/at/all/here",
];

/** What a match says, without the route objects themselves (the two routers have their own copies). */
function summary(matches: ReturnType<Router["matchRoutes"]>) {
  return matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;
}

describe("@remix-run/router patch: matching as upstream, without the work per call", () => {
  const patched = require("@remix-run/router") as Router;
  const upstream = upstreamRouter();

  it("matches every path exactly as the published router does, with the same routes used again", () => {
    const routes = routeTree();
    const reference = routeTree();
    for (let round = 0; round < 2; round++) {
      for (const p of PATHS) {
        expect(summary(patched.matchRoutes(routes, p)), p).toEqual(summary(upstream.matchRoutes(reference, p)));
        expect(summary(patched.matchRoutes(routes, p, "/groups")), `${p} under /groups`).toEqual(summary(upstream.matchRoutes(reference, p, "/groups")));
      }
    }
  });

  it("matchPath answers as upstream for patterns given by hand", () => {
    const patterns = [
      { path: "/groups/:id", caseSensitive: false, end: true },
      { path: "/groups/:id", caseSensitive: false, end: false },
      { path: "/Groups/:id", caseSensitive: true, end: true },
      { path: "/files/*", caseSensitive: false, end: true },
      { path: "/:lang?/about", caseSensitive: false, end: true },
    ];
    for (const pattern of patterns) {
      for (const p of PATHS) expect(patched.matchPath(pattern, p), `${pattern.path} ${p}`).toEqual(upstream.matchPath(pattern, p));
    }
    for (const p of PATHS) expect(patched.matchPath("/groups/:id", p), p).toEqual(upstream.matchPath("/groups/:id", p));
  });

  it("flattens and ranks a routes array once, not on every call", () => {
    let reads = 0;
    const routes = routeTree();
    const counted = routes[0].children![0].children!.map((route) => {
      const { path: routePath, ...rest } = route as { path?: string };
      return Object.defineProperty({ ...rest }, "path", { enumerable: true, get: () => (reads++, routePath) }) as AgnosticRouteObject;
    });
    routes[0].children![0].children = counted;
    expect(patched.matchRoutes(routes, "/groups/12")?.at(-1)?.route.id).toBe("groups/:id|{}");
    const afterFirst = reads;
    expect(afterFirst).toBeGreaterThan(0);
    expect(patched.matchRoutes(routes, "/accessibility")?.at(-1)?.route.id).toBe("accessibility|{}");
    expect(patched.matchRoutes(routes, "/admin/users")?.at(-1)?.route.id).toBe(":section|{}");
    expect(reads).toBe(afterFirst);
  });

  it("compiles a path pattern once, not on every match", () => {
    const Native = globalThis.RegExp;
    let built = 0;
    globalThis.RegExp = new Proxy(Native, {
      construct(target, args) {
        built++;
        return Reflect.construct(target, args);
      },
    });
    try {
      const pattern = { path: "/patched/:only/here", caseSensitive: false, end: true };
      patched.matchPath(pattern, "/patched/1/here");
      const first = built;
      for (let i = 0; i < 5; i++) patched.matchPath(pattern, `/patched/${i}/here`);
      expect(built).toBe(first);
    } finally {
      globalThis.RegExp = Native;
    }
  });

  it("forgets the ranked routes when routes are patched in (lazy route discovery)", () => {
    const router = patched.createRouter({
      routes: [{ id: "root", path: "/", children: [{ id: "a", path: "a" }] }],
      history: patched.createMemoryHistory({ initialEntries: ["/"] }),
    });
    expect(patched.matchRoutes(router.routes, "/b")).toBeNull();
    router.patchRoutes("root", [{ id: "b", path: "b" }]);
    expect(patched.matchRoutes(router.routes, "/b")?.at(-1)?.route.id).toBe("b");
    router.dispose();
  });
});

describe("react-router-dom patch: the static router's data routes kept per routes array", () => {
  it("gives every render of the same routes the same data routes, with this request's matches", async () => {
    // As @remix-run/react loads it on the server: the CommonJS file, the one patched.
    const { createStaticHandler, createStaticRouter } = require("react-router-dom/server") as typeof import("react-router-dom/server");
    const routes = [{ id: "root", path: "/", children: [{ id: "child", path: "child" }] }];
    const handler = createStaticHandler(routes);
    const one = await handler.query(new Request("http://localhost/"));
    const two = await handler.query(new Request("http://localhost/child"));
    if (one instanceof Response || two instanceof Response) throw new Error("unexpected response");
    const first = createStaticRouter(handler.dataRoutes, one);
    const second = createStaticRouter(handler.dataRoutes, two);
    expect(second.routes).toBe(first.routes);
    expect(first.state.matches.map((m) => m.route.id)).toEqual(["root"]);
    expect(second.state.matches.map((m) => m.route.id)).toEqual(["root", "child"]);
    expect(second.state.matches[1].route).toBe(second.routes[0].children![0]);
  });
});

describe("@remix-run/server-runtime patch: the route modules of a build made once, not per page", () => {
  it("gives every document request of the same build the same route modules, each route's own module", async () => {
    // Both forms of the file: the server loads the CommonJS one, bundlers may take the ESM one.
    const { createEntryRouteModules } = require("@remix-run/server-runtime/dist/entry.js") as { createEntryRouteModules: (m: object) => Record<string, unknown> };
    const esm = (await import("@remix-run/server-runtime/dist/esm/entry.js" as string)) as { createEntryRouteModules: (m: object) => Record<string, unknown> };
    const root = { default: () => null };
    const child = { default: () => null, handle: { hydrate: false } };
    const manifest = { root: { id: "root", module: root }, "routes/child": { id: "routes/child", parentId: "root", module: child } };
    for (const make of [createEntryRouteModules, esm.createEntryRouteModules]) {
      const first = make(manifest);
      expect(first).toEqual({ root, "routes/child": child });
      expect(make(manifest)).toBe(first);
      // Another build (another manifest) gets its own.
      const other = { root: { id: "root", module: child } };
      expect(make(other)).toEqual({ root: child });
    }
  });
});
