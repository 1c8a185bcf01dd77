"use client";

import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { richTextExtensions } from "@/lib/richtext/extensions";
import { HouseStyle } from "@/lib/richtext/house-style";
import { countWords } from "@/lib/richtext/text";
import type { TRichDoc } from "@/lib/richtext/types";
import { MediaImageWithView } from "./media-image-view";
import { LinkForm } from "./link-form";
import { MediaPicker } from "./media-picker";

/** The shared extension list, with the body image drawn by its editor view. */
const editorExtensions = [...richTextExtensions.map((ext) => (ext.name === MediaImageWithView.name ? MediaImageWithView : ext)), HouseStyle];

/**
 * The house style (curly quotes, em dashes) is on unless this browser's
 * writer turned it off with the toolbar's toggle; the choice is remembered.
 */
const HOUSE_STYLE_KEY = "newsroom:house-style";
const houseStyleChosen = () => {
  try {
    return localStorage.getItem(HOUSE_STYLE_KEY) !== "off";
  } catch {
    return true;
  }
};

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

type TButton = {
  label: string;
  shortcut: string;
  run: (e: Editor) => void;
  active?: (e: Editor) => boolean;
  enabled?: (e: Editor) => boolean;
  text: string;
};

/** The toolbar: each button says what it does and its shortcut, and toggles report their state. */
const BUTTONS: TButton[] = [
  { label: "Bold", shortcut: "Mod+B", text: "B", run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive("bold") },
  { label: "Italic", shortcut: "Mod+I", text: "I", run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive("italic") },
  { label: "Code", shortcut: "Mod+E", text: "</>", run: (e) => e.chain().focus().toggleCode().run(), active: (e) => e.isActive("code") },
  {
    label: "Heading 2",
    shortcut: "Mod+Alt+2",
    text: "H2",
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    active: (e) => e.isActive("heading", { level: 2 }),
  },
  {
    label: "Heading 3",
    shortcut: "Mod+Alt+3",
    text: "H3",
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    active: (e) => e.isActive("heading", { level: 3 }),
  },
  {
    label: "Bulleted list",
    shortcut: "Mod+Shift+8",
    text: "• List",
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive("bulletList"),
  },
  {
    label: "Numbered list",
    shortcut: "Mod+Shift+7",
    text: "1. List",
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive("orderedList"),
  },
  { label: "Quote", shortcut: "Mod+Shift+B", text: "“ Quote", run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive("blockquote") },
  { label: "Horizontal rule", shortcut: "", text: "—", run: (e) => e.chain().focus().setHorizontalRule().run() },
  { label: "Undo", shortcut: "Mod+Z", text: "↶", run: (e) => e.chain().focus().undo().run(), enabled: (e) => e.can().undo() },
  { label: "Redo", shortcut: "Mod+Shift+Z", text: "↷", run: (e) => e.chain().focus().redo().run(), enabled: (e) => e.can().redo() },
];

const shortcutText = (s: string) => s.replace("Mod", isMac() ? "⌘" : "Ctrl");

/**
 * The story body: Tiptap with the newsroom's extension list. Pasted HTML is read
 * through the same schema, so structure survives and styles, classes, scripts
 * and foreign tags do not.
 */
export function RichTextEditor({
  editable = true,
  initial,
  onChange,
  replaceWith,
  describedBy,
  label = "Story body",
  compact = false,
}: {
  editable?: boolean;
  initial: TRichDoc;
  onChange: (doc: TRichDoc) => void;
  /** Set to replace the content (loading another version); compared by identity. */
  replaceWith?: TRichDoc | null;
  describedBy?: string;
  /** The text box's accessible name. */
  label?: string;
  /** A shorter box (a live entry, not a whole story). */
  compact?: boolean;
}) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const [linkOpen, setLinkOpen] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [houseStyle, setHouseStyle] = useState(houseStyleChosen);

  const editor = useEditor({
    extensions: editorExtensions,
    content: initial,
    editable,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        "aria-label": label,
        "aria-multiline": "true",
        role: "textbox",
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        class: `story-body ${compact ? "min-h-[140px]" : "min-h-[320px]"} rounded-b border border-t-0 border-ink/30 bg-white px-5 py-4 focus:outline-none`,
      },
      handleKeyDown: (_view, event) => {
        if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    },
    // ProseMirror builds attrs as null-prototype objects, which a server action
    // cannot receive as data; a JSON round trip makes them plain.
    onUpdate: ({ editor: e }) => onChangeRef.current(JSON.parse(JSON.stringify(e.getJSON())) as TRichDoc),
  });

  // The house style's rules read this switch on every keystroke and paste.
  useEffect(() => {
    editor?.commands.setHouseStyle(houseStyle);
  }, [editor, houseStyle]);

  useEffect(() => {
    if (editor && replaceWith) editor.commands.setContent(replaceWith, { emitUpdate: false });
  }, [editor, replaceWith]);

  // Submitting, publishing or archiving can make the text read-only while the page is open.
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            active: BUTTONS.map((b) => b.active?.(e) ?? null),
            enabled: BUTTONS.map((b) => b.enabled?.(e) ?? true),
            link: e.isActive("link") ? String(e.getAttributes("link").href ?? "") : null,
            words: countWords(e.getText({ blockSeparator: "\n" })),
          }
        : null,
  });

  // Until the first change the subscribed state can lag the loaded text: count it directly then.
  const words = state?.words || (editor ? countWords(editor.getText({ blockSeparator: "\n" })) : 0);
  return (
    <div>
      <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1 rounded-t border border-ink/30 bg-ink/5 p-1">
        {BUTTONS.map((b, i) => (
          <button
            key={b.label}
            type="button"
            aria-label={b.label}
            title={b.shortcut ? `${b.label} (${shortcutText(b.shortcut)})` : b.label}
            aria-keyshortcuts={b.shortcut ? b.shortcut.replace("Mod", isMac() ? "Meta" : "Control") : undefined}
            aria-pressed={b.active ? Boolean(state?.active[i]) : undefined}
            disabled={!editor || !editable || state?.enabled[i] === false}
            // Keep the focus and selection in the text: a click formats, it does not move the caret.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => editor && b.run(editor)}
            className="min-w-9 rounded px-2 py-1 text-sm font-semibold hover:bg-ink/10 disabled:opacity-40 aria-pressed:bg-ink aria-pressed:text-paper"
          >
            {b.text}
          </button>
        ))}
        <button
          type="button"
          aria-label="Link"
          title={`Link (${shortcutText("Mod+K")})`}
          aria-keyshortcuts={isMac() ? "Meta+K" : "Control+K"}
          aria-pressed={state?.link !== null && state?.link !== undefined}
          aria-expanded={linkOpen}
          disabled={!editor || !editable}
          onClick={() => setLinkOpen((open) => !open)}
          className="rounded px-2 py-1 text-sm font-semibold underline hover:bg-ink/10 aria-pressed:bg-ink aria-pressed:text-paper"
        >
          Link
        </button>
        <button
          type="button"
          aria-label="Insert image"
          title="Insert an image from the library"
          aria-haspopup="dialog"
          disabled={!editor || !editable}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setPickerOpen(true)}
          className="rounded px-2 py-1 text-sm font-semibold hover:bg-ink/10 disabled:opacity-40"
        >
          Image
        </button>
        <button
          type="button"
          aria-label="House style quotes and dashes"
          aria-pressed={houseStyle}
          title="House style: “curly quotes” and em dashes (—) as you type and paste; URLs and code are left alone"
          disabled={!editor || !editable}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            const next = !houseStyle;
            setHouseStyle(next);
            try {
              localStorage.setItem(HOUSE_STYLE_KEY, next ? "on" : "off");
            } catch {
              // Private windows may refuse storage: the choice lasts for this page.
            }
          }}
          className="rounded px-2 py-1 text-sm font-semibold hover:bg-ink/10 disabled:opacity-40 aria-pressed:bg-ink aria-pressed:text-paper"
        >
          House style “ ” —
        </button>
        <span className="ml-auto self-center px-2 text-sm text-ink/70" aria-live="polite">
          {words} {words === 1 ? "word" : "words"}
        </span>
      </div>
      {linkOpen && editor && <LinkForm editor={editor} current={state?.link ?? ""} onClose={() => setLinkOpen(false)} />}
      {pickerOpen && editor && (
        <MediaPicker
          title="Insert an image"
          onPick={(item) =>
            editor
              .chain()
              .focus()
              .insertContent({ type: MediaImageWithView.name, attrs: { mediaId: item.id } })
              .run()
          }
          onClose={() => setPickerOpen(false)}
        />
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
