-- AlterTable
ALTER TABLE "Shortlist" ADD COLUMN "declinedAt" DATETIME;
ALTER TABLE "Shortlist" ADD COLUMN "declinedReason" TEXT;
ALTER TABLE "Shortlist" ADD COLUMN "outcomeCheckedAt" DATETIME;

-- AlterTable
ALTER TABLE "ShortlistEntry" ADD COLUMN "exceptionExclusions" JSONB;
ALTER TABLE "ShortlistEntry" ADD COLUMN "exceptionReason" TEXT;
ALTER TABLE "ShortlistEntry" ADD COLUMN "proposalId" TEXT;

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vacancyId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "proposedById" TEXT,
    "note" TEXT,
    "status" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "declineReason" TEXT,
    "declineNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Proposal_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    "byUserId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposalStatusChange_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CongruaOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,
    "vacancyId" TEXT,
    "shortlistEntryId" TEXT,
    "terms" JSONB NOT NULL,
    "offeredAt" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "offerNumber" INTEGER,
    "verdict" TEXT NOT NULL,
    "evaluation" JSONB NOT NULL,
    "ruleSetVersions" JSONB NOT NULL,
    "outcome" TEXT NOT NULL,
    "refusalReason" TEXT,
    "outcomeNote" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CongruaOffer_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CongruaOfferOutcomeChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    "byUserId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CongruaOfferOutcomeChange_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "CongruaOffer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConditionalityEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "programme" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "congruaOfferId" TEXT,
    "details" JSONB,
    "exportId" TEXT,
    "reportedAt" DATETIME,
    "reportedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConditionalityEvent_congruaOfferId_fkey" FOREIGN KEY ("congruaOfferId") REFERENCES "CongruaOffer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ConditionalityEvent_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "ConditionalityExport" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConditionalityExport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cpiCode" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "toName" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "smtpMessageId" TEXT,
    "dedupeKey" TEXT,
    "eventSeq" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DeadlineReminder" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "vacancyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Vacancy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "arrivalDate" DATETIME NOT NULL,
    "requestedProfile" TEXT NOT NULL,
    "positions" INTEGER NOT NULL,
    "companyName" TEXT NOT NULL,
    "companyTaxCode" TEXT NOT NULL,
    "sectorLabel" TEXT,
    "contractOfferText" TEXT,
    "competencesText" TEXT,
    "cpiCode" TEXT NOT NULL,
    "referentName" TEXT,
    "referentEmail" TEXT,
    "referentUserId" TEXT,
    "notes" TEXT,
    "profileTitle" TEXT NOT NULL,
    "profileCode" TEXT,
    "mustHaveCompetences" JSONB NOT NULL,
    "niceToHaveCompetences" JSONB NOT NULL,
    "requiredEducationLevel" TEXT,
    "requiredLanguages" JSONB NOT NULL,
    "requiredLicences" JSONB NOT NULL,
    "contractType" TEXT,
    "contractMonths" INTEGER,
    "hoursPerWeek" REAL,
    "grossMonthlyPay" REAL,
    "ccnl" TEXT,
    "workplaceIstatCode" TEXT,
    "sourceService" TEXT NOT NULL,
    "shortlistCap" INTEGER NOT NULL DEFAULT 15,
    "reservedL68" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME,
    "closingDate" DATETIME,
    "atecoCode" TEXT,
    "employerId" TEXT,
    "selectionRequestedAt" DATETIME,
    "selectionStartedAt" DATETIME,
    "showcaseKey" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Vacancy_cpiCode_fkey" FOREIGN KEY ("cpiCode") REFERENCES "Cpi" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Vacancy_referentUserId_fkey" FOREIGN KEY ("referentUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Vacancy_workplaceIstatCode_fkey" FOREIGN KEY ("workplaceIstatCode") REFERENCES "Comune" ("istatCode") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Vacancy_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Vacancy" ("arrivalDate", "atecoCode", "ccnl", "closingDate", "companyName", "companyTaxCode", "competencesText", "contractMonths", "contractOfferText", "contractType", "cpiCode", "createdAt", "createdById", "employerId", "grossMonthlyPay", "hoursPerWeek", "id", "mustHaveCompetences", "niceToHaveCompetences", "notes", "positions", "profileCode", "profileTitle", "publishedAt", "referentEmail", "referentName", "requestedProfile", "requiredEducationLevel", "requiredLanguages", "requiredLicences", "reservedL68", "sectorLabel", "shortlistCap", "showcaseKey", "sourceService", "status", "updatedAt", "workplaceIstatCode") SELECT "arrivalDate", "atecoCode", "ccnl", "closingDate", "companyName", "companyTaxCode", "competencesText", "contractMonths", "contractOfferText", "contractType", "cpiCode", "createdAt", "createdById", "employerId", "grossMonthlyPay", "hoursPerWeek", "id", "mustHaveCompetences", "niceToHaveCompetences", "notes", "positions", "profileCode", "profileTitle", "publishedAt", "referentEmail", "referentName", "requestedProfile", "requiredEducationLevel", "requiredLanguages", "requiredLicences", "reservedL68", "sectorLabel", "shortlistCap", "showcaseKey", "sourceService", "status", "updatedAt", "workplaceIstatCode" FROM "Vacancy";
DROP TABLE "Vacancy";
ALTER TABLE "new_Vacancy" RENAME TO "Vacancy";
CREATE UNIQUE INDEX "Vacancy_showcaseKey_key" ON "Vacancy"("showcaseKey");
CREATE INDEX "Vacancy_cpiCode_status_idx" ON "Vacancy"("cpiCode", "status");
CREATE INDEX "Vacancy_referentUserId_idx" ON "Vacancy"("referentUserId");
CREATE INDEX "Vacancy_employerId_idx" ON "Vacancy"("employerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Proposal_candidateId_idx" ON "Proposal"("candidateId");

-- CreateIndex
CREATE INDEX "Proposal_status_vacancyId_idx" ON "Proposal"("status", "vacancyId");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_vacancyId_candidateId_key" ON "Proposal"("vacancyId", "candidateId");

-- CreateIndex
CREATE INDEX "ProposalStatusChange_proposalId_idx" ON "ProposalStatusChange"("proposalId");

-- CreateIndex
CREATE INDEX "CongruaOffer_candidateId_offeredAt_idx" ON "CongruaOffer"("candidateId", "offeredAt");

-- CreateIndex
CREATE INDEX "CongruaOffer_cpiCode_offeredAt_idx" ON "CongruaOffer"("cpiCode", "offeredAt");

-- CreateIndex
CREATE INDEX "CongruaOfferOutcomeChange_offerId_idx" ON "CongruaOfferOutcomeChange"("offerId");

-- CreateIndex
CREATE INDEX "ConditionalityEvent_cpiCode_reportedAt_idx" ON "ConditionalityEvent"("cpiCode", "reportedAt");

-- CreateIndex
CREATE INDEX "ConditionalityEvent_candidateId_idx" ON "ConditionalityEvent"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "ConditionalityEvent_congruaOfferId_kind_key" ON "ConditionalityEvent"("congruaOfferId", "kind");

-- CreateIndex
CREATE INDEX "ConditionalityExport_cpiCode_createdAt_idx" ON "ConditionalityExport"("cpiCode", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailMessage_kind_createdAt_idx" ON "EmailMessage"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "DeadlineReminder_vacancyId_idx" ON "DeadlineReminder"("vacancyId");
