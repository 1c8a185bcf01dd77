"use client";

import type { Editor } from "@tiptap/react";
import { useId, useState } from "react";
import { isSafeHref } from "@/lib/richtext/href";

/** The toolbar's link form: set, change or remove the selection's link; only addresses the server accepts. */
export function LinkForm({ editor, current, onClose }: { editor: Editor; current: string; onClose: () => void }) {
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const apply = () => {
    const value = href.trim();
    if (!value) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return onClose();
    }
    const withScheme = /^[a-z][a-z0-9+.-]*:|^[/#?.]/i.test(value) ? value : `https://${value}`;
    if (!isSafeHref(withScheme)) return setError("Use a web address (https://…), an email link (mailto:…) or a path on this site.");
    // Link the selection, then put the caret after it, as word processors do.
    const chain = editor.chain().focus().extendMarkRange("link").setLink({ href: withScheme });
    chain.setTextSelection(editor.state.selection.to).run();
    onClose();
  };
  return (
    <div className="flex flex-wrap items-end gap-2 border-x border-ink/30 bg-white px-3 py-2">
      <div className="flex flex-col">
        <label htmlFor={id} className="text-sm font-semibold">
          Link address
        </label>
        <input
          id={id}
          autoFocus
          value={href}
          onChange={(e) => {
            setHref(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              apply();
            } else if (e.key === "Escape") {
              onClose();
              editor.commands.focus();
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="w-80 rounded border border-ink/30 px-2 py-1"
          placeholder="https://"
        />
      </div>
      <button type="button" onClick={apply} className="rounded bg-ink px-3 py-1 text-sm font-semibold text-paper">
        Apply link
      </button>
      {current && (
        <button
          type="button"
          onClick={() => {
            editor.chain().focus().extendMarkRange("link").unsetLink().run();
            onClose();
          }}
          className="rounded border border-ink/30 px-3 py-1 text-sm"
        >
          Remove link
        </button>
      )}
      <button type="button" onClick={onClose} className="rounded px-3 py-1 text-sm">
        Cancel
      </button>
      {error && (
        <p id={`${id}-error`} role="alert" className="w-full text-sm text-accent">
          {error}
        </p>
      )}
    </div>
  );
}
