"use client";

import { useId, useState } from "react";
import type { TPersonOption } from "@/lib/people/queries";
import { Button } from "@/components/ui/button";
import { OptionList } from "@/components/ui/option-list";
import { additionalReportingLine, bioSentence, bylineText, contributorLine, visualsLine } from "@/lib/credits/format";
import { CREDIT_ROLES, type TCreditRole } from "@/lib/credits/schemas";
import { PersonSearch } from "./person-search";
import { usePublicationName } from "./publication";

export type TEditorCredit = { person: TPersonOption; role: TCreditRole; location: string | null; override: string | null };

export const ROLE_LABEL: Record<TCreditRole, string> = {
  BYLINE: "Byline",
  CONTRIBUTOR: "Contributed to this report",
  ADDITIONAL_REPORTING: "Additional reporting",
  PHOTOGRAPHER: "Photographer",
  GRAPHICS: "Graphics",
  EDITOR: "Editor (internal)",
};

/**
 * Who is credited on the story, in order. Each change is saved at once through
 * `onSave` (which carries the story's version); the preview shows the lines
 * exactly as readers will read them.
 */
export function CreditsPanel({
  credits,
  onSave,
  disabled,
}: {
  credits: TEditorCredit[];
  onSave: (next: TEditorCredit[]) => Promise<string | null>;
  disabled: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [role, setRole] = useState<TCreditRole>("BYLINE");
  const [location, setLocation] = useState("");
  const [override, setOverride] = useState("");
  const ids = useId();
  const ownName = usePublicationName();

  const save = async (next: TEditorCredit[]) => {
    setBusy(true);
    setError(await onSave(next));
    setBusy(false);
  };
  const move = (i: number, by: number) => {
    const next = [...credits];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    void save(next);
  };
  const add = (person: TPersonOption) => {
    if (credits.some((c) => c.person.id === person.id && c.role === role)) {
      setError(`${person.name} already has the ${ROLE_LABEL[role].toLowerCase()} credit.`);
      return;
    }
    void save([...credits, { person, role, location: location.trim() || null, override: override.trim() || null }]);
    setLocation("");
    setOverride("");
  };

  const of = (r: TCreditRole) => credits.filter((c) => c.role === r);
  // The same wording as the story page (components/site/story-credits.tsx).
  const worded = (r: TCreditRole) => of(r).filter((c) => !c.override);
  const located = (r: TCreditRole) => worded(r).map((c) => ({ name: c.person.name, location: c.location, affiliation: c.person.affiliation }));
  const preview = [
    bylineText(of("BYLINE").map((c) => c.person.name)),
    contributorLine(located("CONTRIBUTOR"), ownName),
    additionalReportingLine(located("ADDITIONAL_REPORTING"), ownName),
    visualsLine(
      "Photographs",
      worded("PHOTOGRAPHER").map((c) => c.person.name),
    ),
    visualsLine(
      "Graphics",
      worded("GRAPHICS").map((c) => c.person.name),
    ),
    ...credits.filter((c) => c.role !== "BYLINE" && c.role !== "EDITOR" && c.override).map((c) => c.override!),
    ...of("BYLINE").map((c) => bioSentence(c.person.name, c.person.shortBio)),
  ].filter(Boolean);

  return (
    <section aria-labelledby={`${ids}-heading`} className="rounded border border-ink/20 bg-white p-4">
      <h2 id={`${ids}-heading`} className="font-semibold">
        Credits
      </h2>
      {credits.length === 0 ? (
        <p className="mt-2 text-sm text-ink/70">Nobody is credited yet. Stories need at least one byline to be published.</p>
      ) : (
        <ol className="mt-2 divide-y divide-ink/10" aria-label="Credited people">
          {credits.map((c, i) => (
            <li key={`${c.person.id}-${c.role}`} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <span className="font-semibold">{c.person.name}</span>
              <span className="text-ink/70">
                {ROLE_LABEL[c.role]}
                {c.location ? ` · in ${c.location}` : ""}
                {c.override ? ` · “${c.override}”` : ""}
              </span>
              <span className="ml-auto flex gap-1">
                <Button
                  variant="secondary"
                  aria-label={`Move ${c.person.name} (${ROLE_LABEL[c.role]}) up`}
                  disabled={disabled || busy || i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </Button>
                <Button
                  variant="secondary"
                  aria-label={`Move ${c.person.name} (${ROLE_LABEL[c.role]}) down`}
                  disabled={disabled || busy || i === credits.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </Button>
                <Button
                  variant="secondary"
                  aria-label={`Remove ${c.person.name} (${ROLE_LABEL[c.role]})`}
                  disabled={disabled || busy}
                  onClick={() => void save(credits.filter((_, j) => j !== i))}
                >
                  Remove
                </Button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {!disabled && (
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm font-semibold">
            Role
            <select value={role} onChange={(e) => setRole(e.target.value as TCreditRole)} className="rounded border border-ink/30 px-2 py-1 font-normal">
              <OptionList values={CREDIT_ROLES} labels={ROLE_LABEL} />
            </select>
          </label>
          <label className="flex flex-col text-sm font-semibold">
            Location (optional)
            <input
              value={location}
              onChange={(e) => setLocation(e.target.value)}
              placeholder="Beijing"
              className="w-40 rounded border border-ink/30 px-2 py-1 font-normal"
            />
          </label>
          <label className="flex flex-col text-sm font-semibold">
            Own wording (optional)
            <input
              value={override}
              onChange={(e) => setOverride(e.target.value)}
              placeholder="Replaces the generated line"
              className="w-56 rounded border border-ink/30 px-2 py-1 font-normal"
            />
          </label>
          <PersonSearch onPick={add} disabled={busy} />
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-accent">
          {error}
        </p>
      )}
      {preview.length > 0 && (
        <div className="mt-4 border-t border-ink/10 pt-3">
          <h3 className="text-sm font-semibold">As readers will see it</h3>
          <div data-testid="credits-preview" className="mt-1 font-serif text-sm">
            {preview.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
