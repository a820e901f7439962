/**
 * Where uploaded files live, behind one interface: a folder on this server's disk (the
 * default, UPLOAD_DIR) or a bucket of an S3-compatible store, which several app servers can
 * share (UPLOAD_STORE=s3). Names are chosen by uploads/index.server.ts and checked there;
 * a store only keeps bytes under them.
 */
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import fs from "node:fs/promises";
import path from "node:path";
import { getEnv, type UploadStoreConfig } from "../env.server.ts";

export interface UploadStore {
  /** Keeps the bytes under a new name; never replaces a file that is there. */
  put(name: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the name. */
  get(name: string): Promise<Uint8Array | null>;
  /** Removes the file; removing one that is not there is not an error. */
  delete(name: string): Promise<void>;
}

export function localStore(dir: string): UploadStore {
  const root = path.resolve(dir);
  return {
    async put(name, bytes) {
      await fs.mkdir(root, { recursive: true });
      // "wx": never overwrite, however unlikely a collision of random names is.
      await fs.writeFile(path.join(root, name), bytes, { flag: "wx", mode: 0o640 });
    },
    async get(name) {
      try {
        return new Uint8Array(await fs.readFile(path.join(root, name)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(name) {
      await fs.rm(path.join(root, name), { force: true });
    },
  };
}

export type S3StoreConfig = Extract<UploadStoreConfig, { store: "s3" }>;

export function s3Store(config: S3StoreConfig): UploadStore {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    // S3-compatible servers (MinIO, Ceph, s3rver) answer at one host: the bucket goes in the path.
    forcePathStyle: config.endpoint !== undefined,
    credentials: config.credentials,
  });
  const key = (name: string) => config.prefix + name;
  return {
    async put(name, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key(name), Body: bytes, ContentType: contentType }));
    },
    async get(name) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key(name) }));
        return object.Body ? await object.Body.transformToByteArray() : null;
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async delete(name) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key(name) }));
    },
  };
}

export function createUploadStore(config: UploadStoreConfig): UploadStore {
  return config.store === "s3" ? s3Store(config) : localStore(config.dir);
}

let current: { config: UploadStoreConfig; store: UploadStore } | undefined;

/** The store the configuration names (made again when a test changes the configuration). */
export function uploadStore(): UploadStore {
  const config = getEnv().uploads;
  if (!current || current.config !== config) current = { config, store: createUploadStore(config) };
  return current.store;
}
