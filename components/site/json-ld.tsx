import { serializeJsonLd } from "@/lib/seo/json-ld";

/** Structured data for search engines. The JSON is escaped for HTML by serializeJsonLd. */
export function JsonLd({ data }: { data: unknown }) {
  // dangerouslySetInnerHTML is the only way to put JSON in a script element; serializeJsonLd makes it inert.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
