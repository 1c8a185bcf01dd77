"use client";

import { Button } from "@/components/ui/button";
import { plainText } from "@/lib/richtext/text";
import type { TDraft } from "./story-draft";

/**
 * What the editor shows when someone else saved the story first: both versions
 * side by side until the writer chooses, then their own text to copy back from.
 */

function copyText(d: TDraft) {
  return [d.headline, d.dek, d.dateline ? `${d.dateline.toUpperCase()} —` : "", plainText(d.body), d.tags ? `Tags: ${d.tags}` : ""]
    .filter(Boolean)
    .join("\n\n");
}

export function ConflictPanel({ theirs, mine, onLoadTheirs, onKeepMine }: { theirs: TDraft; mine: TDraft; onLoadTheirs: () => void; onKeepMine: () => void }) {
  return (
    <section aria-labelledby="conflict-heading" className="rounded border-2 border-accent bg-white p-4">
      <h2 id="conflict-heading" className="text-lg font-semibold">
        Someone else saved this story while you were editing
      </h2>
      <p className="mt-1 text-sm text-ink/80">Nothing is lost. Compare the two versions, then choose. Their text is never replaced unless you say so.</p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold">Their saved version</h3>
          <pre data-testid="conflict-theirs" className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-ink/5 p-2 font-serif text-sm">
            {copyText(theirs)}
          </pre>
        </div>
        <div>
          <h3 className="text-sm font-semibold">Your version</h3>
          <pre data-testid="conflict-mine" className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-ink/5 p-2 font-serif text-sm">
            {copyText(mine)}
          </pre>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(copyText(mine))}>
          Copy my text
        </Button>
        <Button variant="secondary" onClick={onLoadTheirs}>
          Load their version
        </Button>
        <Button onClick={onKeepMine}>Replace theirs with mine</Button>
      </div>
    </section>
  );
}

export function EarlierText({ mine, onDismiss }: { mine: TDraft; onDismiss: () => void }) {
  return (
    <section aria-labelledby="earlier-heading" className="rounded border border-ink/20 bg-white p-4">
      <h2 id="earlier-heading" className="text-sm font-semibold">
        Your earlier text
      </h2>
      <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-ink/5 p-2 font-serif text-sm">{copyText(mine)}</pre>
      <div className="mt-2 flex gap-2">
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(copyText(mine))}>
          Copy my text
        </Button>
        <Button variant="secondary" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </section>
  );
}
