import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";

export const SEARCH_PAGE_SIZE = 20;
/** Marks around matched words in snippets: control characters no story text contains (see `splitHighlights`). */
const START = "\u0002";
const STOP = "\u0003";

/** What readers may type: any text (treated as words, never as syntax), at most 200 characters. */
export const ZSearchQuery = z
  .string()
  .transform((q) =>
    [...q]
      .map((c) => (c.charCodeAt(0) < 32 ? " " : c))
      .join("")
      .trim()
      .slice(0, 200),
  )
  .catch("");

export type TSearchHit = { id: string; slug: string; headline: string; dek: string | null; publishedAt: Date | null; section: string | null; snippet: string };

/** Snippets come from the dek and this much of the body's start (about six paragraphs): ts_headline's cost grows with the text. */
const SNIPPET_SOURCE_CHARS = 4000;
/** Results beyond this many are not counted or listed: a reader narrows the search instead. */
export const SEARCH_MAX_HITS = 1000;

/**
 * Search published stories with PostgreSQL full-text search: English stemming,
 * phrases, `-exclusions` and `or` (websearch_to_tsquery, which never rejects
 * input). Stories with every word in the headline come first, then those with them
 * in the headline and dek, then the rest; newest first within each. Embargoed and
 * unpublished stories never match.
 *
 * It reads "StorySearch" (one narrow row per published story, see its migration):
 * matching uses the GIN index over the full vector, ranking only the two small
 * vectors kept in the row, so a term in a quarter of 100,000 stories orders them all
 * without reading their bodies (ts_rank_cd over the same rows cost 29 of 44 ms).
 * Snippets (ts_headline) are made for the page shown only. `total` stops counting
 * at SEARCH_MAX_HITS + 1 (`capped`).
 */
export async function searchStories(
  rawQuery: string,
  page = 1,
): Promise<{ query: string; hits: TSearchHit[]; total: number; capped: boolean; page: number; pages: number }> {
  const query = ZSearchQuery.parse(rawQuery);
  if (!query) return { query, hits: [], total: 0, capped: false, page: 1, pages: 1 };
  const lastPage = Math.ceil(SEARCH_MAX_HITS / SEARCH_PAGE_SIZE);
  const wanted = Math.min(Math.max(1, page), lastPage);
  let [found, rows] = await countAndPage(query, wanted);
  const capped = found > SEARCH_MAX_HITS;
  const total = Math.min(found, SEARCH_MAX_HITS);
  const pages = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  // A page past the last (an old link, a hand-made URL) shows the last one.
  if (wanted > pages && total > 0) [found, rows] = await countAndPage(query, pages);
  return { query, hits: rows.map(({ body_text, ...r }) => ({ ...r, snippet: body_text })), total, capped, page: Math.min(wanted, pages), pages };
}

type TRow = Omit<TSearchHit, "snippet"> & { body_text: string };

/**
 * How many stories match (up to SEARCH_MAX_HITS + 1) and one page of them, in one
 * transaction. The query is written out (not a CTE) in each place, so the planner
 * sees it; and a sequential scan is ruled out: the planner prices `@@` on a row as
 * cheap, not knowing the vector must be fetched from out of line, and chose one for
 * common terms (0.7 s where the index takes 40 ms).
 */
async function countAndPage(query: string, page: number): Promise<[number, TRow[]]> {
  const [, counted, rows] = await prisma.$transaction([
    prisma.$executeRaw`SET LOCAL enable_seqscan = off`,
    prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*)::bigint AS count FROM (
        SELECT 1 FROM "StorySearch"
        WHERE "searchVector" @@ websearch_to_tsquery('english', ${query}) AND ("embargoUntil" IS NULL OR "embargoUntil" <= now())
        LIMIT ${SEARCH_MAX_HITS + 1}
      ) m`,
    prisma.$queryRaw<TRow[]>`
      WITH ranked AS (
        SELECT m."storyId", m."publishedAt",
               (m."headlineVector" @@ websearch_to_tsquery('english', ${query}))::int
                 + (m."summaryVector" @@ websearch_to_tsquery('english', ${query}))::int AS tier
        FROM "StorySearch" m
        WHERE m."searchVector" @@ websearch_to_tsquery('english', ${query}) AND (m."embargoUntil" IS NULL OR m."embargoUntil" <= now())
        ORDER BY tier DESC, m."publishedAt" DESC, m."storyId"
        LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}
      )
      SELECT s.id, s.slug, s.headline, s.dek, s."publishedAt" AS "publishedAt", sec.name AS section,
             ts_headline('english',
               coalesce(s.dek, '') || ' ' || left(array_to_string(ARRAY(SELECT jsonb_array_elements_text(jsonb_path_query_array(s.body, 'strict $.**.text'))), ' '), ${SNIPPET_SOURCE_CHARS}),
               websearch_to_tsquery('english', ${query}),
               ${`StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) AS body_text
      FROM ranked r JOIN "Story" s ON s.id = r."storyId" LEFT JOIN "Section" sec ON sec.id = s."sectionId"
      ORDER BY r.tier DESC, r."publishedAt" DESC, r."storyId"`,
  ]);
  return [Number(counted[0]?.count ?? 0), rows];
}

/** A snippet split into plain text and highlighted words, for rendering without raw HTML. */
export function splitHighlights(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  let text = "";
  for (const c of snippet) {
    if (c !== START && c !== STOP) {
      text += c;
      continue;
    }
    if (text) parts.push({ text, match });
    text = "";
    match = c === START;
  }
  if (text) parts.push({ text, match });
  return parts;
}
