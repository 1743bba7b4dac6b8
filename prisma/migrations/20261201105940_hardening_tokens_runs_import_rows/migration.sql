-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "createdByUserId" TEXT;
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" DATETIME;

-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN "error" TEXT;
ALTER TABLE "JobRun" ADD COLUMN "leaseExpiresAt" DATETIME;
ALTER TABLE "JobRun" ADD COLUMN "leaseOwner" TEXT;
ALTER TABLE "JobRun" ADD COLUMN "progressDone" INTEGER;
ALTER TABLE "JobRun" ADD COLUMN "progressTotal" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "deactivatedAt" DATETIME;

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "entityId" TEXT,
    "label" TEXT,
    "errors" JSONB,
    "warnings" JSONB,
    CONSTRAINT "ImportRow_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JobRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportFile" (
    "runId" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "mimeType" TEXT,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "data" BLOB NOT NULL,
    CONSTRAINT "ImportFile_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JobRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImportRow_runId_outcome_idx" ON "ImportRow"("runId", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRow_runId_row_key" ON "ImportRow"("runId", "row");

-- CreateIndex
CREATE INDEX "JobRun_status_idx" ON "JobRun"("status");
