import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { errorResponse, toActionError } from "@/lib/errors";
import { dataRoot, startEmbeddedPostgres, type TEmbeddedServer } from "./embedded";
import { PrismaClient } from "./generated/client";

/*
 * Issue 12, item 7: a database outage is UNAVAILABLE (503, Retry-After), not
 * INTERNAL and not "signed out" — judged on the errors a real PostgreSQL,
 * pg, adapter-pg and Prisma produce when the server stops under them.
 */

const silence = <T>(run: () => T): T => {
  const { warn, error } = console;
  console.warn = console.error = () => {};
  try {
    return run();
  } finally {
    console.warn = warn;
    console.error = error;
  }
};

describe.skipIf(inject("externalDatabase"))("database outage errors", () => {
  let root = "";
  let server: TEmbeddedServer;
  let prisma: PrismaClient;
  let held: pg.Client;
  const failures: Record<string, unknown> = {};

  beforeAll(async () => {
    mkdirSync(path.join(dataRoot(), "test"), { recursive: true });
    root = mkdtempSync(path.join(dataRoot(), "test", "outage-"));
    server = await startEmbeddedPostgres({ root });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.serverUrl }) });
    await prisma.$queryRaw`SELECT 1`; // a pooled connection, open when the server goes
    held = new pg.Client({ connectionString: server.serverUrl });
    held.on("error", () => {});
    await held.connect();
    failures.sqlError = await prisma.$queryRaw`SELECT 1/0`.catch((err: unknown) => err);

    await server.stop(); // fast shutdown: sessions ended with 57P01, then nothing listens
    failures.heldClient = await held.query("SELECT 1").catch((err: unknown) => err);
    failures.prismaQuery = await prisma.$queryRaw`SELECT 1`.catch((err: unknown) => err);
    failures.prismaModel = await prisma.user.findFirst().catch((err: unknown) => err);
    failures.prismaTransaction = await prisma.$transaction(async (tx) => tx.user.count()).catch((err: unknown) => err);
    const fresh = new pg.Client({ connectionString: server.serverUrl });
    failures.pgConnect = await fresh.connect().catch((err: unknown) => err);
  }, 120_000);

  afterAll(async () => {
    await prisma?.$disconnect().catch(() => {});
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(["heldClient", "prismaQuery", "prismaModel", "prismaTransaction", "pgConnect"])(
    "%s: a server action gets UNAVAILABLE with the sentence a person can act on",
    (name) => {
      expect(failures[name], "the call should have failed").toBeInstanceOf(Error);
      const result = silence(() => toActionError(failures[name]));
      expect(result.error.code).toBe("UNAVAILABLE");
      expect(result.error.message).toBe("The newsroom can't reach its database; your work is kept in this browser and will be saved when it's back.");
    },
  );

  it("a route handler answers 503 with Retry-After", async () => {
    const res = silence(() => errorResponse(failures.prismaModel));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe("UNAVAILABLE");
  });

  it("a query that reached PostgreSQL and failed is not an outage", () => {
    expect(failures.sqlError).toBeInstanceOf(Error);
    expect(silence(() => toActionError(failures.sqlError)).error.code).toBe("INTERNAL");
  });
});
