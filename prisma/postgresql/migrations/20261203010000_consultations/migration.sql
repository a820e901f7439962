-- CreateTable
CREATE TABLE "Consultation" (
    "id" SERIAL NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "section" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "draft" TEXT NOT NULL DEFAULT '',
    "eligible" TEXT NOT NULL DEFAULT 'resident,commuter,business,interested',
    "identityRequired" BOOLEAN NOT NULL DEFAULT true,
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "shortPeriodReason" TEXT NOT NULL DEFAULT '',
    "scheduledAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "withdrawalNotice" TEXT NOT NULL DEFAULT '',
    "resultsPublishedAt" TIMESTAMP(3),
    "finalText" TEXT NOT NULL DEFAULT '',
    "finalTextUrl" TEXT NOT NULL DEFAULT '',
    "lastReceipt" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationSection" (
    "id" SERIAL NOT NULL,
    "consultationId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,

    CONSTRAINT "ConsultationSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationFile" (
    "id" SERIAL NOT NULL,
    "consultationId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "upload" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationComment" (
    "id" SERIAL NOT NULL,
    "consultationId" INTEGER NOT NULL,
    "receiptNumber" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "sectionNumber" INTEGER,
    "body" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "personalDataRemovedAt" TIMESTAMP(3),
    "userId" TEXT,
    "enteredById" TEXT,
    "submissionKey" TEXT,
    "duplicateOfId" INTEGER,
    "identicalToId" INTEGER,
    "opinionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationWithholding" (
    "id" SERIAL NOT NULL,
    "commentId" INTEGER NOT NULL,
    "passage" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationWithholding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationOpinion" (
    "id" SERIAL NOT NULL,
    "consultationId" INTEGER NOT NULL,
    "sectionNumber" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT NOT NULL,
    "response" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsultationOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationChange" (
    "id" SERIAL NOT NULL,
    "consultationId" INTEGER NOT NULL,
    "sectionNumber" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "change" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsultationChange_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "ConsultationSection" ADD CONSTRAINT "ConsultationSection_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationFile" ADD CONSTRAINT "ConsultationFile_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationComment" ADD CONSTRAINT "ConsultationComment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationComment" ADD CONSTRAINT "ConsultationComment_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "ConsultationOpinion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationWithholding" ADD CONSTRAINT "ConsultationWithholding_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "ConsultationComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationOpinion" ADD CONSTRAINT "ConsultationOpinion_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationChange" ADD CONSTRAINT "ConsultationChange_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

