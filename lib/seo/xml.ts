/** Text for an XML element or attribute: markup escaped, characters XML forbids dropped. */
export function escapeXml(value: string): string {
  return (
    [...value]
      // XML 1.0 allows tab, newline, carriage return and everything from U+0020 on (except U+FFFE/U+FFFF).
      .filter((c) => {
        const code = c.codePointAt(0)!;
        return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
      })
      .join("")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** `<name>text</name>`, or nothing for an empty value. */
export function element(name: string, value: string | null | undefined, attrs: Record<string, string> = {}): string {
  if (value === null || value === undefined || value === "") return "";
  const attributes = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  return `<${name}${attributes}>${escapeXml(value)}</${name}>`;
}

/** An XML response a feed reader or crawler may cache briefly. */
export function xmlResponse(xml: string, contentType = "application/xml; charset=utf-8"): Response {
  return new Response(xml, {
    headers: {
      "Content-Type": contentType,
      "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
