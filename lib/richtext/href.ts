/**
 * Which link targets a story may carry: http:, https:, mailto: and relative
 * URLs, nothing else. The check looks at the href the way a browser might end up
 * reading it: HTML character references decoded, and control characters and
 * white space (which browsers drop inside a scheme) removed.
 */
const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

const NAMED_REFERENCES: Record<string, string> = { colon: ":", tab: "\t", newline: "\n", sol: "/", lpar: "(", rpar: ")", amp: "&", period: "." };

/** Decode numeric (`&#58;`, `&#x3A`, with or without `;`) and a few named references, repeatedly. */
function decodeReferences(value: string): string {
  let previous: string;
  let current = value;
  do {
    previous = current;
    current = current
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => safeCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, dec: string) => safeCodePoint(parseInt(dec, 10)))
      .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED_REFERENCES[name.toLowerCase()] ?? whole);
  } while (current !== previous);
  return current;
}

function safeCodePoint(code: number): string {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/** True for characters a browser ignores or that split a URL: C0/C1 controls and any white space. */
function isIgnorable(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f) || /\s/u.test(ch);
}

/** The href a story may store, or null when it is not a safe link. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== "string") return null;
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) return null;
  const normalized = Array.from(decodeReferences(trimmed))
    .filter((ch) => !isIgnorable(ch))
    .join("");
  if (normalized.length === 0) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(normalized)?.[1]?.toLowerCase();
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) return null;
  // A backslash or control character in the original can make browsers read a different URL.
  if (trimmed.includes("\\")) return null;
  return trimmed;
}

export function isSafeHref(href: unknown): boolean {
  return safeHref(href) !== null;
}
