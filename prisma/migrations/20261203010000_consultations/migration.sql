-- CreateTable
CREATE TABLE "Consultation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "section" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "draft" TEXT NOT NULL DEFAULT '',
    "eligible" TEXT NOT NULL DEFAULT 'resident,commuter,business,interested',
    "identityRequired" BOOLEAN NOT NULL DEFAULT true,
    "opensAt" DATETIME,
    "closesAt" DATETIME,
    "shortPeriodReason" TEXT NOT NULL DEFAULT '',
    "scheduledAt" DATETIME,
    "withdrawnAt" DATETIME,
    "withdrawalNotice" TEXT NOT NULL DEFAULT '',
    "resultsPublishedAt" DATETIME,
    "finalText" TEXT NOT NULL DEFAULT '',
    "finalTextUrl" TEXT NOT NULL DEFAULT '',
    "lastReceipt" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConsultationSection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "consultationId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    CONSTRAINT "ConsultationSection_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "consultationId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "upload" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsultationFile_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationComment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "consultationId" INTEGER NOT NULL,
    "receiptNumber" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "sectionNumber" INTEGER,
    "body" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "personalDataRemovedAt" DATETIME,
    "userId" TEXT,
    "enteredById" TEXT,
    "submissionKey" TEXT,
    "duplicateOfId" INTEGER,
    "identicalToId" INTEGER,
    "opinionId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsultationComment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConsultationComment_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "ConsultationOpinion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationWithholding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "commentId" INTEGER NOT NULL,
    "passage" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsultationWithholding_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "ConsultationComment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationOpinion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "consultationId" INTEGER NOT NULL,
    "sectionNumber" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT NOT NULL,
    "response" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationOpinion_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "consultationId" INTEGER NOT NULL,
    "sectionNumber" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "change" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationChange_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Consultation_state_opensAt_idx" ON "Consultation"("state", "opensAt");

-- CreateIndex
CREATE INDEX "Consultation_state_closesAt_idx" ON "Consultation"("state", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationSection_consultationId_number_key" ON "ConsultationSection"("consultationId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationFile_upload_key" ON "ConsultationFile"("upload");

-- CreateIndex
CREATE INDEX "ConsultationFile_consultationId_idx" ON "ConsultationFile"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationComment_receiptNumber_key" ON "ConsultationComment"("receiptNumber");

-- CreateIndex
CREATE INDEX "ConsultationComment_consultationId_receivedAt_idx" ON "ConsultationComment"("consultationId", "receivedAt");

-- CreateIndex
CREATE INDEX "ConsultationComment_consultationId_sectionNumber_idx" ON "ConsultationComment"("consultationId", "sectionNumber");

-- CreateIndex
CREATE INDEX "ConsultationComment_userId_idx" ON "ConsultationComment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationComment_consultationId_submissionKey_key" ON "ConsultationComment"("consultationId", "submissionKey");

-- CreateIndex
CREATE INDEX "ConsultationWithholding_commentId_idx" ON "ConsultationWithholding"("commentId");

-- CreateIndex
CREATE INDEX "ConsultationOpinion_consultationId_sectionNumber_idx" ON "ConsultationOpinion"("consultationId", "sectionNumber");

-- CreateIndex
CREATE INDEX "ConsultationChange_consultationId_idx" ON "ConsultationChange"("consultationId");

