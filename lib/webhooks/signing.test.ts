import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, verifyWebhook, webhookHeaders } from "./signing";

describe("webhook signatures (Standard Webhooks)", () => {
  const body = JSON.stringify({ type: "story.published", timestamp: "2026-12-03T10:00:00.000Z", data: { id: "s1" } });

  it("are accepted by the specification's own library", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = webhookHeaders(secret, "msg_1", body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("fail for another secret, another body, or an old timestamp", () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders(secret, "msg_1", body);
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body.replace("s1", "s2"), headers)).toThrow();
    const old = webhookHeaders(secret, "msg_1", body, new Date(Date.now() - 10 * 60_000));
    expect(() => new Webhook(secret).verify(body, old)).toThrow();
  });

  it("are checked the same way by our receiver example", () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders(secret, "msg_2", body);
    expect(verifyWebhook(secret, headers, body)).toBe(true);
    expect(verifyWebhook(secret, { ...headers, "webhook-signature": `v1,AAAA ${headers["webhook-signature"]}` }, body)).toBe(true);
    expect(verifyWebhook(secret, headers, body + " ")).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, body)).toBe(false);
  });
});
