-- CreateTable
CREATE TABLE "Comune" (
    "istatCode" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameNormalized" TEXT NOT NULL,
    "cadastralCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "provinceAcronym" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "regionName" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lon" REAL NOT NULL
);

-- CreateTable
CREATE TABLE "Cpi" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "provinceAcronym" TEXT NOT NULL,
    "comuneIstatCode" TEXT NOT NULL,
    CONSTRAINT "Cpi_comuneIstatCode_fkey" FOREIGN KEY ("comuneIstatCode") REFERENCES "Comune" ("istatCode") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Employer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "taxCode" TEXT NOT NULL,
    "atecoCode" TEXT,
    "atecoLabel" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "employerId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserCpi" (
    "userId" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,

    PRIMARY KEY ("userId", "cpiCode"),
    CONSTRAINT "UserCpi_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserCpi_cpiCode_fkey" FOREIGN KEY ("cpiCode") REFERENCES "Cpi" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Vacancy" (
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
    "workplaceIstatCode" TEXT,
    "sourceService" TEXT NOT NULL,
    "shortlistCap" INTEGER NOT NULL DEFAULT 15,
    "reservedL68" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME,
    "closingDate" DATETIME,
    "atecoCode" TEXT,
    "employerId" TEXT,
    "showcaseKey" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Vacancy_cpiCode_fkey" FOREIGN KEY ("cpiCode") REFERENCES "Cpi" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Vacancy_workplaceIstatCode_fkey" FOREIGN KEY ("workplaceIstatCode") REFERENCES "Comune" ("istatCode") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Vacancy_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VacancyStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vacancyId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "reason" TEXT,
    "byUserId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VacancyStatusChange_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taxCode" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "domicileIstatCode" TEXT NOT NULL,
    "cpiCode" TEXT NOT NULL,
    "availabilityDeclaredAt" DATETIME,
    "declaredProfiles" JSONB NOT NULL,
    "competences" JSONB NOT NULL,
    "languages" JSONB NOT NULL,
    "drivingLicences" JSONB NOT NULL,
    "educationLevel" TEXT,
    "maxTravelKm" REAL,
    "maxTravelMinutes" INTEGER,
    "availability" TEXT NOT NULL DEFAULT 'available',
    "shareContactsConsent" BOOLEAN NOT NULL DEFAULT false,
    "tutorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Candidate_domicileIstatCode_fkey" FOREIGN KEY ("domicileIstatCode") REFERENCES "Comune" ("istatCode") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Candidate_cpiCode_fkey" FOREIGN KEY ("cpiCode") REFERENCES "Cpi" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Candidate_tutorId_fkey" FOREIGN KEY ("tutorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CandidateProgramme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME,
    "monthlyAmount" REAL,
    CONSTRAINT "CandidateProgramme_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkExperience" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "profileTitle" TEXT NOT NULL,
    "profileCode" TEXT,
    "sector" TEXT,
    "fromDate" DATETIME NOT NULL,
    "toDate" DATETIME,
    CONSTRAINT "WorkExperience_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Training" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "completedAt" DATETIME,
    "hours" INTEGER,
    CONSTRAINT "Training_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "source" TEXT,
    "status" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "byUserId" TEXT,
    "counts" JSONB,
    "report" JSONB
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
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Vacancy_showcaseKey_key" ON "Vacancy"("showcaseKey");

-- CreateIndex
CREATE INDEX "Vacancy_cpiCode_status_idx" ON "Vacancy"("cpiCode", "status");

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
CREATE INDEX "WorkExperience_candidateId_idx" ON "WorkExperience"("candidateId");

-- CreateIndex
CREATE INDEX "Training_candidateId_idx" ON "Training"("candidateId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_userId_idx" ON "AuditLog"("userId");
