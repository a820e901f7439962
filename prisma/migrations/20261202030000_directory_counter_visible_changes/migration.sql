-- The directory's change counter moves only with a change the directory shows (decision record
-- 0024). The triggers of 20261124020000_directory_change_counter raised it with every write to
-- the registry tables, a resident's draft save too (twice: the group's lock and the version), so
-- kept answers were rarely reused. Each trigger now compares the columns the directory reads
-- (app/groups/directory.server.ts: the page query, listDistrictOptions, the listing rule and
-- nextListingChange); a write that changes none of them leaves the counter alone.
--   Group              id name nameKana kind welcomesVolunteers mainDistrictId publishedVersionId
--                      searchText createdAt; a group without a published version is never shown
--   GroupVersion       purpose activities activityFields of the published version only (a new
--                      version is shown only once Group.publishedVersionId names it)
--   GroupRegistration  status groupId validFrom validUntil endedAt renewalSubmittedAt
--                      renewalDecidedAt of an approved registration (before or after the write)
--   GroupField, GroupDistrict  every row (written only when a version is published)
--   District           id code name

DROP TRIGGER "directory_changed_Group_insert";
DROP TRIGGER "directory_changed_Group_update";
DROP TRIGGER "directory_changed_Group_delete";
DROP TRIGGER "directory_changed_GroupVersion_insert";
DROP TRIGGER "directory_changed_GroupVersion_update";
DROP TRIGGER "directory_changed_GroupVersion_delete";
DROP TRIGGER "directory_changed_GroupRegistration_insert";
DROP TRIGGER "directory_changed_GroupRegistration_update";
DROP TRIGGER "directory_changed_GroupRegistration_delete";
DROP TRIGGER "directory_changed_GroupField_insert";
DROP TRIGGER "directory_changed_GroupField_update";
DROP TRIGGER "directory_changed_GroupField_delete";
DROP TRIGGER "directory_changed_GroupDistrict_insert";
DROP TRIGGER "directory_changed_GroupDistrict_update";
DROP TRIGGER "directory_changed_GroupDistrict_delete";
DROP TRIGGER "directory_changed_District_insert";
DROP TRIGGER "directory_changed_District_update";
DROP TRIGGER "directory_changed_District_delete";

CREATE TRIGGER "directory_changed_Group_insert" AFTER INSERT ON "Group"
WHEN NEW."publishedVersionId" IS NOT NULL
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_Group_update" AFTER UPDATE ON "Group"
WHEN OLD."id" IS NOT NEW."id" OR OLD."name" IS NOT NEW."name" OR OLD."nameKana" IS NOT NEW."nameKana"
  OR OLD."kind" IS NOT NEW."kind" OR OLD."welcomesVolunteers" IS NOT NEW."welcomesVolunteers"
  OR OLD."mainDistrictId" IS NOT NEW."mainDistrictId" OR OLD."publishedVersionId" IS NOT NEW."publishedVersionId"
  OR OLD."searchText" IS NOT NEW."searchText" OR OLD."createdAt" IS NOT NEW."createdAt"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_Group_delete" AFTER DELETE ON "Group"
WHEN OLD."publishedVersionId" IS NOT NULL
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupVersion_update" AFTER UPDATE ON "GroupVersion"
WHEN (OLD."id" IS NOT NEW."id" OR OLD."purpose" IS NOT NEW."purpose" OR OLD."activities" IS NOT NEW."activities"
  OR OLD."activityFields" IS NOT NEW."activityFields")
  AND EXISTS (SELECT 1 FROM "Group" WHERE "publishedVersionId" IN (OLD."id", NEW."id"))
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupRegistration_insert" AFTER INSERT ON "GroupRegistration"
WHEN NEW."status" = 'approved'
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupRegistration_update" AFTER UPDATE ON "GroupRegistration"
WHEN (OLD."status" = 'approved' OR NEW."status" = 'approved')
  AND (OLD."status" IS NOT NEW."status" OR OLD."groupId" IS NOT NEW."groupId" OR OLD."validFrom" IS NOT NEW."validFrom"
    OR OLD."validUntil" IS NOT NEW."validUntil" OR OLD."endedAt" IS NOT NEW."endedAt"
    OR OLD."renewalSubmittedAt" IS NOT NEW."renewalSubmittedAt" OR OLD."renewalDecidedAt" IS NOT NEW."renewalDecidedAt")
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupRegistration_delete" AFTER DELETE ON "GroupRegistration"
WHEN OLD."status" = 'approved'
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupField_insert" AFTER INSERT ON "GroupField"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_GroupField_update" AFTER UPDATE ON "GroupField"
WHEN OLD."groupId" IS NOT NEW."groupId" OR OLD."field" IS NOT NEW."field"
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
WHEN OLD."groupId" IS NOT NEW."groupId" OR OLD."districtId" IS NOT NEW."districtId"
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
WHEN OLD."id" IS NOT NEW."id" OR OLD."code" IS NOT NEW."code" OR OLD."name" IS NOT NEW."name"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;

CREATE TRIGGER "directory_changed_District_delete" AFTER DELETE ON "District"
BEGIN
    UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'directory';
END;
