-- The directory's change counter moves only with a change the directory shows, once per
-- transaction, at its commit (decision record 0024). The triggers of
-- 20261124020000_directory_change_counter raised it with every statement on the registry tables,
-- a resident's draft save too, and took the counter's row lock at the transaction's first write:
-- every registry writer of every server queued on that row for its whole transaction.
--
-- Now each row trigger's WHEN compares the columns the directory reads (the list is in the SQLite
-- migration of the same name). The trigger is a constraint trigger, DEFERRABLE INITIALLY
-- DEFERRED, so its function runs when the transaction commits: the counter's row is locked from
-- then until the commit is done, and a transaction holding it waits for nothing else. The first
-- call in a transaction sets the transaction-local setting portal.directory_changed, and the calls
-- for its other rows see it and return. TRUNCATE (no row triggers) raises it at once.
-- (prisma migrate cuts this file into statements at every semicolon, even inside quotes, so
-- the semicolons of the function bodies are written as \073, the octal escape of an E'' string.)

DROP TRIGGER "directory_changed" ON "Group";
DROP TRIGGER "directory_changed" ON "GroupVersion";
DROP TRIGGER "directory_changed" ON "GroupRegistration";
DROP TRIGGER "directory_changed" ON "GroupField";
DROP TRIGGER "directory_changed" ON "GroupDistrict";
DROP TRIGGER "directory_changed" ON "District";
DROP FUNCTION "directory_changed"();

CREATE FUNCTION "directory_bump"() RETURNS void LANGUAGE plpgsql AS
    E'BEGIN IF current_setting(''portal.directory_changed'', true) IS DISTINCT FROM ''1'' THEN PERFORM set_config(''portal.directory_changed'', ''1'', true)\073 UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = ''directory''\073 END IF\073 END';

CREATE FUNCTION "directory_changed"() RETURNS trigger LANGUAGE plpgsql AS
    E'BEGIN PERFORM "directory_bump"()\073 RETURN NULL\073 END';

-- A version counts only while a group publishes it (a WHEN cannot hold a subquery: checked at commit).
CREATE FUNCTION "directory_version_changed"() RETURNS trigger LANGUAGE plpgsql AS
    E'BEGIN IF EXISTS (SELECT 1 FROM "Group" WHERE "publishedVersionId" IN (OLD."id", NEW."id")) THEN PERFORM "directory_bump"()\073 END IF\073 RETURN NULL\073 END';

CREATE CONSTRAINT TRIGGER "directory_changed_insert" AFTER INSERT ON "Group" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW."publishedVersionId" IS NOT NULL) EXECUTE FUNCTION "directory_changed"();
CREATE CONSTRAINT TRIGGER "directory_changed_update" AFTER UPDATE ON "Group" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id" OR OLD."name" IS DISTINCT FROM NEW."name"
        OR OLD."nameKana" IS DISTINCT FROM NEW."nameKana" OR OLD."kind" IS DISTINCT FROM NEW."kind"
        OR OLD."welcomesVolunteers" IS DISTINCT FROM NEW."welcomesVolunteers"
        OR OLD."mainDistrictId" IS DISTINCT FROM NEW."mainDistrictId"
        OR OLD."publishedVersionId" IS DISTINCT FROM NEW."publishedVersionId"
        OR OLD."searchText" IS DISTINCT FROM NEW."searchText" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt")
    EXECUTE FUNCTION "directory_changed"();
CREATE CONSTRAINT TRIGGER "directory_changed_delete" AFTER DELETE ON "Group" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD."publishedVersionId" IS NOT NULL) EXECUTE FUNCTION "directory_changed"();

CREATE CONSTRAINT TRIGGER "directory_changed_update" AFTER UPDATE ON "GroupVersion" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id" OR OLD."purpose" IS DISTINCT FROM NEW."purpose"
        OR OLD."activities" IS DISTINCT FROM NEW."activities" OR OLD."activityFields" IS DISTINCT FROM NEW."activityFields")
    EXECUTE FUNCTION "directory_version_changed"();

CREATE CONSTRAINT TRIGGER "directory_changed_insert" AFTER INSERT ON "GroupRegistration" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW."status" = 'approved') EXECUTE FUNCTION "directory_changed"();
CREATE CONSTRAINT TRIGGER "directory_changed_update" AFTER UPDATE ON "GroupRegistration" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN ((OLD."status" = 'approved' OR NEW."status" = 'approved')
        AND (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."groupId" IS DISTINCT FROM NEW."groupId"
            OR OLD."validFrom" IS DISTINCT FROM NEW."validFrom" OR OLD."validUntil" IS DISTINCT FROM NEW."validUntil"
            OR OLD."endedAt" IS DISTINCT FROM NEW."endedAt" OR OLD."renewalSubmittedAt" IS DISTINCT FROM NEW."renewalSubmittedAt"
            OR OLD."renewalDecidedAt" IS DISTINCT FROM NEW."renewalDecidedAt"))
    EXECUTE FUNCTION "directory_changed"();
CREATE CONSTRAINT TRIGGER "directory_changed_delete" AFTER DELETE ON "GroupRegistration" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD."status" = 'approved') EXECUTE FUNCTION "directory_changed"();

CREATE CONSTRAINT TRIGGER "directory_changed_insert" AFTER INSERT ON "GroupField" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "directory_changed"();
CREATE CONSTRAINT TRIGGER "directory_changed_update" AFTER UPDATE ON "GroupField" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD."groupId" IS DISTINCT FROM NEW."groupId" OR OLD."field" IS DISTINCT FROM NEW."field")
    EXECUTE FUNCTION "directory_changed"();
CREATE CONSTRAINT TRIGGER "directory_changed_delete" AFTER DELETE ON "GroupField" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "directory_changed"();

CREATE CONSTRAINT TRIGGER "directory_changed_insert" AFTER INSERT ON "GroupDistrict" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "directory_changed"();
CREATE CONSTRAINT TRIGGER "directory_changed_update" AFTER UPDATE ON "GroupDistrict" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD."groupId" IS DISTINCT FROM NEW."groupId" OR OLD."districtId" IS DISTINCT FROM NEW."districtId")
    EXECUTE FUNCTION "directory_changed"();
CREATE CONSTRAINT TRIGGER "directory_changed_delete" AFTER DELETE ON "GroupDistrict" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "directory_changed"();

CREATE CONSTRAINT TRIGGER "directory_changed_insert" AFTER INSERT ON "District" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "directory_changed"();
CREATE CONSTRAINT TRIGGER "directory_changed_update" AFTER UPDATE ON "District" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id" OR OLD."code" IS DISTINCT FROM NEW."code" OR OLD."name" IS DISTINCT FROM NEW."name")
    EXECUTE FUNCTION "directory_changed"();
CREATE CONSTRAINT TRIGGER "directory_changed_delete" AFTER DELETE ON "District" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "directory_changed"();

CREATE TRIGGER "directory_changed_truncate" AFTER TRUNCATE ON "Group" FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();
CREATE TRIGGER "directory_changed_truncate" AFTER TRUNCATE ON "GroupVersion" FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();
CREATE TRIGGER "directory_changed_truncate" AFTER TRUNCATE ON "GroupRegistration" FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();
CREATE TRIGGER "directory_changed_truncate" AFTER TRUNCATE ON "GroupField" FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();
CREATE TRIGGER "directory_changed_truncate" AFTER TRUNCATE ON "GroupDistrict" FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();
CREATE TRIGGER "directory_changed_truncate" AFTER TRUNCATE ON "District" FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();
