-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN "householdHasChildrenUnder14" BOOLEAN;
ALTER TABLE "Candidate" ADD COLUMN "householdHasDisabledMember" BOOLEAN;
ALTER TABLE "Candidate" ADD COLUMN "lastContractHoursPerWeek" REAL;

-- AlterTable
ALTER TABLE "Vacancy" ADD COLUMN "ccnl" TEXT;

-- CreateTable
CREATE TABLE "Shortlist" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vacancyId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "cap" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "sentById" TEXT,
    "outcomeCheckDue" DATETIME,
    CONSTRAINT "Shortlist_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShortlistEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shortlistId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT,
    "score" REAL,
    "contactStatus" TEXT NOT NULL DEFAULT 'to_contact',
    "outcome" TEXT,
    "sentToEmployer" BOOLEAN NOT NULL DEFAULT false,
    "removedAt" DATETIME,
    "removedReason" TEXT,
    "addedById" TEXT,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShortlistEntry_shortlistId_fkey" FOREIGN KEY ("shortlistId") REFERENCES "Shortlist" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShortlistEntry_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShortlistEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shortlistId" TEXT NOT NULL,
    "candidateId" TEXT,
    "type" TEXT NOT NULL,
    "fromValue" TEXT,
    "toValue" TEXT,
    "reason" TEXT,
    "byUserId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShortlistEvent_shortlistId_fkey" FOREIGN KEY ("shortlistId") REFERENCES "Shortlist" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchResult" (
    "vacancyId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "previousScore" REAL,
    "components" JSONB NOT NULL,
    "congrua" TEXT NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "computedAt" DATETIME NOT NULL,

    PRIMARY KEY ("vacancyId", "candidateId"),
    CONSTRAINT "MatchResult_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MatchResult_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Shortlist_vacancyId_status_idx" ON "Shortlist"("vacancyId", "status");

-- CreateIndex
CREATE INDEX "ShortlistEntry_candidateId_addedAt_idx" ON "ShortlistEntry"("candidateId", "addedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShortlistEntry_shortlistId_candidateId_key" ON "ShortlistEntry"("shortlistId", "candidateId");

-- CreateIndex
CREATE INDEX "ShortlistEvent_shortlistId_idx" ON "ShortlistEvent"("shortlistId");

-- CreateIndex
CREATE INDEX "MatchResult_candidateId_score_idx" ON "MatchResult"("candidateId", "score");
