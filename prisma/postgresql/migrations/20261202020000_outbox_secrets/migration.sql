-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN "secrets" TEXT;

-- CreateIndex
CREATE INDEX "OutboxMail_createdAt_idx" ON "OutboxMail"("createdAt");
