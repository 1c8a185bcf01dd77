import { Fragment } from "react";
import { additionalReportingLine, bioSentence, contributorLine, interleave, visualsLine } from "@/lib/credits/format";
import { SITE_NAME } from "@/lib/site";

export type TPublicCredit = {
  role: "BYLINE" | "CONTRIBUTOR" | "ADDITIONAL_REPORTING" | "PHOTOGRAPHER" | "GRAPHICS" | "EDITOR";
  location: string | null;
  override: string | null;
  person: { name: string; slug: string; title: string | null; affiliation: string | null; shortBio: string | null };
};

const of = (credits: TPublicCredit[], role: TPublicCredit["role"]) => credits.filter((c) => c.role === role);

/** "By A, B and C" under the headline, each name a link to the person's page. */
export function Byline({ credits, fallbackName }: { credits: TPublicCredit[]; fallbackName: string }) {
  const bylines = of(credits, "BYLINE");
  if (bylines.length === 0) return <p className="byline font-semibold text-ink">By {fallbackName}</p>;
  return (
    <p className="byline font-semibold text-ink">
      By{" "}
      {interleave(bylines).map((part, i) =>
        typeof part === "string" ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <a key={i} href={`/people/${part.person.slug}`} rel="author" className="hover:underline">
            {part.person.name}
          </a>
        ),
      )}
    </p>
  );
}

/** The end of a story: contributor and reporting lines, visuals, then each author's bio. */
export function CreditsBlock({ credits }: { credits: TPublicCredit[] }) {
  const located = (role: TPublicCredit["role"]) =>
    of(credits, role)
      .filter((c) => !c.override)
      .map((c) => ({ name: c.person.name, location: c.location, affiliation: c.person.affiliation }));
  const names = (role: TPublicCredit["role"]) =>
    of(credits, role)
      .filter((c) => !c.override)
      .map((c) => c.person.name);
  const lines = [
    contributorLine(located("CONTRIBUTOR"), SITE_NAME),
    additionalReportingLine(located("ADDITIONAL_REPORTING"), SITE_NAME),
    visualsLine("Photographs", names("PHOTOGRAPHER")),
    visualsLine("Graphics", names("GRAPHICS")),
    ...credits.filter((c) => c.role !== "BYLINE" && c.role !== "EDITOR" && c.override).map((c) => c.override!),
  ].filter(Boolean);
  const bios = of(credits, "BYLINE")
    .map((c) => bioSentence(c.person.name, c.person.shortBio))
    .filter(Boolean);
  if (lines.length === 0 && bios.length === 0) return null;
  return (
    <footer className="story-credits mt-10 border-t border-ink/15 pt-4 font-serif text-base italic text-ink/80">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {bios.map((bio) => (
        <p key={bio} className="mt-2">
          {bio}
        </p>
      ))}
    </footer>
  );
}
