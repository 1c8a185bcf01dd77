import { Extension, InputRule } from "@tiptap/core";
import { Fragment, Slice, type Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { smartenRuns, typedReplacement, type TTextRun } from "./typography";

/**
 * The house style in the editor: curly quotes and em dashes as one types and
 * in pasted copy (lib/richtext/typography.ts has the rules). Code keeps its
 * characters (Tiptap runs no input rule in code; pasted code-marked text is
 * skipped), and so do URLs and link addresses (attributes are never text).
 * The extension adds no node or mark, so the schema the server validates
 * against is the same with it or without it.
 *
 * Not Tiptap's own Typography extension: its current release pins
 * @tiptap/core to an older exact version, converts "--" inside typed URLs,
 * and does not touch pasted text; it also turns 1/2, (c) and -> into symbols,
 * which is no house style of ours.
 */
export type THouseStyleStorage = {
  /** Read on every keystroke and paste: the editor's toggle turns the house style off without rebuilding the editor. */
  enabled: boolean;
};

declare module "@tiptap/core" {
  interface Storage {
    houseStyle: THouseStyleStorage;
  }
  interface Commands<ReturnType> {
    houseStyle: {
      /** Turn the house style on or off for what is typed and pasted from now on. */
      setHouseStyle: (enabled: boolean) => ReturnType;
    };
  }
}

/** A link whose text is an address ("example.com/a--b") is left as typed. */
const isAddressText = (node: PMNode) => node.marks.some((m) => m.type.name === "link") && /^\S+$/.test(node.text ?? "") && /[./:@]/.test(node.text ?? "");

/** A block's inline content in house style: text nodes rewritten, their marks kept; code, images and breaks untouched. */
function smartenInline(content: Fragment): Fragment {
  const runs: TTextRun[] = [];
  content.forEach((child) => {
    if (child.isText) runs.push({ text: child.text!, protected: child.marks.some((m) => m.type.spec.code) || isAddressText(child) });
    else runs.push({ text: "\n", protected: true }); // a break or an image: a word boundary
  });
  const texts = smartenRuns(runs);
  const children: PMNode[] = [];
  content.forEach((child, _offset, i) => {
    children.push(child.isText && texts[i] !== child.text ? child.type.schema.text(texts[i]!, child.marks) : child);
  });
  return Fragment.from(children);
}

/** Every textblock in a pasted fragment, except code blocks, in house style. */
export function smartenFragment(fragment: Fragment): Fragment {
  let inline = false;
  fragment.forEach((child) => {
    if (child.isInline) inline = true;
  });
  if (inline) return smartenInline(fragment);
  const children: PMNode[] = [];
  fragment.forEach((child) => {
    if (child.isTextblock && !child.type.spec.code) children.push(child.copy(smartenInline(child.content)));
    else if (!child.isLeaf && !child.type.spec.code) children.push(child.copy(smartenFragment(child.content)));
    else children.push(child);
  });
  return Fragment.from(children);
}

export const HouseStyle = Extension.create<object, THouseStyleStorage>({
  name: "houseStyle",

  addStorage() {
    return { enabled: true };
  },

  addCommands() {
    return {
      setHouseStyle: (enabled) => () => {
        this.storage.enabled = enabled;
        return true;
      },
    };
  },

  addInputRules() {
    const storage = this.storage;
    const enabled = () => storage.enabled;
    return [
      new InputRule({
        find: (text) => {
          const found = enabled() ? typedReplacement(text) : null;
          return found ? { index: text.length - found.text.length, text: found.text, data: { replaceWith: found.replaceWith } } : null;
        },
        // Backspace right after undoes it (Tiptap's undoInputRule): the straight character comes back.
        handler: ({ state, range, match }) => {
          state.tr.insertText(String(match.data?.replaceWith), range.from, range.to);
        },
      }),
    ];
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    const enabled = () => storage.enabled;
    return [
      new Plugin({
        key: new PluginKey("houseStylePaste"),
        props: {
          transformPasted: (slice) => (enabled() ? new Slice(smartenFragment(slice.content), slice.openStart, slice.openEnd) : slice),
        },
      }),
    ];
  },
});
