import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { claimLease, releaseLease } from "./lease";

/** Issue 16, item 5: background work one process at a time, and any process takes over. */
describe("leases", () => {
  it("one holder at a time; it renews; another takes over once it lapses or is given up", async () => {
    const name = `test-${randomBytes(3).toString("hex")}`;
    expect(await claimLease(name, 300, "process-a")).toBe(true);
    expect(await claimLease(name, 300, "process-b")).toBe(false);
    expect(await claimLease(name, 300, "process-a")).toBe(true); // renewed
    const claims = await Promise.all(["c", "d", "e"].map((p) => claimLease(name, 300, `process-${p}`)));
    expect(claims).toEqual([false, false, false]);
    await new Promise((r) => setTimeout(r, 400));
    const takeover = await Promise.all(["b", "c"].map((p) => claimLease(name, 60_000, `process-${p}`)));
    expect(takeover.filter(Boolean)).toHaveLength(1); // exactly one takes it over
    const holder = takeover[0] ? "process-b" : "process-c";
    await releaseLease(name, holder);
    expect(await claimLease(name, 60_000, "process-a")).toBe(true);
  });
});
