-- CreateTable
CREATE TABLE "FeedItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "vacancyId" TEXT,
    "candidateId" TEXT,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" DATETIME
);

-- CreateTable
CREATE TABLE "ShortlistLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shortlistId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "recipientEmail" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedById" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastOpenedAt" DATETIME,
    CONSTRAINT "ShortlistLink_shortlistId_fkey" FOREIGN KEY ("shortlistId") REFERENCES "Shortlist" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
