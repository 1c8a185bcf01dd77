import { describe, expect, it } from "vitest";
import { makeUser } from "@/testing/factories";
import { seedDemoContent } from "./demo";

describe("seedDemoContent on a database that has accounts", () => {
  it("adds nothing", async () => {
    await makeUser();
    expect(await seedDemoContent()).toBe(false);
  });
});
