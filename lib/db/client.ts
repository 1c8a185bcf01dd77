import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config/config";
import { PrismaClient } from "./generated/client";

/**
 * The one Prisma client of the app, created on first use (so that importing
 * this module, e.g. while `next build` collects pages, needs no database) and
 * kept on globalThis so that dev reloads reuse it instead of opening new pools.
 */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  if (globalForPrisma.prisma) return globalForPrisma.prisma;
  const connectionString = config("DATABASE_URL");
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start` or `npm run dev`, which provide it.");
  }
  // A database that does not answer (a hung host, not a refused port) fails within 5 s
  // instead of holding the request; lib/db/unavailable.ts then calls it an outage.
  globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: 5_000 }) });
  return globalForPrisma.prisma;
}

export const prisma = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
