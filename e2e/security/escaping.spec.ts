import Parser from "rss-parser";
import { expect, test } from "@playwright/test";
import { callAction, newAccount, signedIn, sql, uploadImage } from "./kit";

const ATTR_BREAK = '"><img src=x onerror=alert(1)>';
const SCRIPT_BREAK = "</script><script>alert(1)</script>";

/** Markup an attacker hopes the page will run; none of it may appear as markup anywhere. */
const LIVE_MARKUP = [/<img src=x onerror=alert\(1\)>/i, /<script>alert\(1\)<\/script>/i, /javascript:alert/i];

test("a hostile headline, caption and alt text are escaped on the page, in meta tags, JSON-LD and feeds", async () => {
  const editor = await signedIn(await newAccount("EDITOR"));
  const headline = `Harbor ${ATTR_BREAK} ${SCRIPT_BREAK} ${Date.now()}`;
  const hostileBody = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: `Body ${SCRIPT_BREAK}` },
          { type: "text", text: "a link", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
        ],
      },
      { type: "paragraph", attrs: { onclick: "alert(1)" }, content: [{ type: "text", text: "attrs" }] },
      { type: "rawHtml", content: [{ type: "text", text: "<img src=x onerror=alert(1)>" }] },
    ],
  };
  // The editor's schema check refuses a body like this outright…
  const refused = await callAction(editor, "saveStoryAction", [{ storyId: null, baseVersion: null, fields: { headline, dek: ATTR_BREAK, body: hostileBody } }]);
  expect(refused.result?.ok).toBe(false);
  // …so the story is saved with hostile text only, then given hostile image words straight in the database.
  const created = await callAction(editor, "saveStoryAction", [
    {
      storyId: null,
      baseVersion: null,
      fields: {
        headline,
        dek: ATTR_BREAK,
        dateline: SCRIPT_BREAK.slice(0, 40),
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Body ${SCRIPT_BREAK}` }] }] },
      },
    },
  ]);
  expect(created.result?.ok, created.text).toBe(true);
  const story = created.result!.data as { id: string; version: number; slug: string };
  const media = { id: await uploadImage(editor) };
  await sql(`UPDATE "Media" SET caption = $2, alt = $3 WHERE id = $1`, [media.id, `Caption ${SCRIPT_BREAK}`, `Alt ${ATTR_BREAK}`]);
  const [person] = await sql<{ id: string }>(
    `INSERT INTO "Person" (id, name, slug, "updatedAt") VALUES ('secp' || md5(random()::text), $1, 'hostile-' || md5(random()::text), now()) RETURNING id`,
    [`Jane ${ATTR_BREAK}`],
  );
  const lead = await callAction(editor, "saveStoryAction", [
    {
      storyId: story.id,
      baseVersion: story.version,
      fields: {
        headline,
        dek: ATTR_BREAK,
        leadMediaId: media.id,
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Body ${SCRIPT_BREAK}` }] }] },
      },
    },
  ]);
  expect(lead.result?.ok, lead.text).toBe(true);
  const credits = await callAction(editor, "saveCreditsAction", [
    { storyId: story.id, baseVersion: (lead.result!.data as { version: number }).version, credits: [{ personId: person!.id, role: "BYLINE" }] },
  ]);
  expect(credits.result?.ok, credits.text).toBe(true);
  const published = await callAction(editor, "workflowAction", [
    { storyId: story.id, baseVersion: (credits.result!.data as { version: number }).version, action: "publish" },
  ]);
  expect(published.result?.ok, published.text).toBe(true);

  const html = await (await editor.get(`/stories/${story.slug}`)).text();
  for (const markup of LIVE_MARKUP) expect(html, String(markup)).not.toMatch(markup);
  expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"); // the headline, as text
  // Meta tags carry it escaped, and JSON-LD reads back exactly the headline.
  expect(html).toMatch(/<meta property="og:title" content="Harbor &quot;&gt;&lt;img/);
  const jsonLd = html.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)![1]!;
  expect(JSON.parse(jsonLd).headline).toBe(headline);
  // Feeds: valid XML whose title reads back exactly, with no live markup.
  for (const feed of ["/feed.xml", `/people/${(await sql<{ slug: string }>(`SELECT slug FROM "Person" WHERE id = $1`, [person!.id]))[0]!.slug}/feed.xml`]) {
    const xml = await (await editor.get(feed)).text();
    for (const markup of LIVE_MARKUP) expect(xml, `${feed} ${markup}`).not.toMatch(markup);
    const item = (await new Parser().parseString(xml)).items.find((i) => i.link?.endsWith(`/stories/${story.slug}`));
    expect(item?.title).toBe(headline);
  }
  // Off the site again, so the hostile story does not sit on the front page other tests read.
  const unpublished = await callAction(editor, "workflowAction", [
    { storyId: story.id, baseVersion: (published.result!.data as { version: number }).version, action: "unpublish" },
  ]);
  expect(unpublished.result?.ok, unpublished.text).toBe(true);
});

test("hostile and huge search queries are ordinary searches", async ({ request }) => {
  for (const q of ["' OR '1'='1", '\'; DROP TABLE "Story"; --', "x".repeat(10_000), "!!! ((( ''' ", "\u0000\u0001<script>"]) {
    const response = await request.get(`/search?q=${encodeURIComponent(q)}`);
    expect(response.status(), q.slice(0, 30)).toBe(200);
    const html = await response.text();
    expect(html).not.toMatch(/<script>alert|<script>\u0001/);
  }
  // The DROP TABLE was only words: the table is still there.
  expect((await sql<{ present: boolean }>(`SELECT to_regclass('"Story"') IS NOT NULL AS present`))[0]!.present).toBe(true);
});
