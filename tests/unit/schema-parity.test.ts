import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The SQLite and PostgreSQL schemas must declare the same models and enums: only the
 * generator and datasource blocks may differ. Migrations must exist for both databases.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const SQLITE_SCHEMA = path.join(root, "prisma/schema.prisma");
const POSTGRES_SCHEMA = path.join(root, "prisma/postgresql/schema.prisma");
const SQLITE_MIGRATIONS = path.join(root, "prisma/migrations");
const POSTGRES_MIGRATIONS = path.join(root, "prisma/postgresql/migrations");

/** Removes // and /// comments, leaving "//" inside string literals alone. */
function stripComments(source: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      out += c;
      if (c === "\\") out += source[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end === -1 ? source.length : end + 1;
      out += " ";
    } else {
      out += c;
    }
  }
  return out;
}

type Block = { kind: string; name: string; body: string };

/** Top-level blocks ("model User { … }"), bodies with whitespace normalised. */
function blocks(source: string): Block[] {
  const text = stripComments(source);
  const found: Block[] = [];
  const header = /\b(model|enum|view|type|generator|datasource)\s+(\w+)\s*\{/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    let depth = 1;
    let inString = false;
    let i = header.lastIndex;
    for (; i < text.length && depth > 0; i++) {
      const c = text[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{") depth++;
      else if (c === "}") depth--;
    }
    if (depth !== 0) throw new Error(`unclosed block ${match[1]} ${match[2]}`);
    const body = text
      .slice(header.lastIndex, i - 1)
      .split("\n")
      .map((line) => line.trim().replace(/\s+/g, " "))
      .filter(Boolean)
      .join("\n");
    found.push({ kind: match[1], name: match[2], body });
    header.lastIndex = i;
  }
  return found;
}

/** The model and enum (and view/type) blocks, keyed "model User", generator/datasource dropped. */
function dataBlocks(source: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const b of blocks(source)) {
    if (b.kind === "generator" || b.kind === "datasource") continue;
    const key = `${b.kind} ${b.name}`;
    if (map.has(key)) throw new Error(`duplicate ${key}`);
    map.set(key, b.body);
  }
  return map;
}

/** Human-readable differences between two schemas' data blocks; empty when they match. */
function schemaDifferences(a: string, b: string): string[] {
  const left = dataBlocks(a);
  const right = dataBlocks(b);
  const diffs: string[] = [];
  for (const [key, body] of left) {
    if (!right.has(key)) diffs.push(`${key} only in the SQLite schema`);
    else if (right.get(key) !== body) {
      const l = body.split("\n");
      const r = right.get(key)!.split("\n");
      const onlyLeft = l.filter((line) => !r.includes(line)).map((line) => `- ${line}`);
      const onlyRight = r.filter((line) => !l.includes(line)).map((line) => `+ ${line}`);
      const detail = [...onlyLeft, ...onlyRight].join("; ") || "(same lines, different order)";
      diffs.push(`${key} differs: ${detail}`);
    }
  }
  for (const key of right.keys()) if (!left.has(key)) diffs.push(`${key} only in the PostgreSQL schema`);
  return diffs;
}

function migrationFolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort();
}

describe("schema comparison helper", () => {
  const base = `
    generator client { provider = "prisma-client" output = "../a" }
    datasource db { provider = "sqlite" url = "file:./x.db" }
    // a comment with { braces }
    /// District
    model District {
      id   Int    @id @default(autoincrement())
      url  String @default("https://example.jp/{x}") // trailing
    }
    enum Role {
      resident
      staff
    }
  `;

  it("ignores comments, whitespace and the generator and datasource blocks", () => {
    const other = base
      .replace('provider = "sqlite" url = "file:./x.db"', 'provider = "postgresql" url = "postgresql://h/db"')
      .replace('output = "../a"', 'output = "../../b"')
      .replace("/// District", "/// 行政区 (different doc comment)")
      .replace("id   Int    @id", "id Int @id")
      .replace("// trailing", "");
    expect(schemaDifferences(base, other)).toEqual([]);
  });

  it("keeps // inside string defaults", () => {
    expect(dataBlocks(base).get("model District")).toContain('@default("https://example.jp/{x}")');
  });

  it("reports a changed field", () => {
    const other = base.replace("url  String", "url  String?");
    expect(schemaDifferences(base, other)).toEqual([expect.stringContaining("model District differs")]);
  });

  it("reports a model or enum value present on one side only", () => {
    expect(schemaDifferences(base, base + "\nmodel Extra {\n id Int @id\n}\n")).toEqual([
      "model Extra only in the PostgreSQL schema",
    ]);
    expect(schemaDifferences(base, base.replace("staff\n", ""))).toEqual([expect.stringContaining("enum Role differs")]);
  });

  it("reports a native type attribute that only one database would get", () => {
    const other = base.replace('@default("https://', '@db.Text @default("https://');
    expect(schemaDifferences(base, other)).toHaveLength(1);
  });
});

describe("SQLite and PostgreSQL schemas", () => {
  const sqlite = readFileSync(SQLITE_SCHEMA, "utf8");
  const postgres = readFileSync(POSTGRES_SCHEMA, "utf8");

  it("each declare models and the expected datasource", () => {
    expect(dataBlocks(sqlite).size).toBeGreaterThan(0);
    const ds = (s: string) => blocks(s).find((b) => b.kind === "datasource")?.body ?? "";
    expect(ds(sqlite)).toMatch(/provider = "sqlite"/);
    expect(ds(postgres)).toMatch(/provider = "postgresql"/);
  });

  it("have identical model and enum blocks", () => {
    expect(schemaDifferences(sqlite, postgres)).toEqual([]);
  });
});

describe("migrations", () => {
  it("exist for both databases", () => {
    expect(existsSync(SQLITE_MIGRATIONS)).toBe(true);
    expect(existsSync(POSTGRES_MIGRATIONS)).toBe(true);
    expect(migrationFolders(SQLITE_MIGRATIONS).length).toBeGreaterThan(0);
  });

  it("have a PostgreSQL folder for every SQLite folder", () => {
    const pg = new Set(migrationFolders(POSTGRES_MIGRATIONS));
    expect(migrationFolders(SQLITE_MIGRATIONS).filter((name) => !pg.has(name))).toEqual([]);
  });

  it("have a SQLite folder for every PostgreSQL folder", () => {
    const sqlite = new Set(migrationFolders(SQLITE_MIGRATIONS));
    expect(migrationFolders(POSTGRES_MIGRATIONS).filter((name) => !sqlite.has(name))).toEqual([]);
  });

  it("each contain a migration.sql", () => {
    const missing = [SQLITE_MIGRATIONS, POSTGRES_MIGRATIONS].flatMap((dir) =>
      migrationFolders(dir)
        .filter((name) => !existsSync(path.join(dir, name, "migration.sql")))
        .map((name) => path.relative(root, path.join(dir, name))),
    );
    expect(missing).toEqual([]);
  });

  it("record the right provider in migration_lock.toml", () => {
    const lock = (dir: string) => readFileSync(path.join(dir, "migration_lock.toml"), "utf8");
    expect(lock(SQLITE_MIGRATIONS)).toMatch(/provider\s*=\s*"sqlite"/);
    expect(lock(POSTGRES_MIGRATIONS)).toMatch(/provider\s*=\s*"postgresql"/);
  });
});
