import { describe, expect, it } from "vitest";
import { ZCredentials } from "@/lib/auth/credentials";
import { ZUserCreate } from "./schemas";

describe("ZUserCreate", () => {
  const valid = { email: "  Jane.Roe@Paper.Example ", name: " Jane Roe ", role: "EDITOR", password: "long enough password" };

  it("normalizes the email and trims the name", () => {
    expect(ZUserCreate.parse(valid)).toMatchObject({ email: "jane.roe@paper.example", name: "Jane Roe", role: "EDITOR" });
  });

  it("names each bad field", () => {
    const result = ZUserCreate.safeParse({ email: "not-an-email", name: "", role: "OWNER", password: "short" });
    expect(result.success).toBe(false);
    const fields = Object.keys(result.error!.flatten().fieldErrors).sort();
    expect(fields).toEqual(["email", "name", "password", "role"]);
  });
});

describe("ZCredentials", () => {
  it("lowercases the email so sign-in is case-insensitive", () => {
    expect(ZCredentials.parse({ email: "ADMIN@Newsroom.Test", password: "x" }).email).toBe("admin@newsroom.test");
  });

  it("refuses empty fields", () => {
    expect(ZCredentials.safeParse({ email: "", password: "" }).success).toBe(false);
  });
});
