-- Full-text search over what readers see: headline (weight A), dek (B) and the
-- body's text (C: every "text" string in the Tiptap JSON), English stemming.
-- A generated column, so every write (the app, the seed, a hand-made UPDATE)
-- keeps it right; schema.prisma declares it as Unsupported("tsvector").
ALTER TABLE "Story" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("headline", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("dek", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, jsonb_path_query_array("body", 'strict $.**.text')), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "Story_searchVector_idx" ON "Story" USING GIN ("searchVector");
