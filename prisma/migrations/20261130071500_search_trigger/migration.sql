-- Full-text search, kept by a trigger rather than a generated column: Prisma models
-- a generation expression as a column default, which `db push` and from-scratch
-- diffs then emit as an (invalid) DEFAULT. A trigger is invisible to Prisma.
--
-- What is indexed: the headline (weight A), the dek (B) and every "text" string of
-- the Tiptap body (C), with English stemming.
ALTER TABLE "Story" DROP COLUMN "searchVector";
ALTER TABLE "Story" ADD COLUMN "searchVector" tsvector;

CREATE FUNCTION story_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english'::regconfig, coalesce(NEW."headline", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(NEW."dek", '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, jsonb_path_query_array(NEW."body", 'strict $.**.text')), 'C');
  RETURN NEW;
END
$$;

CREATE TRIGGER "Story_searchVector"
  BEFORE INSERT OR UPDATE OF "headline", "dek", "body" ON "Story"
  FOR EACH ROW EXECUTE FUNCTION story_search_vector();

-- Stories that exist already.
UPDATE "Story" SET "headline" = "headline";

CREATE INDEX "Story_searchVector_idx" ON "Story" USING GIN ("searchVector");
