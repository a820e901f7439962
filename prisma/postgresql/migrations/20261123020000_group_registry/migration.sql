-- CreateTable
CREATE TABLE "Group" (
    "id" SERIAL NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "imported" BOOLEAN NOT NULL DEFAULT false,
    "publishedVersionId" INTEGER,
    "corporateNumber" TEXT,
    "identityKey" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "nameKana" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT '',
    "npoInCity" BOOLEAN NOT NULL DEFAULT false,
    "volunteerCenter" BOOLEAN NOT NULL DEFAULT false,
    "welcomesVolunteers" BOOLEAN NOT NULL DEFAULT false,
    "mainDistrictId" INTEGER,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupVersion" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "name" TEXT NOT NULL,
    "nameKana" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "corporateNumber" TEXT NOT NULL DEFAULT '',
    "mainOfficeInCity" BOOLEAN NOT NULL DEFAULT false,
    "volunteerCenter" BOOLEAN NOT NULL DEFAULT false,
    "representativeName" TEXT NOT NULL,
    "representativePublic" BOOLEAN NOT NULL DEFAULT false,
    "phone" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "website" TEXT NOT NULL DEFAULT '',
    "sns" TEXT NOT NULL DEFAULT '',
    "mainDistrictId" INTEGER,
    "districtIds" TEXT NOT NULL DEFAULT '[]',
    "activityFields" TEXT NOT NULL DEFAULT '[]',
    "purpose" TEXT NOT NULL,
    "activities" TEXT NOT NULL,
    "foundedOn" TEXT NOT NULL DEFAULT '',
    "memberCount" INTEGER NOT NULL,
    "welcomesMembers" BOOLEAN NOT NULL DEFAULT false,
    "welcomesVolunteers" BOOLEAN NOT NULL DEFAULT false,
    "meetingPlace" TEXT NOT NULL DEFAULT '',
    "logoFile" TEXT NOT NULL DEFAULT '',
    "consentAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,

    CONSTRAINT "GroupVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupRegistration" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "validFrom" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "renewalSubmittedAt" TIMESTAMP(3),
    "renewalDecidedAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMembership" (
    "groupId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupMembership_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "GroupInvitation" (
    "id" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMessage" (
    "id" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,
    "versionId" INTEGER,
    "registrationId" INTEGER,
    "authorId" TEXT,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupField" (
    "groupId" INTEGER NOT NULL,
    "field" INTEGER NOT NULL,

    CONSTRAINT "GroupField_pkey" PRIMARY KEY ("groupId","field")
);

-- CreateTable
CREATE TABLE "GroupDistrict" (
    "groupId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,

    CONSTRAINT "GroupDistrict_pkey" PRIMARY KEY ("groupId","districtId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Group_publishedVersionId_key" ON "Group"("publishedVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Group_corporateNumber_key" ON "Group"("corporateNumber");

-- CreateIndex
CREATE INDEX "Group_identityKey_idx" ON "Group"("identityKey");

-- CreateIndex
CREATE INDEX "Group_nameKana_idx" ON "Group"("nameKana");

-- CreateIndex
CREATE INDEX "Group_state_idx" ON "Group"("state");

-- CreateIndex
CREATE INDEX "GroupVersion_groupId_status_idx" ON "GroupVersion"("groupId", "status");

-- CreateIndex
CREATE INDEX "GroupVersion_status_submittedAt_idx" ON "GroupVersion"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "GroupRegistration_status_validUntil_idx" ON "GroupRegistration"("status", "validUntil");

-- CreateIndex
CREATE UNIQUE INDEX "GroupRegistration_groupId_fiscalYear_key" ON "GroupRegistration"("groupId", "fiscalYear");

-- CreateIndex
CREATE INDEX "GroupMembership_userId_idx" ON "GroupMembership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupInvitation_tokenHash_key" ON "GroupInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "GroupInvitation_groupId_idx" ON "GroupInvitation"("groupId");

-- CreateIndex
CREATE INDEX "GroupMessage_groupId_createdAt_idx" ON "GroupMessage"("groupId", "createdAt");

-- CreateIndex
CREATE INDEX "GroupField_field_idx" ON "GroupField"("field");

-- CreateIndex
CREATE INDEX "GroupDistrict_districtId_idx" ON "GroupDistrict"("districtId");

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_publishedVersionId_fkey" FOREIGN KEY ("publishedVersionId") REFERENCES "GroupVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupVersion" ADD CONSTRAINT "GroupVersion_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupRegistration" ADD CONSTRAINT "GroupRegistration_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupInvitation" ADD CONSTRAINT "GroupInvitation_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMessage" ADD CONSTRAINT "GroupMessage_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupField" ADD CONSTRAINT "GroupField_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupDistrict" ADD CONSTRAINT "GroupDistrict_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

