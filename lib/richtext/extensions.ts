import StarterKit from "@tiptap/starter-kit";
import { isSafeHref } from "./href";
import { MediaImage } from "./media-node";

/**
 * The one list of Tiptap extensions: the editor uses it, and the server builds
 * its schema from it to validate every body it receives (lib/richtext/validate.ts).
 * Paragraphs, H2/H3, bold, italic, inline code, links, block quotes, lists,
 * rules, hard breaks, undo/redo, library images (by reference) — and nothing
 * else. Inline code is there so that pasted commands and file names keep
 * their characters (the house style leaves code alone: lib/richtext/house-style.ts).
 */
export const richTextExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      isAllowedUri: (url) => isSafeHref(url),
      HTMLAttributes: { rel: "noopener noreferrer", target: null },
    },
  }),
  MediaImage,
];
