-- AlterTable
ALTER TABLE "VacancyStatusChange" ADD COLUMN "importRunId" TEXT;
ALTER TABLE "VacancyStatusChange" ADD COLUMN "source" TEXT;

-- CreateTable
CREATE TABLE "CpiCatchment" (
    "comuneIstatCode" TEXT NOT NULL PRIMARY KEY,
    "cpiCode" TEXT NOT NULL,
    CONSTRAINT "CpiCatchment_comuneIstatCode_fkey" FOREIGN KEY ("comuneIstatCode") REFERENCES "Comune" ("istatCode") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CpiCatchment_cpiCode_fkey" FOREIGN KEY ("cpiCode") REFERENCES "Cpi" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Cpi" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "provinceAcronym" TEXT NOT NULL,
    "comuneIstatCode" TEXT NOT NULL,
    "address" TEXT,
    "email" TEXT,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Cpi_comuneIstatCode_fkey" FOREIGN KEY ("comuneIstatCode") REFERENCES "Comune" ("istatCode") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Cpi" ("code", "comuneIstatCode", "name", "provinceAcronym") SELECT "code", "comuneIstatCode", "name", "provinceAcronym" FROM "Cpi";
DROP TABLE "Cpi";
ALTER TABLE "new_Cpi" RENAME TO "Cpi";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CpiCatchment_cpiCode_idx" ON "CpiCatchment"("cpiCode");
