import { describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/testing/own-database";
import { scriptRunner } from "@/testing/run-script";

/**
 * Issue 17, item 6: `npm run api-key` and `npm run webhook` as operators run
 * them (their own process, the database named by the folder's .env), each
 * printing its secret once. A database of its own: the lists are the table's.
 */
withOwnDatabase("operatorcli");
const apiKey = scriptRunner("api-key");
const webhook = scriptRunner("webhook", { NEWSROOM_WEBHOOK_ALLOW_PRIVATE: "off" });

describe("npm run api-key", () => {
  it("creates a key that works, lists it without its secret, and revokes it by prefix", async () => {
    const created = await apiKey(["create", "--name", "Partner feed", "--scope", "preview", "--rate-limit", "30"]);
    expect(created).toMatchObject({ code: 0 });
    const secret = /Key: (nk_\S+)/.exec(created.stdout)?.[1];
    expect(secret).toMatch(/^nk_[A-Za-z0-9_-]{43}$/);
    expect(created.stdout).toMatch(/content, preview; 30 requests a minute/);

    const { authenticateApiKey } = await import("@/lib/api-keys/keys");
    expect(await authenticateApiKey(`Bearer ${secret}`)).toMatchObject({ name: "Partner feed", scopes: ["content", "preview"], limit: 30 });

    const listed = await apiKey(["list"]);
    expect(listed.stdout).toContain("Partner feed");
    expect(listed.stdout).toContain(secret!.slice(0, 9));
    expect(listed.stdout).not.toContain(secret);

    const revoked = await apiKey(["revoke", secret!.slice(0, 9)]);
    expect(revoked).toMatchObject({ code: 0, stdout: expect.stringContaining('Revoked "Partner feed"') });
    await expect(authenticateApiKey(`Bearer ${secret}`)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await apiKey(["revoke", "nk_nothin"])).toMatchObject({ code: 1, stderr: expect.stringContaining("No key has the prefix nk_nothin") });
    expect(await apiKey(["create"])).toMatchObject({ code: 1, stderr: expect.stringContaining("--name") });
  });
});

describe("npm run webhook", () => {
  it("registers an endpoint and prints its signing secret once; refuses loopback unless allowed", async () => {
    const refused = await webhook(["create", "--url", "http://127.0.0.1:9/h", "--events", "story.published"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/private network/);

    const created = await webhook(["create", "--url", "https://93.184.215.14/hooks", "--events", "story.published,person.updated"]);
    expect(created).toMatchObject({ code: 0 });
    const secret = /(whsec_\S+)/.exec(created.stdout)?.[1];
    expect(secret).toMatch(/^whsec_/);
    const listed = await webhook(["list"]);
    expect(listed.stdout).toContain("https://93.184.215.14/hooks");
    expect(listed.stdout).toContain("story.published,person.updated");
    expect(listed.stdout).not.toContain(secret);
  });
});
