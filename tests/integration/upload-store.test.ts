/**
 * The two upload stores behind one interface, each held to the same contract: the local
 * folder and an S3-compatible bucket on a real S3 server (s3rver) started here. Then the
 * uploads module end to end with UPLOAD_STORE=s3, as several app servers would use it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache, type UploadStoreConfig } from "../../app/platform/env.server.ts";
import { createUploadStore, type UploadStore } from "../../app/platform/uploads/store.server.ts";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "portal-upload-store-"));
const BUCKET = "portal-uploads";
let server: S3rver;
let endpoint: string;

beforeAll(async () => {
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: path.join(scratch, "s3rver"),
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

// s3rver accepts any key pair that it knows; S3RVER/S3RVER is its default.
const s3Config = (prefix = ""): UploadStoreConfig => ({
  store: "s3",
  bucket: BUCKET,
  region: "ap-northeast-1",
  endpoint,
  prefix,
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
});

const stores: [string, () => UploadStore][] = [
  ["local folder", () => createUploadStore({ store: "local", dir: path.join(scratch, "local") })],
  ["S3 bucket", () => createUploadStore(s3Config())],
];

describe.each(stores)("the %s", (_, make) => {
  it("keeps bytes under a name, gives them back whole, and forgets them on delete", async () => {
    const store = make();
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    await store.put("a".repeat(32) + ".png", bytes, "image/png");
    expect(Buffer.from((await store.get("a".repeat(32) + ".png"))!).equals(Buffer.from(bytes))).toBe(true);
    await store.delete("a".repeat(32) + ".png");
    expect(await store.get("a".repeat(32) + ".png")).toBeNull();
  });

  it("answers null for a name never stored, and deleting it is no error", async () => {
    const store = make();
    expect(await store.get("b".repeat(32) + ".jpg")).toBeNull();
    await expect(store.delete("b".repeat(32) + ".jpg")).resolves.toBeUndefined();
  });
});

describe("the S3 store", () => {
  it("keeps its files under S3_PREFIX, so one bucket can serve two portals", async () => {
    const staging = createUploadStore(s3Config("staging/"));
    const production = createUploadStore(s3Config());
    await staging.put("c".repeat(32) + ".csv", new TextEncoder().encode("a,b"), "text/csv");
    expect(await production.get("c".repeat(32) + ".csv")).toBeNull();
    expect(fs.readdirSync(path.join(scratch, "s3rver", BUCKET), { recursive: true }).join("\n")).toContain("staging");
    expect(new TextDecoder().decode((await staging.get("c".repeat(32) + ".csv"))!)).toBe("a,b");
  });

  it("fails loudly, not as a missing file, when the bucket cannot be reached", async () => {
    const wrong = createUploadStore({ ...s3Config(), bucket: "no-such-bucket" } as UploadStoreConfig);
    await expect(wrong.get("d".repeat(32) + ".png")).rejects.toThrow();
  });
});

describe("uploads through the configured store (UPLOAD_STORE=s3)", () => {
  const saved = { ...process.env };

  beforeAll(() => {
    Object.assign(process.env, {
      UPLOAD_STORE: "s3",
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_REGION: "ap-northeast-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      UPLOAD_DIR: path.join(scratch, "must-stay-empty"),
    });
    resetEnvCache();
  });

  afterAll(() => {
    process.env = saved;
    resetEnvCache();
  });

  it("checks, stores, serves with its type and a safe name, and deletes a logo", async () => {
    const { checkUpload, deleteUpload, saveUpload, uploadResponse } = await import("../../app/platform/uploads/index.server.ts");
    const png = await sharp({ create: { width: 2, height: 2, channels: 4, background: "#336699" } }).png().toBuffer();
    const checked = await checkUpload("logo", new File([new Uint8Array(png)], "ロゴ.png", { type: "image/png" }));
    if (checked.kind !== "file") throw new Error(`refused: ${JSON.stringify(checked)}`);
    const name = await saveUpload(checked);
    expect(name).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(fs.existsSync(path.join(scratch, "must-stay-empty"))).toBe(false);

    const response = await uploadResponse(name, { downloadName: "碓氷の会.png", cacheControl: "private, no-store" });
    expect(response?.status).toBe(200);
    expect(response?.headers.get("Content-Type")).toBe("image/png");
    expect(response?.headers.get("Content-Disposition")).toBe(`inline; filename="____.png"; filename*=UTF-8''%E7%A2%93%E6%B0%B7%E3%81%AE%E4%BC%9A.png`);
    expect(Buffer.from(await response!.arrayBuffer()).equals(png)).toBe(true);

    await deleteUpload(name);
    expect(await uploadResponse(name, { cacheControl: "no-store" })).toBeNull();
    // Names it did not make never reach the store.
    expect(await uploadResponse("../../etc/passwd", { cacheControl: "no-store" })).toBeNull();
  });
});
