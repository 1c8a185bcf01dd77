import { useState } from "react";
import { EMPTY_DOC, type TRichDoc } from "@/lib/richtext/types";

type TPerson = { id: string; name: string };

function readDraft(key: string): { fields?: Partial<{ headline: string; authorId: string; keyEvent: boolean }>; body?: TRichDoc } | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

/** The new entry's fields and text, kept in this browser until posted (a reload or a crash loses nothing). Browser only (it reads localStorage as it starts): see Composer in live-desk.tsx. */
export function useLiveDraft(key: string, people: TPerson[], defaultAuthor: string | null) {
  const empty = { headline: "", authorId: defaultAuthor && people.some((p) => p.id === defaultAuthor) ? defaultAuthor : "", keyEvent: false };
  const [saved] = useState(() => readDraft(key));
  const [fields, setFields] = useState({ ...empty, ...saved?.fields });
  const [body, setBody] = useState<TRichDoc>(saved?.body ?? EMPTY_DOC);
  const [replaceWith, setReplaceWith] = useState<TRichDoc | null>(null);
  const keep = (next: { fields?: typeof fields; body?: TRichDoc }) => {
    try {
      localStorage.setItem(key, JSON.stringify({ fields: next.fields ?? fields, body: next.body ?? body }));
    } catch {
      /* storage full or off: the form still has it */
    }
  };
  return {
    fields,
    body,
    replaceWith,
    setFields: (patch: Partial<typeof fields>) => {
      const next = { ...fields, ...patch };
      setFields(next);
      keep({ fields: next });
    },
    setBody: (doc: TRichDoc) => {
      setBody(doc);
      keep({ body: doc });
    },
    clear: () => {
      localStorage.removeItem(key);
      setFields(empty);
      setBody(EMPTY_DOC);
      setReplaceWith({ ...EMPTY_DOC });
    },
  };
}
