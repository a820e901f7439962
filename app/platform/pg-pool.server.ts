import pg from "pg";

/**
 * Works around prisma/orm#27403: PostgreSQL catalog columns of type `name` (oid 19)
 * cannot be deserialised by @prisma/adapter-pg, which breaks every migrate command.
 * Reporting them as `text` (oid 25) is lossless.
 */
export class CatalogSafePool extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) if (field.dataTypeID === 19) field.dataTypeID = 25;
        return res;
      });
    }
    return result;
  }
}
