import { useState } from "react";
import type { TActor } from "@/lib/auth/actor";
import { canEditInState } from "@/lib/stories/workflow";
import { sameDraft, type TDraft, type TEditorStory } from "./story-draft";

/** Unsaved work is also kept in this browser, so a reload or a crash loses nothing. */
const storageKey = (id: string | null) => `newsroom:story-draft:${id ?? "new"}`;
export type TStored = { baseVersion: number | null; draft: TDraft; at: number };

function readStored(id: string | null): TStored | null {
  try {
    const raw = localStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as TStored) : null;
  } catch {
    return null;
  }
}

/**
 * Work left in this browser by a reload, a crash or a lost connection, read once
 * before the first render (this runs only in the browser: see story-editor-loader.tsx).
 * Null when there is none, it matches the saved story, or the actor may not edit it.
 */
export function useRecoveredDraft(story: Pick<TEditorStory, "id" | "meta" | "draft">, actor: TActor): TStored | null {
  const [recovered] = useState(() => {
    if (!canEditInState(actor, story.meta)) return null;
    const stored = readStored(story.id);
    // Work kept by an older editor may lack newer fields: those keep the saved values.
    const merged = stored ? { ...stored, draft: { ...story.draft, ...stored.draft } } : null;
    return merged && !sameDraft(merged.draft, story.draft) ? merged : null;
  });
  return recovered;
}

export function keepLocalDraft(id: string | null, baseVersion: number | null, draft: TDraft) {
  try {
    localStorage.setItem(storageKey(id), JSON.stringify({ baseVersion, draft, at: Date.now() } satisfies TStored));
  } catch {
    // Storage full or blocked: the text is still in the page and will be saved.
  }
}

export function forgetLocalDraft(id: string | null) {
  localStorage.removeItem(storageKey(id));
}
