-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Comune" (
    "istatCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameNormalized" TEXT NOT NULL,
    "cadastralCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "provinceAcronym" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "regionName" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Comune_pkey" PRIMARY KEY ("istatCode")
);

-- CreateTable
CREATE TABLE "Cpi" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provinceAcronym" TEXT NOT NULL,
    "comuneIstatCode" TEXT NOT NULL,
    "address" TEXT,
    "email" TEXT,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cpi_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Employer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "taxCode" TEXT NOT NULL,
    "atecoCode" TEXT,
    "atecoLabel" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Employer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "employerId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CpiCatchment" (
    "comuneIstatCode" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,

    CONSTRAINT "CpiCatchment_pkey" PRIMARY KEY ("comuneIstatCode")
);

-- CreateTable
CREATE TABLE "UserCpi" (
    "userId" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,

    CONSTRAINT "UserCpi_pkey" PRIMARY KEY ("userId","cpiCode")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "createdByUserId" TEXT,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vacancy" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "arrivalDate" TIMESTAMP(3) NOT NULL,
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
    "hoursPerWeek" DOUBLE PRECISION,
    "grossMonthlyPay" DOUBLE PRECISION,
    "ccnl" TEXT,
    "workplaceIstatCode" TEXT,
    "sourceService" TEXT NOT NULL,
    "shortlistCap" INTEGER NOT NULL DEFAULT 15,
    "reservedL68" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "closingDate" TIMESTAMP(3),
    "atecoCode" TEXT,
    "employerId" TEXT,
    "selectionRequestedAt" TIMESTAMP(3),
    "selectionStartedAt" TIMESTAMP(3),
    "showcaseKey" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vacancy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacancyStatusChange" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "reason" TEXT,
    "byUserId" TEXT,
    "source" TEXT,
    "importRunId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VacancyStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL,
    "taxCode" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "domicileIstatCode" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,
    "availabilityDeclaredAt" TIMESTAMP(3),
    "declaredProfiles" JSONB NOT NULL,
    "competences" JSONB NOT NULL,
    "languages" JSONB NOT NULL,
    "drivingLicences" JSONB NOT NULL,
    "educationLevel" TEXT,
    "maxTravelKm" DOUBLE PRECISION,
    "maxTravelMinutes" INTEGER,
    "householdHasChildrenUnder14" BOOLEAN,
    "householdHasDisabledMember" BOOLEAN,
    "lastContractHoursPerWeek" DOUBLE PRECISION,
    "availability" TEXT NOT NULL DEFAULT 'available',
    "shareContactsConsent" BOOLEAN NOT NULL DEFAULT false,
    "tutorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidateProgramme" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "endDate" TIMESTAMP(3),
    "monthlyAmount" DOUBLE PRECISION,

    CONSTRAINT "CandidateProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErasedBeneficiary" (
    "id" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,

    CONSTRAINT "ErasedBeneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErasedBeneficiarySpan" (
    "id" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "endDate" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErasedBeneficiarySpan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErasedBeneficiaryOfferDay" (
    "beneficiaryId" TEXT NOT NULL,
    "day" TEXT NOT NULL,

    CONSTRAINT "ErasedBeneficiaryOfferDay_pkey" PRIMARY KEY ("beneficiaryId","day")
);

-- CreateTable
CREATE TABLE "WorkExperience" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "profileTitle" TEXT NOT NULL,
    "profileCode" TEXT,
    "sector" TEXT,
    "fromDate" TIMESTAMP(3) NOT NULL,
    "toDate" TIMESTAMP(3),

    CONSTRAINT "WorkExperience_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Training" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3),
    "hours" INTEGER,

    CONSTRAINT "Training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "route" TEXT NOT NULL,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT,
    "status" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "byUserId" TEXT,
    "counts" JSONB,
    "report" JSONB,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "error" TEXT,
    "progressDone" INTEGER,
    "progressTotal" INTEGER,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "entityId" TEXT,
    "label" TEXT,
    "errors" JSONB,
    "warnings" JSONB,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportFile" (
    "runId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mimeType" TEXT,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ImportFile_pkey" PRIMARY KEY ("runId")
);

-- CreateTable
CREATE TABLE "Shortlist" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "cap" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "sentById" TEXT,
    "outcomeCheckDue" TIMESTAMP(3),
    "outcomeCheckedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "declinedReason" TEXT,

    CONSTRAINT "Shortlist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShortlistEntry" (
    "id" TEXT NOT NULL,
    "shortlistId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT,
    "score" DOUBLE PRECISION,
    "contactStatus" TEXT NOT NULL DEFAULT 'to_contact',
    "outcome" TEXT,
    "sentToEmployer" BOOLEAN NOT NULL DEFAULT false,
    "removedAt" TIMESTAMP(3),
    "removedReason" TEXT,
    "addedById" TEXT,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "exceptionExclusions" JSONB,
    "exceptionReason" TEXT,
    "proposalId" TEXT,

    CONSTRAINT "ShortlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShortlistEvent" (
    "id" TEXT NOT NULL,
    "shortlistId" TEXT NOT NULL,
    "candidateId" TEXT,
    "type" TEXT NOT NULL,
    "fromValue" TEXT,
    "toValue" TEXT,
    "reason" TEXT,
    "byUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShortlistEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchResult" (
    "vacancyId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "previousScore" DOUBLE PRECISION,
    "components" JSONB NOT NULL,
    "congrua" TEXT NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MatchResult_pkey" PRIMARY KEY ("vacancyId","candidateId")
);

-- CreateTable
CREATE TABLE "DomainEvent" (
    "seq" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "actorUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,

    CONSTRAINT "DomainEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "EventCursor" (
    "consumer" TEXT NOT NULL,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventCursor_pkey" PRIMARY KEY ("consumer")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB,
    "uniqueKey" TEXT,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastError" TEXT,
    "runId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "proposedById" TEXT,
    "note" TEXT,
    "status" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "declineNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalStatusChange" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    "byUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CongruaOffer" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,
    "vacancyId" TEXT,
    "shortlistEntryId" TEXT,
    "terms" JSONB NOT NULL,
    "offeredAt" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "offerNumber" INTEGER,
    "verdict" TEXT NOT NULL,
    "evaluation" JSONB NOT NULL,
    "ruleSetVersions" JSONB NOT NULL,
    "outcome" TEXT NOT NULL,
    "refusalReason" TEXT,
    "outcomeNote" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CongruaOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CongruaOfferOutcomeChange" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    "byUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CongruaOfferOutcomeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConditionalityEvent" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "programme" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "congruaOfferId" TEXT,
    "details" JSONB,
    "exportId" TEXT,
    "reportedAt" TIMESTAMP(3),
    "reportedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConditionalityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConditionalityExport" (
    "id" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConditionalityExport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "toName" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "smtpMessageId" TEXT,
    "dedupeKey" TEXT,
    "eventSeq" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineReminder" (
    "key" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineReminder_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "FeedItem" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "vacancyId" TEXT,
    "candidateId" TEXT,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3),

    CONSTRAINT "FeedItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShortlistLink" (
    "id" TEXT NOT NULL,
    "shortlistId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "recipientEmail" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastOpenedAt" TIMESTAMP(3),

    CONSTRAINT "ShortlistLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Comune_nameNormalized_idx" ON "Comune"("nameNormalized");

-- CreateIndex
CREATE INDEX "Comune_provinceAcronym_idx" ON "Comune"("provinceAcronym");

-- CreateIndex
CREATE UNIQUE INDEX "Employer_taxCode_key" ON "Employer"("taxCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "CpiCatchment_cpiCode_idx" ON "CpiCatchment"("cpiCode");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Vacancy_showcaseKey_key" ON "Vacancy"("showcaseKey");

-- CreateIndex
CREATE INDEX "Vacancy_cpiCode_status_idx" ON "Vacancy"("cpiCode", "status");

-- CreateIndex
CREATE INDEX "Vacancy_referentUserId_idx" ON "Vacancy"("referentUserId");

-- CreateIndex
CREATE INDEX "Vacancy_employerId_idx" ON "Vacancy"("employerId");

-- CreateIndex
CREATE INDEX "VacancyStatusChange_vacancyId_idx" ON "VacancyStatusChange"("vacancyId");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_taxCode_key" ON "Candidate"("taxCode");

-- CreateIndex
CREATE INDEX "Candidate_cpiCode_idx" ON "Candidate"("cpiCode");

-- CreateIndex
CREATE INDEX "Candidate_tutorId_idx" ON "Candidate"("tutorId");

-- CreateIndex
CREATE INDEX "CandidateProgramme_candidateId_idx" ON "CandidateProgramme"("candidateId");

-- CreateIndex
CREATE INDEX "ErasedBeneficiary_cpiCode_idx" ON "ErasedBeneficiary"("cpiCode");

-- CreateIndex
CREATE INDEX "ErasedBeneficiarySpan_beneficiaryId_idx" ON "ErasedBeneficiarySpan"("beneficiaryId");

-- CreateIndex
CREATE INDEX "WorkExperience_candidateId_idx" ON "WorkExperience"("candidateId");

-- CreateIndex
CREATE INDEX "Training_candidateId_idx" ON "Training"("candidateId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_userId_idx" ON "AuditLog"("userId");

-- CreateIndex
CREATE INDEX "JobRun_status_idx" ON "JobRun"("status");

-- CreateIndex
CREATE INDEX "ImportRow_runId_outcome_idx" ON "ImportRow"("runId", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRow_runId_row_key" ON "ImportRow"("runId", "row");

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

-- CreateIndex
CREATE INDEX "DomainEvent_entityType_entityId_seq_idx" ON "DomainEvent"("entityType", "entityId", "seq");

-- CreateIndex
CREATE INDEX "DomainEvent_type_seq_idx" ON "DomainEvent"("type", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Job_uniqueKey_key" ON "Job"("uniqueKey");

-- CreateIndex
CREATE INDEX "Job_state_runAt_idx" ON "Job"("state", "runAt");

-- CreateIndex
CREATE INDEX "Job_kind_createdAt_idx" ON "Job"("kind", "createdAt");

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

-- CreateIndex
CREATE UNIQUE INDEX "FeedItem_dedupeKey_key" ON "FeedItem"("dedupeKey");

-- CreateIndex
CREATE INDEX "FeedItem_userId_createdAt_idx" ON "FeedItem"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "FeedItem_userId_seenAt_idx" ON "FeedItem"("userId", "seenAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShortlistLink_tokenHash_key" ON "ShortlistLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShortlistLink_shortlistId_idx" ON "ShortlistLink"("shortlistId");

-- AddForeignKey
ALTER TABLE "Cpi" ADD CONSTRAINT "Cpi_comuneIstatCode_fkey" FOREIGN KEY ("comuneIstatCode") REFERENCES "Comune"("istatCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CpiCatchment" ADD CONSTRAINT "CpiCatchment_comuneIstatCode_fkey" FOREIGN KEY ("comuneIstatCode") REFERENCES "Comune"("istatCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CpiCatchment" ADD CONSTRAINT "CpiCatchment_cpiCode_fkey" FOREIGN KEY ("cpiCode") REFERENCES "Cpi"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserCpi" ADD CONSTRAINT "UserCpi_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserCpi" ADD CONSTRAINT "UserCpi_cpiCode_fkey" FOREIGN KEY ("cpiCode") REFERENCES "Cpi"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_cpiCode_fkey" FOREIGN KEY ("cpiCode") REFERENCES "Cpi"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_referentUserId_fkey" FOREIGN KEY ("referentUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_workplaceIstatCode_fkey" FOREIGN KEY ("workplaceIstatCode") REFERENCES "Comune"("istatCode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyStatusChange" ADD CONSTRAINT "VacancyStatusChange_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_domicileIstatCode_fkey" FOREIGN KEY ("domicileIstatCode") REFERENCES "Comune"("istatCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_cpiCode_fkey" FOREIGN KEY ("cpiCode") REFERENCES "Cpi"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_tutorId_fkey" FOREIGN KEY ("tutorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateProgramme" ADD CONSTRAINT "CandidateProgramme_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErasedBeneficiarySpan" ADD CONSTRAINT "ErasedBeneficiarySpan_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "ErasedBeneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErasedBeneficiaryOfferDay" ADD CONSTRAINT "ErasedBeneficiaryOfferDay_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "ErasedBeneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkExperience" ADD CONSTRAINT "WorkExperience_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Training" ADD CONSTRAINT "Training_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JobRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportFile" ADD CONSTRAINT "ImportFile_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JobRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shortlist" ADD CONSTRAINT "Shortlist_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistEntry" ADD CONSTRAINT "ShortlistEntry_shortlistId_fkey" FOREIGN KEY ("shortlistId") REFERENCES "Shortlist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistEntry" ADD CONSTRAINT "ShortlistEntry_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistEvent" ADD CONSTRAINT "ShortlistEvent_shortlistId_fkey" FOREIGN KEY ("shortlistId") REFERENCES "Shortlist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchResult" ADD CONSTRAINT "MatchResult_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchResult" ADD CONSTRAINT "MatchResult_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalStatusChange" ADD CONSTRAINT "ProposalStatusChange_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CongruaOffer" ADD CONSTRAINT "CongruaOffer_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CongruaOfferOutcomeChange" ADD CONSTRAINT "CongruaOfferOutcomeChange_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "CongruaOffer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConditionalityEvent" ADD CONSTRAINT "ConditionalityEvent_congruaOfferId_fkey" FOREIGN KEY ("congruaOfferId") REFERENCES "CongruaOffer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConditionalityEvent" ADD CONSTRAINT "ConditionalityEvent_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "ConditionalityExport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistLink" ADD CONSTRAINT "ShortlistLink_shortlistId_fkey" FOREIGN KEY ("shortlistId") REFERENCES "Shortlist"("id") ON DELETE CASCADE ON UPDATE CASCADE;
