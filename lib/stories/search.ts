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

/**
 * Search published stories with PostgreSQL full-text search: English stemming,
 * phrases, `-exclusions` and `or` (websearch_to_tsquery, which never rejects
 * input), headline weighted above dek above body, newer stories ahead when the
 * text matches about as well. Embargoed and unpublished stories never match.
 */
export async function searchStories(rawQuery: string, page = 1): Promise<{ query: string; hits: TSearchHit[]; total: number; page: number; pages: number }> {
  const query = ZSearchQuery.parse(rawQuery);
  if (!query) return { query, hits: [], total: 0, page: 1, pages: 1 };
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const [counted] = await prisma.$queryRaw<{ count: bigint }[]>`
    SELECT count(*)::bigint AS count FROM "Story"
    WHERE "searchVector" @@ websearch_to_tsquery('english', ${query})
      AND status = 'PUBLISHED' AND ("embargoUntil" IS NULL OR "embargoUntil" <= now())`;
  const total = Number(counted?.count ?? 0);
  if (!total) return { query, hits: [], total, page, pages: 1 };
  const rows = await prisma.$queryRaw<(Omit<TSearchHit, "snippet"> & { body_text: string })[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS q),
    ranked AS (
      SELECT s.id, s.slug, s.headline, s.dek, s."publishedAt", s."sectionId", s.body,
             ts_rank_cd(s."searchVector", q.q, 32) / (1 + EXTRACT(EPOCH FROM (now() - coalesce(s."publishedAt", now()))) / (86400 * 30)) AS score
      FROM "Story" s, q
      WHERE s."searchVector" @@ q.q AND s.status = 'PUBLISHED' AND (s."embargoUntil" IS NULL OR s."embargoUntil" <= now())
      ORDER BY score DESC, s."publishedAt" DESC, s.id
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
    )
    SELECT r.id, r.slug, r.headline, r.dek, r."publishedAt" AS "publishedAt", sec.name AS section,
           ts_headline('english',
             coalesce(r.dek, '') || ' ' || array_to_string(ARRAY(SELECT jsonb_array_elements_text(jsonb_path_query_array(r.body, 'strict $.**.text'))), ' '),
             (SELECT q FROM q),
             ${`StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) AS body_text
    FROM ranked r LEFT JOIN "Section" sec ON sec.id = r."sectionId"
    ORDER BY r.score DESC, r."publishedAt" DESC, r.id`;
  return {
    query,
    hits: rows.map(({ body_text, ...r }) => ({ ...r, snippet: body_text })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
  };
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
