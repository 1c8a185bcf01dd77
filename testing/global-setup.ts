import type { TestProject } from "vitest/node";
import { createMigratedTestDatabase, startTestServer, sweepTestDatabases } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
    /** True when tests run against DATABASE_URL's server rather than an embedded one. */
    externalDatabase: boolean;
  }
}

/** One server and one migrated database for the integration run; dropped at the end. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  await sweepTestDatabases(server.serverUrl, { olderThanMs: 6 * 60 * 60 * 1000 });
  const db = await createMigratedTestDatabase(server.serverUrl, "int");
  project.provide("databaseUrl", db.url);
  project.provide("serverUrl", server.serverUrl);
  project.provide("externalDatabase", Boolean(process.env.DATABASE_URL));
  return async () => {
    await db.drop();
    await server.stop();
  };
}
