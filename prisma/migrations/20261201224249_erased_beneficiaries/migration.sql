-- CreateTable
CREATE TABLE "ErasedBeneficiary" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cpiCode" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ErasedBeneficiarySpan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "beneficiaryId" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    CONSTRAINT "ErasedBeneficiarySpan_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "ErasedBeneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ErasedBeneficiaryOfferDay" (
    "beneficiaryId" TEXT NOT NULL,
    "day" TEXT NOT NULL,

    PRIMARY KEY ("beneficiaryId", "day"),
    CONSTRAINT "ErasedBeneficiaryOfferDay_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "ErasedBeneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ErasedBeneficiary_cpiCode_idx" ON "ErasedBeneficiary"("cpiCode");

-- CreateIndex
CREATE INDEX "ErasedBeneficiarySpan_beneficiaryId_idx" ON "ErasedBeneficiarySpan"("beneficiaryId");
