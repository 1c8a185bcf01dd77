import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The lint rule in eslint.config.mjs that keeps string-built SQL out of the code base. */
describe("no $queryRawUnsafe / $executeRawUnsafe", () => {
  const eslint = new ESLint();
  const lint = async (code: string) =>
    (await eslint.lintText(code, { filePath: "lib/probe.ts" }))[0]!.messages.filter((m) => m.ruleId === "no-restricted-syntax");

  // The probes are source text handed to ESLint, not code of ours: `declare const prisma: any`
  // only keeps the snippets self-contained; the rule under test is no-restricted-syntax.
  it("fails on the Unsafe variants however they are reached", async () => {
    expect(await lint(`declare const prisma: any;\nexport const a = () => prisma.$queryRawUnsafe("SELECT " + 1);\n`)).toHaveLength(1);
    expect(await lint(`declare const prisma: any;\nexport const b = () => prisma["$executeRawUnsafe"]("DELETE FROM x");\n`)).toHaveLength(1);
    expect(await lint(`declare const prisma: any;\nconst { $queryRawUnsafe: q } = prisma;\nexport const c = () => q("SELECT 1");\n`)).toHaveLength(1);
  }, 60_000);

  it("allows the tagged templates", async () => {
    expect(
      await lint(`declare const prisma: any;\nconst id = "x";\nexport const d = () => prisma.$queryRaw\`SELECT * FROM "Story" WHERE id = \${id}\`;\n`),
    ).toEqual([]);
  }, 60_000);
});
