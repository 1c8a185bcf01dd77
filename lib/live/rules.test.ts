import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { canChangeEntry, isLive, liveState, newEntryState } from "./rules";

const user = (role: "CONTRIBUTOR" | "EDITOR" | "ADMIN", id: string = role): TActor => ({ kind: "user", id, role, name: role, email: `${id}@x.invalid` });

describe("who may do what with live entries", () => {
  it("the desk's entries go up at once; a contributor's wait for the desk", () => {
    expect(newEntryState(user("EDITOR"))).toBe("PUBLISHED");
    expect(newEntryState(user("ADMIN"))).toBe("PUBLISHED");
    expect(newEntryState(user("CONTRIBUTOR"))).toBe("PENDING");
  });

  it("editors change any entry not removed; a contributor only their own while it waits; nobody signed out", () => {
    const states = ["PENDING", "PUBLISHED", "REMOVED"] as const;
    for (const state of states) {
      expect(canChangeEntry(user("EDITOR"), { state, createdById: "someone" })).toBe(state !== "REMOVED");
      expect(canChangeEntry(user("CONTRIBUTOR", "c1"), { state, createdById: "c1" })).toBe(state === "PENDING");
      expect(canChangeEntry(user("CONTRIBUTOR", "c1"), { state, createdById: "c2" })).toBe(false);
      expect(canChangeEntry(null, { state, createdById: "c1" })).toBe(false);
    }
  });

  it("coverage is off, live or ended; only live coverage carries the LIVE mark", () => {
    const at = new Date();
    expect(liveState({ liveStartedAt: null, liveEndedAt: null })).toBe("off");
    expect(liveState({ liveStartedAt: at, liveEndedAt: null })).toBe("live");
    expect(liveState({ liveStartedAt: at, liveEndedAt: at })).toBe("ended");
    expect([isLive({}), isLive({ liveStartedAt: at }), isLive({ liveStartedAt: at, liveEndedAt: at })]).toEqual([false, true, false]);
  });
});
