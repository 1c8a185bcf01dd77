import type { TActionResult } from "@/lib/errors";
import type { TStoryContent } from "./schemas";
import type { TStatus } from "./workflow";

/**
 * The story as the editor (a browser) holds it between saves: plain data, dates
 * as ISO strings. One conversion from the server's rows (`toStoryMeta`,
 * `toSaved`) so the page, every save and every workflow step speak the same shape.
 */

type TDates<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** A story's workflow facts (who made it, its state, schedules, notes for the author). */
export type TStoryMeta = {
  status: TStatus;
  createdById: string;
  hasPending: boolean;
  scheduledAt: string | null;
  unpublishAt: string | null;
  embargoUntil: string | null;
  deskNote: string | null;
  notice: string | null;
};

/** What the editor learns after a save or a change of state. */
export type TSaved = Omit<TStoryMeta, "createdById"> & { id: string; slug: string; version: number; updatedAt: string };

/** The server's copy of a story, sent with a CONFLICT so the editor can compare. */
export type TServerCopy = TStoryContent & { version: number; status: string };

export type TSaveResult = TActionResult<TSaved> | (Extract<TActionResult<never>, { ok: false }> & { current?: TServerCopy });

/** A revision in the history panel. */
export type TRevisionItem = { number: number; kind: string; status: string; summary: string | null; at: string; author: string | null };

type TMetaRow = {
  status: string;
  hasPending: boolean;
  scheduledAt: Date | null;
  unpublishAt: Date | null;
  embargoUntil: Date | null;
  deskNote: string | null;
  notice: string | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The workflow facts of a stored story (or of a save's answer, with who made the story). */
export function toStoryMeta(row: TMetaRow | TDates<TMetaRow>, createdById: string): TStoryMeta {
  const date = (d: Date | string | null) => (d instanceof Date ? iso(d) : d);
  return {
    status: row.status as TStatus,
    createdById,
    hasPending: row.hasPending,
    scheduledAt: date(row.scheduledAt),
    unpublishAt: date(row.unpublishAt),
    embargoUntil: date(row.embargoUntil),
    deskNote: row.deskNote,
    notice: row.notice,
  };
}

/** A domain save's answer for the browser. */
export function toSaved(s: TMetaRow & { id: string; slug: string; version: number; updatedAt: Date }): TSaved {
  const { status, hasPending, scheduledAt, unpublishAt, embargoUntil, deskNote, notice } = toStoryMeta(s, "");
  return {
    status,
    hasPending,
    scheduledAt,
    unpublishAt,
    embargoUntil,
    deskNote,
    notice,
    id: s.id,
    slug: s.slug,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
  };
}
