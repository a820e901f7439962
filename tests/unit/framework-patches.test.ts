/**
 * The patches of patches/ (decisions 0020 and 0019), applied by `npm ci`'s postinstall (patch-package):
 * each must be installed on exactly the version it was made for, and must be there. The
 * router's patch changes how routes are matched, so its results are compared with the
 * upstream code itself, recovered by taking the patch back out of a copy of the file. The SQLite
 * adapter's patch (decision 0034) is proved by tests/integration/hot-write-suite.ts, Prisma CLI's
 * (decision 0019: a migration run exits when done) by the migration race of two-servers-suite.ts.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { AgnosticRouteObject } from "@remix-run/router";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

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
  it("patches the four packages of decision 0020, the SQLite adapter of decision 0034 and Prisma's CLI (decision 0019)", () => {
    expect(patches.map((p) => p.name).sort()).toEqual([
      "@prisma/adapter-better-sqlite3",
      "@remix-run/react",
      "@remix-run/router",
      "@remix-run/server-runtime",
      "prisma",
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

/**
 * Shapes at the edge of the first-segment index: whatever a branch's first segment is (static,
 * case-sensitive, param, optional, splat, non-ASCII, a "?" inside the pattern), the index must
 * try every branch that upstream could match with.
 */
function edgeTree(): AgnosticRouteObject[] {
  const leaf = (p: string, extra: Partial<AgnosticRouteObject> = {}) => ({ id: `edge:${p}|${JSON.stringify(extra)}`, path: p, ...extra }) as AgnosticRouteObject;
  return [
    ...routeTree(),
    {
      id: "second-root",
      path: "/",
      children: [
        leaf("About"),
        leaf("user"),
        leaf("user-preferences"),
        leaf("under_score/~tilde"),
        leaf("trailing/"),
        leaf("/absolute/top"),
        leaf("docs"),
        leaf("docs/*"),
        leaf("opendata/:file"),
        leaf(":id.json"),
        leaf(":lang?/news"),
        leaf("ja?/guide"),
        leaf("seg/?x"),
        leaf("人権/:id"),
        leaf("%E4%BA%BA"),
        leaf("a%20b"),
        leaf("kelvin"),
        leaf("static"),
        leaf("Strict/:id", { caseSensitive: true }),
        leaf("double//inner"),
        { id: "edge:nested", path: "nested", children: [{ id: "edge:nested-index", index: true }, { id: "edge:nested-layout", children: [leaf("deep/:x"), leaf("*")] }] },
        { id: "edge:pathless", children: [{ id: "edge:pathless-index", index: true }, leaf("inside"), leaf("inside/:y?")] },
      ],
    },
  ];
}

const EDGE_PATHS = [
  "",
  "/",
  "//",
  "///",
  "/about",
  "/About",
  "/ABOUT",
  "/about/",
  "/about//",
  "/about/extra",
  "/user",
  "/USER",
  "/user-preferences",
  "/user-pref",
  "/users",
  "/under_score/~tilde",
  "/UNDER_SCORE/~TILDE",
  "/under_score",
  "/trailing",
  "/trailing/",
  "/absolute/top",
  "/absolute",
  "/docs",
  "/docs/",
  "/docs/a/b",
  "/Docs/A",
  "/opendata/list.csv",
  "/opendata/groups.csv/",
  "/x.json",
  "/x.JSON",
  "/news",
  "/en/news",
  "/EN/NEWS",
  "/guide",
  "/ja/guide",
  "/JA/guide",
  "/segx",
  "/seg/x",
  "/SEGX",
  "/seg",
  "/%E4%BA%BA%E6%A8%A9/1",
  "/人権/1",
  "/%E4%BA%BA",
  "/人",
  "/a%20b",
  "/a b",
  "/a%2520b",
  "/\u212Aelvin",
  "/kelvin",
  "/%61bout",
  "/%41CCESSIBILITY",
  "/KELVIN",
  "/\u017Ftatic",
  "/STATIC",
  "/\u0130nside",
  "/Strict/1",
  "/strict/1",
  "/STRICT/1",
  "/double/inner",
  "/double//inner",
  "/nested",
  "/nested/",
  "/NESTED",
  "/nested/deep/1",
  "/nested/deep",
  "/nested/anything/else",
  "/inside",
  "/inside/2",
  "/inside/2/3",
  "/groups//",
  "/groups///12",
  "//accessibility",
  "/accessibility//",
  "/Accessibility/x",
  "/admin//groups",
  "/ADMIN/GROUPS",
  "/admin/audit",
  "/admin/audit/",
  "/my",
  "/my/",
  "/MY/ACCOUNT/TAB",
  "/%",
  "/%zz/groups",
  "/groups/%",
  "groups",
  "accessibility/",
  "/?q=1",
  "/groups/1?x=/admin#frag",
  "/lang/%20/about",
  "/Case/SENSITIVE",
  "/case/Sensitive",
];

describe("@remix-run/router patch: the first-segment index tries every branch upstream could match", () => {
  const patched = require("@remix-run/router") as Router;
  const upstream = upstreamRouter();
  // Both routers warn about the malformed "%" paths on purpose; the output stays readable.
  afterEach(() => void vi.restoreAllMocks());

  it("matches every edge path exactly as the published router does, with and without a basename", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const routes = edgeTree();
    const reference = edgeTree();
    for (let round = 0; round < 2; round++) {
      for (const p of [...EDGE_PATHS, ...PATHS]) {
        for (const basename of [undefined, "/groups", "/base/"]) {
          const where = basename === "/base/" ? `/base${p.startsWith("/") ? "" : "/"}${p}` : p;
          expect(summary(patched.matchRoutes(routes, where, basename)), `${where} under ${basename}`).toEqual(summary(upstream.matchRoutes(reference, where, basename)));
        }
        const location = { pathname: p, search: "", hash: "" };
        expect(summary(patched.matchRoutes(routes, location)), `location ${p}`).toEqual(summary(upstream.matchRoutes(reference, location)));
      }
    }
    expect(warn).toHaveBeenCalled(); // "/%" and the like cannot be decoded, and are matched as they are
  });

  /** A data router wants ids unique in the whole tree: each one prefixed with its place. */
  const uniqueIds = (routes: AgnosticRouteObject[], at = ""): AgnosticRouteObject[] =>
    routes.map((r, i) => ({ ...r, id: `${at}${i}:${r.id}`, ...(r.children ? { children: uniqueIds(r.children, `${at}${i}/`) } : {}) }) as AgnosticRouteObject);

  /** Navigates a router to every path; records what patchRoutesOnNavigation is given (partial matches) and the matches after. */
  async function navigateAll(router: Router, routes: AgnosticRouteObject[], paths: string[]) {
    const seen: unknown[] = [];
    const r = router.createRouter({
      routes,
      history: router.createMemoryHistory({ initialEntries: ["/"] }),
      patchRoutesOnNavigation: ({ path: p, matches }) => {
        seen.push({ discover: p, matches: summary(matches as ReturnType<Router["matchRoutes"]>) });
      },
    });
    r.initialize();
    for (const p of paths) {
      await r.navigate(p);
      seen.push({ at: p, matches: summary(r.state.matches), error: r.state.errors ? Object.keys(r.state.errors) : null });
    }
    r.dispose();
    return seen;
  }

  it("gives patchRoutesOnNavigation the same partial matches (allowPartial) as the published router", async () => {
    // Not "//…": a browser takes it for another host.
    const paths = EDGE_PATHS.filter((p) => p.startsWith("/") && !p.startsWith("//") && !p.includes("%") && !p.includes("?"));
    expect(paths.length).toBeGreaterThan(60);
    const mine = await navigateAll(patched, uniqueIds(edgeTree()), paths);
    const theirs = await navigateAll(upstream, uniqueIds(edgeTree()), paths);
    // Some of them partial: a static first segment matched, the rest not.
    expect(mine.filter((s) => "discover" in (s as object) && JSON.stringify(s).includes("About")).length).toBeGreaterThan(0);
    expect(mine.filter((s) => "discover" in (s as object)).length).toBeGreaterThan(20);
    expect(mine).toEqual(theirs);
  });

  it("discovers routes patched in during navigation as the published router does (the index is rebuilt)", async () => {
    async function discover(router: Router) {
      const leaf = (id: string, p?: string, extra: Partial<AgnosticRouteObject> = {}) => ({ id, path: p, ...extra }) as AgnosticRouteObject;
      const seen: unknown[] = [];
      const r = router.createRouter({
        routes: [{ id: "root", path: "", children: [{ id: "layout", children: [leaf("home", undefined, { index: true }), leaf("accessibility", "accessibility"), leaf("splat", "*")] }] }],
        history: router.createMemoryHistory({ initialEntries: ["/"] }),
        patchRoutesOnNavigation: ({ path: p, matches, patch }) => {
          seen.push({ discover: p, matches: summary(matches as ReturnType<Router["matchRoutes"]>) });
          const ids = matches.map((m) => m.route.id);
          if (p.toLowerCase().startsWith("/groups")) patch("layout", [leaf("groups", "groups"), leaf("group", "groups/:id")]);
          if (p.toLowerCase().startsWith("/admin") && !ids.includes("admin")) patch("layout", [leaf("admin", "admin")]);
          if (ids.at(-1) === "admin") patch("admin", [leaf("admin-index", undefined, { index: true }), leaf("admin-section", ":section")]);
          if (p.startsWith("/:")) patch("layout", [leaf("dynamic", ":a/:b")]);
        },
      });
      r.initialize();
      for (const p of ["/groups", "/groups/1", "/GROUPS/2", "/admin", "/admin/users", "/accessibility", "/x/y", "/nothing/here"]) {
        await r.navigate(p);
        seen.push({ at: p, matches: summary(r.state.matches), direct: summary(router.matchRoutes(r.routes, p)) });
      }
      r.dispose();
      return seen;
    }
    const mine = await discover(patched);
    expect(mine).toEqual(await discover(upstream));
    expect(JSON.stringify(mine)).toContain('"id":"admin-section"');
  });

  /**
   * The portal's route tree as Remix makes it from app/routes (root, the site layout, the file
   * routes), optionally with generated routes; the files are named, not read.
   */
  function portalTree(extraFiles: string[] = []): AgnosticRouteObject[] {
    const { flatRoutesUniversal } = require("@remix-run/dev/dist/config/flat-routes.js") as {
      flatRoutesUniversal: (app: string, files: string[], prefix: string) => Record<string, { id: string; path?: string; index?: boolean; caseSensitive?: boolean; parentId?: string }>;
    };
    const app = path.join(ROOT, "app");
    const files = [...fs.readdirSync(path.join(app, "routes")), ...extraFiles].map((f) => path.join(app, "routes", f));
    const manifest = Object.values(flatRoutesUniversal(app, files, "routes"));
    const childrenOf = (parentId: string): AgnosticRouteObject[] =>
      manifest
        .filter((r) => r.parentId === parentId)
        .map((r) => {
          const children = childrenOf(r.id);
          return (r.index ? { id: r.id, path: r.path, index: true } : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children }) as AgnosticRouteObject;
        });
    return [{ id: "root", path: "", children: [{ id: "site-layout", children: childrenOf("root") }] }];
  }
  const countTree = (routes: AgnosticRouteObject[]): number => routes.reduce((n, r) => n + 1 + countTree(r.children ?? []), 0);
  /** 300 routes in 100 domains, each under a first segment of its own: a list, a page, a form. */
  const extraFiles = Array.from({ length: 100 }, (_, i) => `extra${String(i + 1).padStart(3, "0")}`).flatMap((d) => [`${d}._index.tsx`, `${d}.$id.tsx`, `${d}.new.tsx`]);

  /** RegExp executions (exec, which test and String#match go through, and test itself) of one matchRoutes after the first. */
  function regexpCalls(router: Router, routes: AgnosticRouteObject[], p: string) {
    const matches = summary(router.matchRoutes(routes, p));
    const proto = RegExp.prototype;
    const { exec, test } = proto;
    const calls = { exec: 0, test: 0 };
    proto.exec = function (this: RegExp, s: string) {
      calls.exec++;
      return exec.call(this, s);
    };
    proto.test = function (this: RegExp, s: string) {
      calls.test++;
      return test.call(this, s);
    };
    try {
      router.matchRoutes(routes, p);
    } finally {
      proto.exec = exec;
      proto.test = test;
    }
    return { matches, calls };
  }

  const PORTAL_PATHS = ["/accessibility", "/", "/groups/1", "/groups", "/my/groups/3/edit", "/admin/groups", "/consultations/2/results", "/no/such/page"];

  it("matches a path of the portal's tree with as many pattern tests whether it has 300 more routes or not", () => {
    const small = portalTree();
    const big = portalTree(extraFiles);
    expect(countTree(small)).toBeGreaterThanOrEqual(60);
    expect(countTree(big)).toBe(countTree(small) + 300);
    const reference = portalTree(extraFiles);
    for (const p of PORTAL_PATHS) {
      const before = regexpCalls(patched, small, p);
      const after = regexpCalls(patched, big, p);
      expect(before.calls.exec, p).toBeGreaterThan(0);
      expect(after.calls, p).toEqual(before.calls);
      expect(after.matches, p).toEqual(before.matches);
      expect(after.matches, p).toEqual(summary(upstream.matchRoutes(reference, p)));
    }
    // The count sees the growth where there is one: the published router tests the extra routes.
    expect(regexpCalls(upstream, big, "/accessibility").calls.exec).toBeGreaterThan(regexpCalls(upstream, small, "/accessibility").calls.exec + 300);
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
