-- The directory's change counter: triggers add one to ChangeCounter "directory" with every write
-- to a table the public directory reads, in the writing transaction, whichever process writes
-- (the server, another server, npm run import:groups). searchDirectory keeps answers while the
-- counter and the time window of registration validity stay the same (decision record 0012).

-- CreateTable
CREATE TABLE "ChangeCounter" (
    "name" TEXT NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ChangeCounter_pkey" PRIMARY KEY ("name")
);

INSERT INTO "ChangeCounter" ("name", "value") VALUES ('directory', 0);

-- Once per statement, BEFORE it touches a row: a transaction takes the counter's row lock
-- before any row of these tables, so two writers queue at the counter instead of each holding
-- a row the other needs. TRUNCATE counts too.
-- (prisma migrate cuts this file into statements at every semicolon, even inside quotes, so
-- the semicolons of the function body are written as \073, the octal escape of an E'' string.)
CREATE FUNCTION "directory_changed"() RETURNS trigger LANGUAGE plpgsql AS
    E'BEGIN UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = ''directory''\073 RETURN NULL\073 END';

CREATE TRIGGER "directory_changed" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Group"
    FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();

CREATE TRIGGER "directory_changed" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "GroupVersion"
    FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();

CREATE TRIGGER "directory_changed" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "GroupRegistration"
    FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();

CREATE TRIGGER "directory_changed" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "GroupField"
    FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();

CREATE TRIGGER "directory_changed" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "GroupDistrict"
    FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();

CREATE TRIGGER "directory_changed" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "District"
    FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();
