-- Search reads a narrow table of published stories instead of the "Story" rows.
--
-- With a term in a quarter of 100,000 stories, ranking over "Story" read one wide row
-- (and its out-of-line vector) per match: 1.3 s. Here a row is a couple of hundred bytes:
-- the story's id, times, and two small vectors kept in the row (PLAIN) for ranking, the
-- headline's and the headline + dek's; the full vector (headline A, dek B, body C), which
-- only the GIN index and phrase checks need, is stored out of line (EXTERNAL, with
-- toast_tuple_target = 128), so a scan over many matches reads little. Kept by a trigger
-- on "Story", whoever writes: a story is here exactly while its status is PUBLISHED.
DROP TRIGGER "Story_searchVector" ON "Story";
DROP FUNCTION story_search_vector();
DROP INDEX "Story_searchVector_idx";
ALTER TABLE "Story" DROP COLUMN "searchVector";

CREATE TABLE "StorySearch" (
  "storyId" TEXT NOT NULL,
  "publishedAt" TIMESTAMP(3) NOT NULL,
  "embargoUntil" TIMESTAMP(3),
  "headlineVector" tsvector NOT NULL,
  "summaryVector" tsvector NOT NULL,
  "searchVector" tsvector NOT NULL,
  CONSTRAINT "StorySearch_pkey" PRIMARY KEY ("storyId")
) WITH (toast_tuple_target = 128);
ALTER TABLE "StorySearch" ALTER COLUMN "searchVector" SET STORAGE EXTERNAL,
  ALTER COLUMN "headlineVector" SET STORAGE PLAIN, ALTER COLUMN "summaryVector" SET STORAGE PLAIN;
ALTER TABLE "StorySearch" ADD CONSTRAINT "StorySearch_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "StorySearch_searchVector_idx" ON "StorySearch" USING GIN ("searchVector");

CREATE FUNCTION story_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'PUBLISHED' THEN
    DELETE FROM "StorySearch" WHERE "storyId" = NEW.id;
    RETURN NULL;
  END IF;
  INSERT INTO "StorySearch" ("storyId", "publishedAt", "embargoUntil", "headlineVector", "summaryVector", "searchVector")
  VALUES (
    NEW.id,
    coalesce(NEW."publishedAt", now()),
    NEW."embargoUntil",
    to_tsvector('english'::regconfig, coalesce(NEW."headline", '')),
    setweight(to_tsvector('english'::regconfig, coalesce(NEW."headline", '')), 'A') ||
      setweight(to_tsvector('english'::regconfig, coalesce(NEW."dek", '')), 'B'),
    setweight(to_tsvector('english'::regconfig, coalesce(NEW."headline", '')), 'A') ||
      setweight(to_tsvector('english'::regconfig, coalesce(NEW."dek", '')), 'B') ||
      setweight(to_tsvector('english'::regconfig, jsonb_path_query_array(NEW."body", 'strict $.**.text')), 'C')
  )
  ON CONFLICT ("storyId") DO UPDATE SET
    "publishedAt" = EXCLUDED."publishedAt",
    "embargoUntil" = EXCLUDED."embargoUntil",
    "headlineVector" = EXCLUDED."headlineVector",
    "summaryVector" = EXCLUDED."summaryVector",
    "searchVector" = EXCLUDED."searchVector";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Story_search"
  AFTER INSERT OR UPDATE OF "status", "headline", "dek", "body", "publishedAt", "embargoUntil" ON "Story"
  FOR EACH ROW EXECUTE FUNCTION story_search_sync();

-- Stories published already.
UPDATE "Story" SET "status" = "status" WHERE "status" = 'PUBLISHED';
