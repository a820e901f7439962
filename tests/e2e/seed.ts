/**
 * Fills the database DATABASE_URL names with the demo data, then exits: run once per provider
 * by global-setup.ts on a copy of the migrated template, which every e2e server then copies.
 * A process of its own because the app's modules make their database client from DATABASE_URL
 * when first imported.
 */
const { db, connectDb } = await import("../../app/platform/db.server.ts");
const { seedDemo } = await import("../../prisma/seed.ts");
await connectDb();
await seedDemo(db);
// Leaves the SQLite file whole (no WAL beside it) so that a plain copy of it is the database.
if (!process.env.DATABASE_URL?.startsWith("postgres")) await db.$queryRawUnsafe("PRAGMA journal_mode = DELETE");
await db.$disconnect();
export {};
