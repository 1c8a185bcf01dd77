-- CreateTable
CREATE TABLE "FrontPagePin" (
    "storyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "pinnedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrontPagePin_pkey" PRIMARY KEY ("storyId")
);

-- CreateIndex
CREATE INDEX "FrontPagePin_position_idx" ON "FrontPagePin"("position");

-- AddForeignKey
ALTER TABLE "FrontPagePin" ADD CONSTRAINT "FrontPagePin_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;
