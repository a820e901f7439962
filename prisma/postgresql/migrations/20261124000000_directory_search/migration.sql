-- The directory's search index: the distinct two-character pieces of each group's searchText
-- (spaces excluded), written by publishVersion, and indexes for the main-district filter, the newest-first sort
-- and the validity check (every column of the rule, so no registration row is read).

-- CreateTable
CREATE TABLE "GroupSearchGram" (
    "gram" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,

    CONSTRAINT "GroupSearchGram_pkey" PRIMARY KEY ("gram","groupId")
);

-- CreateIndex
CREATE INDEX "GroupSearchGram_groupId_idx" ON "GroupSearchGram"("groupId");

-- CreateIndex
CREATE INDEX "Group_mainDistrictId_idx" ON "Group"("mainDistrictId");

-- CreateIndex
CREATE INDEX "Group_createdAt_idx" ON "Group"("createdAt");

-- CreateIndex
CREATE INDEX "GroupRegistration_validity_idx" ON "GroupRegistration"("groupId", "status", "validFrom", "validUntil", "endedAt", "renewalSubmittedAt", "renewalDecidedAt");

-- AddForeignKey
ALTER TABLE "GroupSearchGram" ADD CONSTRAINT "GroupSearchGram_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the groups already published: the same pieces as searchGrams() in
-- app/utils/search.ts (substr and char_length count characters, as Array.from does).
INSERT INTO "GroupSearchGram" ("gram", "groupId")
SELECT DISTINCT substr(g."searchText", p.pos, 2), g."id"
FROM "Group" g CROSS JOIN LATERAL generate_series(1, char_length(g."searchText") - 1) AS p(pos)
WHERE position(' ' in substr(g."searchText", p.pos, 2)) = 0;
