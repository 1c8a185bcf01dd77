/**
 * The bench's database: stories of known shape, so its figures mean the same every run.
 * Search terms of known frequency (SEARCH_QUERIES): "economy" is in a quarter of the deks,
 * a headline's second word follows its first in one story of 56 (the phrase), and body words
 * carry a number (about 5,000 distinct terms); a headline ends in the story's number, so "4242" is in one.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { makeJpeg } from "../testing/images";

/** Searches the bench runs, with what each measures. */
export const SEARCH_QUERIES = [
  { name: "rare term (one story)", q: "4242" },
  { name: "common term (a quarter of all)", q: "economy" },
  { name: "phrase", q: '"border agreement"' },
] as const;

export const WORDS =
  "council harbor election minister border talks market budget school hospital river bridge festival police court weather storm energy prices workers union transit housing rent farmers village soldiers delegation agreement vote mayor museum teachers students rail airport ferry tariffs exports inflation rates bank climate drought flood wildfire coast island mountain city province capital".split(
    " ",
  );

/**
 * Seed a fresh, migrated database: `stories` full stories (twenty paragraphs, byline, a
 * contributor on every third, a lead image) and search-only stories (three paragraphs) up to
 * `searchStories` in all, and 50 images whose originals are written under `mediaDir`
 * (a page with broken images would not measure what readers get). Returns the bench
 * editor's id and how long it took.
 */
export async function seedBench(url: string, { stories, searchStories, mediaDir }: { stories: number; searchStories: number; mediaDir: string }) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const started = Date.now();
  const user = `bench-user-${randomBytes(4).toString("hex")}`;
  await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, 'Bench Editor', 'x', 'EDITOR', now())`, [
    user,
    `${user}@bench.invalid`,
  ]);
  await db.query(
    `INSERT INTO "Person" (id, name, slug, "shortBio", "updatedAt") SELECT 'bp' || g, 'Reporter ' || g, 'reporter-' || g, 'is reporter number ' || g, now() FROM generate_series(1, 200) g`,
  );
  mkdirSync(path.join(mediaDir, "originals", "bench"), { recursive: true });
  for (let g = 1; g <= 50; g++) writeFileSync(path.join(mediaDir, "originals", "bench", `${g}.jpg`), await makeJpeg(1600, 1000));
  await db.query(
    `INSERT INTO "Media" (id, "storageKey", filename, format, width, height, bytes, sha256, alt, caption, "creditText", source, "copyrightYear", "updatedAt")
     SELECT 'bm' || g, 'originals/bench/' || g || '.jpg', 'bench-' || g || '.jpg', 'jpeg', 1600, 1000, 250000, md5('bench' || g), 'A scene from story ' || g, 'Caption for image ' || g, 'Jane Roe', 'Agency', 2026, now() FROM generate_series(1, 50) g`,
  );
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(",")}]`;
  // Twenty paragraphs per full story, three for the search-only ones. Body words carry a number
  // (about 5,000 distinct terms), so a search matches some stories rather than every one.
  const paragraph = (n: string) =>
    `jsonb_build_object('type','paragraph','content', jsonb_build_array(jsonb_build_object('type','text','text',
      (SELECT string_agg((${words})[1 + ((g * 31 + ${n} * 17 + w * 7) % ${WORDS.length})] || ((g * 13 + ${n} * 5 + w * 11) % 97), ' ') FROM generate_series(1, 40) w) || '.')))`;
  const insertStories = async (from: number, to: number, paragraphs: number, withExtras: boolean) => {
    await db.query(
      `INSERT INTO "Story" (id, headline, dek, slug, dateline, body, "sectionId", status, version, "createdById", "createdAt", "updatedAt", "contentUpdatedAt", "firstPublishedAt", "publishedAt", "leadMediaId")
       SELECT 'bs' || g,
              initcap((${words})[1 + (g % ${WORDS.length})]) || ' ' || (${words})[1 + ((g * 7) % ${WORDS.length})] || ' ' || (${words})[1 + ((g * 13) % ${WORDS.length})] || ' update ' || g,
              (ARRAY['Report from the coast','News on the economy','Notes about the city','Word from parliament'])[1 + g % 4] || ', story ' || g,
              'bench-story-' || g,
              'BEIJING',
              jsonb_build_object('type','doc','content', (SELECT jsonb_agg(${paragraph("p")}) FROM generate_series(1, ${paragraphs}) p)),
              (ARRAY['section_news','section_world','section_business','section_science','section_sports','section_opinion'])[1 + (g % 6)],
              'PUBLISHED', 1, $1, now() - g * interval '1 minute', now(), now() - g * interval '1 minute', now() - g * interval '1 minute', now() - g * interval '1 minute',
              ${withExtras ? `'bm' || (1 + g % 50)` : "NULL"}
       FROM generate_series(${from}, ${to}) g`,
      [user],
    );
    if (!withExtras) return;
    await db.query(
      `INSERT INTO "StoryCredit" (id, "storyId", "personId", role, position) SELECT 'bc' || g, 'bs' || g, 'bp' || (1 + g % 200), 'BYLINE', 0 FROM generate_series(${from}, ${to}) g`,
    );
    await db.query(
      `INSERT INTO "StoryCredit" (id, "storyId", "personId", role, position, location) SELECT 'bk' || g, 'bs' || g, 'bp' || (1 + (g * 7) % 200), 'CONTRIBUTOR', 1, 'Beijing' FROM generate_series(${from}, ${to}) g WHERE g % 3 = 0`,
    );
    await db.query(`INSERT INTO "StoryMedia" ("storyId", "mediaId") SELECT 'bs' || g, 'bm' || (1 + g % 50) FROM generate_series(${from}, ${to}) g`);
  };
  for (let from = 1; from <= stories; from += 2000) await insertStories(from, Math.min(stories, from + 1999), 20, true);
  for (let from = stories + 1; from <= searchStories; from += 10_000) await insertStories(from, Math.min(searchStories, from + 9999), 3, false);
  // As a live database is after autovacuum: statistics, and pages marked all-visible (hint bits set).
  await db.query("VACUUM ANALYZE");
  await db.end();
  return { user, seconds: (Date.now() - started) / 1000 };
}
