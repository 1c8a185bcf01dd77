import { expect, test } from "@playwright/test";
import { makeJpeg } from "../../testing/images";
import { callAction, newAccount, ORIGIN, signedIn, sql } from "./kit";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** Someone else's story (an editor's draft), and what it looks like before any attack. */
async function othersStory() {
  const editor = await signedIn(await newAccount("EDITOR"));
  const created = await callAction(editor, "saveStoryAction", [
    { storyId: null, baseVersion: null, fields: { headline: `Editor's own story ${Date.now()}`, body: doc("The editor wrote this.") } },
  ]);
  expect(created.result?.ok, created.text).toBe(true);
  const { id } = created.result!.data as { id: string };
  const snapshot = async () =>
    (
      await sql(
        `SELECT headline, status, version, "createdById", "leadMediaId", (SELECT count(*) FROM "StoryCredit" c WHERE c."storyId" = s.id)::int AS credits FROM "Story" s WHERE id = $1`,
        [id],
      )
    )[0];
  return { id, before: await snapshot(), snapshot };
}

test("a contributor calling the edit, publish, credit and photo actions on someone else's story by id is refused, and nothing changes", async () => {
  const story = await othersStory();
  const contributor = await signedIn(await newAccount("CONTRIBUTOR"));
  const [person] = await sql<{ id: string }>(
    `INSERT INTO "Person" (id, name, slug, "updatedAt") VALUES ('secp' || md5(random()::text), 'Planted Byline', 'planted-' || md5(random()::text), now()) RETURNING id`,
  );
  const [media] = await sql<{ id: string }>(`SELECT id FROM "Media" LIMIT 1`);
  const attempts = [
    callAction(contributor, "saveStoryAction", [
      { storyId: story.id, baseVersion: story.before!.version, fields: { headline: "Defaced", body: doc("Defaced.") } },
    ]),
    callAction(contributor, "workflowAction", [{ storyId: story.id, baseVersion: story.before!.version, action: "publish" }]),
    callAction(contributor, "saveCreditsAction", [
      { storyId: story.id, baseVersion: story.before!.version, credits: [{ personId: person!.id, role: "BYLINE" }] },
    ]),
    callAction(contributor, "saveStoryAction", [
      {
        storyId: story.id,
        baseVersion: story.before!.version,
        fields: { headline: "Editor's own story", leadMediaId: media?.id ?? "x", body: doc("The editor wrote this.") },
      },
    ]),
    callAction(contributor, "discardPendingAction", [{ storyId: story.id, baseVersion: story.before!.version }]),
    callAction(contributor, "embargoAction", [{ storyId: story.id, baseVersion: story.before!.version, until: "2030-01-01T10:00" }]),
  ];
  for (const attempt of await Promise.all(attempts)) {
    expect(attempt.result?.ok, attempt.text).toBe(false);
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(attempt.result?.error?.code);
  }
  expect(await story.snapshot()).toEqual(story.before);
});

test("fields a contributor may not set (status, role, author) are ignored: the stored values stay", async () => {
  const account = await newAccount("CONTRIBUTOR");
  const contributor = await signedIn(account);
  const [other] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE role = 'ADMIN' LIMIT 1`);
  const created = await callAction(contributor, "saveStoryAction", [
    {
      storyId: null,
      baseVersion: null,
      fields: {
        headline: "Sneaky",
        body: doc("Text."),
        status: "PUBLISHED",
        createdById: other!.id,
        authorId: other!.id,
        publishedAt: "2020-01-01T00:00:00Z",
        version: 999,
      },
    },
  ]);
  expect(created.result?.ok, created.text).toBe(true);
  const { id } = created.result!.data as { id: string };
  const [row] = await sql<{ status: string; createdById: string; version: number; publishedAt: Date | null }>(
    `SELECT status, "createdById", version, "publishedAt" FROM "Story" WHERE id = $1`,
    [id],
  );
  expect(row).toEqual({ status: "DRAFT", createdById: account.id, version: 1, publishedAt: null });
  // And an account action with a role in it does nothing for a contributor.
  const promote = await callAction(contributor, "changeRoleAction", [null, { userId: account.id, role: "ADMIN" }]);
  expect(promote.result?.ok ?? false).toBe(false);
  expect((await sql<{ role: string }>(`SELECT role FROM "User" WHERE id = $1`, [account.id]))[0]!.role).toBe("CONTRIBUTOR");
});

test.describe("without a session, or from another site", () => {
  test("a server action with no session cookie gets 401; with a foreign Origin, 403", async ({ request }) => {
    const noSession = await callAction(request, "saveStoryAction", [{ storyId: null, baseVersion: null, fields: { headline: "x", body: doc("x") } }]);
    expect(noSession.status).toBe(401);
    const editor = await signedIn(await newAccount("EDITOR"));
    for (const headers of [{ Origin: "https://evil.example" }, { Referer: "https://evil.example/page" }, {}] as Record<string, string>[]) {
      const forged = await callAction(
        editor,
        "saveStoryAction",
        [{ storyId: null, baseVersion: null, fields: { headline: "Forged", body: doc("x") } }],
        headers,
      );
      expect(forged.status, JSON.stringify(headers)).toBe(403);
    }
    expect((await sql(`SELECT 1 FROM "Story" WHERE headline = 'Forged'`)).length).toBe(0);
  });

  test("every state-changing route handler refuses no session (401) and foreign origins (403), text/plain included", async ({ request }) => {
    const jpeg = await makeJpeg();
    // Uploads: no session.
    expect((await request.post("/api/media", { headers: { ...ORIGIN, "X-Filename": "x.jpg", "Content-Type": "image/jpeg" }, data: jpeg })).status()).toBe(401);
    const editor = await signedIn(await newAccount("EDITOR"));
    const cases: [string, Record<string, string>, string | Buffer][] = [
      ["/api/media", { "X-Filename": "x.jpg", "Content-Type": "image/jpeg", Origin: "https://evil.example" }, jpeg],
      ["/api/media", { "X-Filename": "x.jpg", "Content-Type": "text/plain" }, jpeg],
      ["/api/session", { "Content-Type": "text/plain", Origin: "https://evil.example" }, JSON.stringify({ email: "a@b.c", password: "x" })],
      ["/api/auth/signout", { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" }, "csrfToken=x"],
    ];
    // A plain form post (a server action without JavaScript) to a public page, from another site.
    cases.push([
      "/",
      { "Content-Type": "multipart/form-data; boundary=x", Origin: "https://evil.example" },
      '--x\r\nContent-Disposition: form-data; name="$ACTION_ID_00"\r\n\r\n\r\n--x--\r\n',
    ]);
    for (const [url, headers, data] of cases) {
      const status = (await editor.post(url, { headers, data })).status();
      expect([403, 404], `${url} ${JSON.stringify(headers)}`).toContain(status);
    }
    // GET never changes state: the sign-out endpoint only shows a page for GET; the session lives on.
    expect((await editor.get("/newsroom", { maxRedirects: 0 })).status()).toBe(200);
    await editor.get("/api/auth/signout");
    expect((await editor.get("/newsroom", { maxRedirects: 0 })).status()).toBe(200);
  });
});
