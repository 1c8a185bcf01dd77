import { describe, expect, it } from "vitest";
import { parseArgs } from "./schema-engine.mjs";

describe("schema-engine bridge arguments", () => {
  it("reads the RPC form the CLI uses", () => {
    const args = parseArgs(["--datamodels", "a.prisma", "b.prisma", "--datasource", '{"url":"postgresql://x/y"}', "--enabled-preview-features", "views"]);
    expect(args).toEqual({ datamodels: ["a.prisma", "b.prisma"], datasource: { url: "postgresql://x/y" }, cli: null, version: false });
  });

  it("reads the one-shot cli form", () => {
    expect(parseArgs(["--datasource", '{"url":"postgresql://x/y"}', "cli", "create-database"])).toMatchObject({ cli: "create-database" });
  });

  it("reads --version", () => {
    expect(parseArgs(["--version"]).version).toBe(true);
  });
});
