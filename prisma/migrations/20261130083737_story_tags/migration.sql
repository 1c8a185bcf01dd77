-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "tagSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Story_tagSlugs_idx" ON "Story" USING GIN ("tagSlugs");
