import { describe, expect, it } from "vitest";
import { hasRole, SYSTEM_ACTOR, type TActor } from "./actor";

const user = (role: "CONTRIBUTOR" | "EDITOR" | "ADMIN"): TActor => ({ kind: "user", id: "u1", role, name: "N", email: "n@x.test" });

describe("hasRole", () => {
  it("ranks contributor < editor < admin", () => {
    expect(hasRole(user("CONTRIBUTOR"), "EDITOR")).toBe(false);
    expect(hasRole(user("EDITOR"), "EDITOR")).toBe(true);
    expect(hasRole(user("EDITOR"), "ADMIN")).toBe(false);
    expect(hasRole(user("ADMIN"), "CONTRIBUTOR")).toBe(true);
  });

  it("refuses nobody-signed-in and allows the command-line operator", () => {
    expect(hasRole(null, "CONTRIBUTOR")).toBe(false);
    expect(hasRole(undefined, "CONTRIBUTOR")).toBe(false);
    expect(hasRole(SYSTEM_ACTOR, "ADMIN")).toBe(true);
  });
});
