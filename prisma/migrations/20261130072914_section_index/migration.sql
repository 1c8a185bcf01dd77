-- CreateIndex
CREATE INDEX "Story_sectionId_status_publishedAt_idx" ON "Story"("sectionId", "status", "publishedAt" DESC);
