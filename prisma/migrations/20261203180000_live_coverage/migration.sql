-- CreateEnum
CREATE TYPE "LiveEntryState" AS ENUM ('PENDING', 'PUBLISHED', 'REMOVED');

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "liveEndedAt" TIMESTAMP(3),
ADD COLUMN     "livePinnedId" TEXT,
ADD COLUMN     "liveRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "liveStartedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LiveEntry" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "headline" TEXT,
    "body" JSONB NOT NULL,
    "authorId" TEXT,
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "correction" TEXT,
    "state" "LiveEntryState" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "LiveEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveEntryVersion" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "headline" TEXT,
    "body" JSONB NOT NULL,
    "keyEvent" BOOLEAN NOT NULL,
    "correction" TEXT,
    "state" "LiveEntryState" NOT NULL,
    "authorId" TEXT,
    "replacedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedById" TEXT NOT NULL,

    CONSTRAINT "LiveEntryVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveEntry_storyId_state_publishedAt_idx" ON "LiveEntry"("storyId", "state", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "LiveEntry_authorId_idx" ON "LiveEntry"("authorId");

-- CreateIndex
CREATE INDEX "LiveEntryVersion_entryId_idx" ON "LiveEntryVersion"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "Story_livePinnedId_key" ON "Story"("livePinnedId");

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_livePinnedId_fkey" FOREIGN KEY ("livePinnedId") REFERENCES "LiveEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryVersion" ADD CONSTRAINT "LiveEntryVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryVersion" ADD CONSTRAINT "LiveEntryVersion_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
