import { databaseReachable } from "./db.server.ts";

export async function health() {
  const database = await databaseReachable();
  return { ok: database, database };
}
