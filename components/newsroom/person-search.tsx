"use client";

import { useEffect, useId, useRef, useState } from "react";
import { createPersonAction, searchPeopleAction } from "@/lib/actions/credits";
import type { TPersonOption } from "@/lib/people/queries";
import { Button } from "@/components/ui/button";

/** An accessible combobox: type a name, arrow through matches, Enter to credit. */
export function PersonSearch({ onPick, disabled }: { onPick: (p: TPersonOption) => void; disabled: boolean }) {
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<TPersonOption[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const id = useId();
  const request = useRef(0);

  useEffect(() => {
    const mine = ++request.current;
    const handle = setTimeout(async () => {
      try {
        const result = await searchPeopleAction(q);
        if (mine !== request.current) return;
        if (result.ok) {
          setOptions(result.data);
          setActive(0);
          setFailure(null);
        } else setFailure(result.error.message);
      } catch {
        if (mine === request.current) setFailure("The server could not be reached; try again in a moment.");
      }
    }, 200);
    return () => clearTimeout(handle);
  }, [q]);

  // "Add … as a new person" opens a short form (affiliation, bio) before crediting them.
  const [draft, setDraft] = useState<string | null>(null);
  const pick = (option: TPersonOption | "new") => {
    setOpen(false);
    if (option === "new") return setDraft(q.trim());
    onPick(option);
    setQ("");
  };
  const created = (person: TPersonOption) => {
    setDraft(null);
    setQ("");
    onPick(person);
  };
  const canCreate = q.trim().length > 0 && !options.some((o) => o.name.toLowerCase() === q.trim().toLowerCase());
  const count = options.length + (canCreate ? 1 : 0);

  return (
    <div className="relative flex flex-col text-sm">
      <label htmlFor={`${id}-input`} className="font-semibold">
        Credit someone
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open && count > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && count > 0 ? `${id}-opt-${active}` : undefined}
        value={q}
        disabled={disabled}
        placeholder="Type a name"
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, count - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && open && count > 0) {
            e.preventDefault();
            pick(active < options.length ? options[active]! : "new");
          } else if (e.key === "Escape") setOpen(false);
        }}
        className="w-64 rounded border border-ink/30 px-2 py-1"
      />
      {open && count > 0 && (
        <ul id={`${id}-list`} role="listbox" aria-label="People" className="absolute top-full z-20 mt-1 w-80 rounded border border-ink/30 bg-white shadow">
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
              className={`cursor-pointer px-3 py-2 ${i === active ? "bg-ink text-paper" : ""}`}
            >
              {o.name}
              {(o.title || o.affiliation) && <span className="opacity-70"> — {[o.title, o.affiliation].filter(Boolean).join(", ")}</span>}
            </li>
          ))}
          {canCreate && (
            <li
              id={`${id}-opt-${options.length}`}
              role="option"
              aria-selected={active === options.length}
              onMouseDown={(e) => {
                e.preventDefault();
                pick("new");
              }}
              className={`cursor-pointer px-3 py-2 ${active === options.length ? "bg-ink text-paper" : ""}`}
            >
              Add “{q.trim()}” as a new person
            </li>
          )}
        </ul>
      )}
      {failure && (
        <p role="alert" className="mt-1 text-accent">
          {failure}
        </p>
      )}
      {draft !== null && <NewPersonForm name={draft} onCreated={created} onCancel={() => setDraft(null)} />}
    </div>
  );
}

/**
 * A person added on the spot while crediting: their name, and the affiliation
 * and one-line bio readers will see (an admin can fill in the rest on People).
 */
function NewPersonForm({ name: initialName, onCreated, onCancel }: { name: string; onCreated: (p: TPersonOption) => void; onCancel: () => void }) {
  const [name, setName] = useState(initialName);
  const [affiliation, setAffiliation] = useState("");
  const [shortBio, setShortBio] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = async () => {
    setBusy(true);
    const result = await createPersonAction({ name, affiliation, shortBio }).catch(() => null);
    setBusy(false);
    if (!result) return setError("The server could not be reached; try again in a moment.");
    if (!result.ok) return setError(Object.values(result.error.fieldErrors ?? {}).flat()[0] ?? result.error.message);
    onCreated(result.data);
  };
  const field = "rounded border border-ink/30 px-2 py-1 font-normal";
  return (
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      className="mt-2 flex w-[28rem] max-w-full flex-col gap-2 rounded border border-ink/20 bg-ink/5 p-3"
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
        else if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <p id={`${id}-title`} className="font-semibold">
        New person
      </p>
      <label className="flex flex-col font-semibold">
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} className={field} />
      </label>
      <label className="flex flex-col font-semibold">
        Affiliation (optional)
        <input autoFocus value={affiliation} onChange={(e) => setAffiliation(e.target.value)} placeholder="The Washington Post" className={field} />
        <span className="font-normal text-ink/70">Another publication or agency: the credit line names it.</span>
      </label>
      <label className="flex flex-col font-semibold">
        One-line bio (optional)
        <input value={shortBio} onChange={(e) => setShortBio(e.target.value)} placeholder="is the bureau chief in Beijing" className={field} />
      </label>
      {error && (
        <p role="alert" className="text-accent">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button onClick={() => void submit()} disabled={busy || !name.trim()}>
          Add and credit
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
