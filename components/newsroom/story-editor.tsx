"use client";

import Link from "next/link";
import { useState } from "react";
import type { TActor } from "@/lib/auth/actor";
import { canEditInState, STATUS_LABEL } from "@/lib/stories/workflow";
import { slugify } from "@/lib/stories/slug";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ConflictPanel, EarlierText } from "./conflict-view";
import { CreditsPanel } from "./credits-panel";
import { HistoryPanel } from "./history-panel";
import { LeadPhotoPanel } from "./lead-photo-panel";
import { MediaCatalogProvider } from "./media-catalog";
import { MissingAltText } from "./missing-alt-text";
import { PresenceNote } from "./presence-note";
import { RichTextEditor } from "./rich-text-editor";
import { toDraft, type TEditorStory } from "./story-draft";
import { useAutosave, type TSaveState } from "./use-autosave";
import { useLeaveGuard } from "./use-leave-guard";
import { useRecoveredDraft } from "./use-local-draft";
import { useStorySteps } from "./use-story-steps";
import { WorkflowPanel } from "./workflow-panel";

const STATUS_TEXT: Record<TSaveState, string> = {
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved changes",
  offline: "Offline — retrying",
  conflict: "Conflict",
  error: "Not saved",
};

/**
 * The story form. Saving lives in use-autosave.ts (with the copy kept in this
 * browser, use-local-draft.ts), the other writes in use-story-steps.ts, the
 * leave-page prompt in use-leave-guard.ts and the conflict view in conflict-view.tsx.
 */
export function StoryEditor({
  story,
  sections,
  actor,
  timeZone,
  maxUploadBytes,
}: {
  story: TEditorStory;
  sections: { id: string; name: string }[];
  /** The signed-in person: what they may do is asked of the state machine. */
  actor: TActor;
  timeZone: string;
  maxUploadBytes: number;
}) {
  // Work left in this browser by a reload, a crash or a lost connection comes back.
  const recovered = useRecoveredDraft(story, actor);
  const {
    live,
    storyId,
    meta,
    setMeta,
    draft,
    update,
    save,
    saveState,
    message,
    setMessage,
    fieldErrors,
    setFieldErrors,
    conflict,
    mineAtConflict,
    dismissEarlierText,
    resolveConflict,
    replaceBody,
    hasUnsavedWork,
  } = useAutosave(story, recovered);
  useLeaveGuard(hasUnsavedWork);
  const { busy, credits, runAction, embargo, restore, discard, saveCredits } = useStorySteps({
    liveRef: live,
    saveState,
    initialCredits: story.credits,
    setMeta,
    setMessage,
    setFieldErrors,
  });
  const canEdit = canEditInState(actor, meta);
  const [slugTouched, setSlugTouched] = useState(story.everPublished || (story.id !== null && story.draft.slug !== slugify(story.draft.headline)));
  // Once readers have had its address, a story's slug no longer follows the headline (published here, without a reload).
  if (meta.status === "PUBLISHED" && !slugTouched) setSlugTouched(true);

  const statusId = "story-save-status";
  return (
    <MediaCatalogProvider initial={story.media} maxUploadBytes={maxUploadBytes}>
      <div className="flex flex-col gap-5">
        <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-ink/15 bg-paper/95 px-4 py-3">
          <p id={statusId} role="status" aria-live="polite" data-state={saveState} className="text-sm font-semibold">
            <span className={saveState === "saved" ? "text-green-800" : saveState === "conflict" || saveState === "error" ? "text-accent" : "text-ink/80"}>
              {STATUS_TEXT[saveState]}
            </span>
            <span className="ml-2 font-normal text-ink/60">
              · {STATUS_LABEL[meta.status]}
              {meta.hasPending ? " · unpublished changes" : ""}
              {meta.embargoUntil && new Date(meta.embargoUntil) > new Date() ? " · embargoed" : ""}
            </span>
          </p>
          <div className="ml-auto flex flex-wrap gap-2">
            {storyId && (
              <Link href={`/newsroom/stories/${storyId}/preview`} className="rounded border border-ink/30 px-3 py-2 text-sm font-semibold" target="_blank">
                Preview
              </Link>
            )}
            <Button
              variant="secondary"
              onClick={() => void save()}
              disabled={!canEdit || saveState === "saving" || saveState === "conflict"}
              aria-keyshortcuts="Control+S Meta+S"
            >
              Save
            </Button>
          </div>
          {message && (
            <p role="alert" className="w-full text-sm text-ink/80">
              {message}
            </p>
          )}
          <MissingAltText errors={fieldErrors} />
        </div>

        {storyId && <PresenceNote storyId={storyId} />}
        {!canEdit && (
          <p role="note" className="rounded border border-ink/20 bg-white p-3 text-sm">
            {meta.status === "ARCHIVED"
              ? "This story is archived: no one changes it unless an editor unarchives it."
              : meta.status === "IN_REVIEW"
                ? "This story is with the desk. Withdraw it to make changes."
                : "This story has left the draft stage, so changes now go through an editor. You can read it here; ask the desk for corrections."}
          </p>
        )}
        {storyId && (
          <WorkflowPanel
            actor={actor}
            meta={meta}
            timeZone={timeZone}
            busy={busy}
            dirty={saveState !== "saved"}
            canEdit={canEdit}
            onAction={runAction}
            onEmbargo={embargo}
            onDiscard={discard}
          />
        )}

        {conflict && mineAtConflict && (
          <ConflictPanel
            theirs={toDraft(conflict)}
            mine={mineAtConflict}
            onLoadTheirs={() => resolveConflict("theirs")}
            onKeepMine={() => resolveConflict("mine")}
          />
        )}
        {!conflict && mineAtConflict && <EarlierText mine={mineAtConflict} onDismiss={dismissEarlierText} />}

        <fieldset disabled={!canEdit} className="contents">
          <Field
            label="Headline"
            value={draft.headline}
            errors={fieldErrors.headline}
            onChange={(e) => update(slugTouched ? { headline: e.target.value } : { headline: e.target.value, slug: slugify(e.target.value) })}
            className="text-xl"
          />
          <Field label="Dek (subheadline)" value={draft.dek} errors={fieldErrors.dek} onChange={(e) => update({ dek: e.target.value })} />
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              label="Dateline"
              placeholder="BEIJING"
              value={draft.dateline}
              errors={fieldErrors.dateline}
              onChange={(e) => update({ dateline: e.target.value })}
            />
            <Field
              label="URL slug"
              value={draft.slug}
              errors={fieldErrors.slug}
              onChange={(e) => {
                setSlugTouched(true);
                update({ slug: e.target.value });
              }}
            />
            <div className="flex flex-col gap-1">
              <label htmlFor="story-section" className="text-sm font-semibold">
                Section
              </label>
              <select
                id="story-section"
                value={draft.sectionId}
                onChange={(e) => update({ sectionId: e.target.value })}
                className="rounded border border-ink/30 bg-white px-3 py-2"
              >
                <option value="">No section</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Field
            label="Tags (separated by commas)"
            placeholder="Border, trade talks"
            value={draft.tags}
            errors={fieldErrors.tags}
            onChange={(e) => update({ tags: e.target.value })}
          />
          <LeadPhotoPanel
            mediaId={draft.leadMediaId}
            caption={draft.leadCaption}
            errors={fieldErrors.leadMediaId ?? fieldErrors.media}
            onChange={(patch) => update(patch)}
          />
        </fieldset>
        {storyId ? (
          <CreditsPanel credits={credits} onSave={saveCredits} disabled={!canEdit || saveState === "conflict"} />
        ) : (
          <p className="text-sm text-ink/70">Credits can be added once the story has been saved (it saves itself as you type).</p>
        )}
        <div>
          <p className="mb-1 text-sm font-semibold" id="story-body-label">
            Story
          </p>
          {fieldErrors.body && (
            <p id="story-body-error" className="mb-1 text-sm text-accent">
              {fieldErrors.body.join(" ")}
            </p>
          )}
          <RichTextEditor
            editable={canEdit}
            initial={recovered?.draft.body ?? story.draft.body}
            replaceWith={replaceBody}
            onChange={(body) => update({ body })}
            describedBy={fieldErrors.body ? "story-body-error" : undefined}
          />
        </div>
        {storyId && <HistoryPanel storyId={storyId} timeZone={timeZone} canRestore={canEdit} onRestore={restore} />}
      </div>
    </MediaCatalogProvider>
  );
}
