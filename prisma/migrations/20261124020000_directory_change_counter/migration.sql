-- The directory's change counter: triggers add one to ChangeCounter "directory" with every write
-- to a table the public directory reads, in the writing transaction, whichever process writes
-- (the server, another server, npm run import:groups). searchDirectory keeps answers while the
-- counter and the time window of registration validity stay the same (decision record 0012).

-- CreateTable
CREATE TABLE "ChangeCounter" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" BIGINT NOT NULL DEFAULT 0
);

INSERT INTO "ChangeCounter" ("name", "value") VALUES ('directory', 0);

CREATE TRIGGER "directory_changed_Group_insert" AFTER INSERT ON "Group"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_Group_update" AFTER UPDATE ON "Group"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_Group_delete" AFTER DELETE ON "Group"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupVersion_insert" AFTER INSERT ON "GroupVersion"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupVersion_update" AFTER UPDATE ON "GroupVersion"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupVersion_delete" AFTER DELETE ON "GroupVersion"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupRegistration_insert" AFTER INSERT ON "GroupRegistration"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupRegistration_update" AFTER UPDATE ON "GroupRegistration"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupRegistration_delete" AFTER DELETE ON "GroupRegistration"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupField_insert" AFTER INSERT ON "GroupField"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupField_update" AFTER UPDATE ON "GroupField"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupField_delete" AFTER DELETE ON "GroupField"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupDistrict_insert" AFTER INSERT ON "GroupDistrict"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupDistrict_update" AFTER UPDATE ON "GroupDistrict"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupDistrict_delete" AFTER DELETE ON "GroupDistrict"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_District_insert" AFTER INSERT ON "District"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_District_update" AFTER UPDATE ON "District"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_District_delete" AFTER DELETE ON "District"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;
