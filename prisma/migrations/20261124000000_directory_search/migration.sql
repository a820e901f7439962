-- The directory's search index: the distinct two-character pieces of each group's searchText
-- (spaces excluded), written by publishVersion, and indexes for the main-district filter, the newest-first sort
-- and the validity check (every column of the rule, so no registration row is read).

-- CreateTable
CREATE TABLE "GroupSearchGram" (
    "gram" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,

    PRIMARY KEY ("gram", "groupId"),
    CONSTRAINT "GroupSearchGram_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "GroupSearchGram_groupId_idx" ON "GroupSearchGram"("groupId");

-- CreateIndex
CREATE INDEX "Group_mainDistrictId_idx" ON "Group"("mainDistrictId");

-- CreateIndex
CREATE INDEX "Group_createdAt_idx" ON "Group"("createdAt");

-- CreateIndex
CREATE INDEX "GroupRegistration_validity_idx" ON "GroupRegistration"("groupId", "status", "validFrom", "validUntil", "endedAt", "renewalSubmittedAt", "renewalDecidedAt");

-- Backfill from the groups already published: the same pieces as searchGrams() in
-- app/utils/search.ts (substr and length count characters, as Array.from does).
WITH RECURSIVE "piece"("groupId", "text", "pos") AS (
    SELECT "id", "searchText", 1 FROM "Group" WHERE length("searchText") >= 2
    UNION ALL
    SELECT "groupId", "text", "pos" + 1 FROM "piece" WHERE "pos" + 1 < length("text")
)
INSERT INTO "GroupSearchGram" ("gram", "groupId")
SELECT DISTINCT substr("text", "pos", 2), "groupId" FROM "piece" WHERE instr(substr("text", "pos", 2), ' ') = 0;
