-- CreateEnum
CREATE TYPE "CreditRole" AS ENUM ('BYLINE', 'CONTRIBUTOR', 'ADDITIONAL_REPORTING', 'PHOTOGRAPHER', 'GRAPHICS', 'EDITOR');

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT,
    "affiliation" TEXT,
    "shortBio" TEXT,
    "longBio" TEXT,
    "links" JSONB NOT NULL DEFAULT '[]',
    "userId" TEXT,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonSlug" (
    "slug" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonSlug_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "StoryCredit" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "CreditRole" NOT NULL,
    "position" INTEGER NOT NULL,
    "location" TEXT,
    "override" TEXT,

    CONSTRAINT "StoryCredit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_slug_key" ON "Person"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Person_userId_key" ON "Person"("userId");

-- CreateIndex
CREATE INDEX "Person_name_idx" ON "Person"("name");

-- CreateIndex
CREATE INDEX "PersonSlug_personId_idx" ON "PersonSlug"("personId");

-- CreateIndex
CREATE INDEX "StoryCredit_personId_idx" ON "StoryCredit"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "StoryCredit_storyId_personId_role_key" ON "StoryCredit"("storyId", "personId", "role");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonSlug" ADD CONSTRAINT "PersonSlug_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryCredit" ADD CONSTRAINT "StoryCredit_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryCredit" ADD CONSTRAINT "StoryCredit_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
