import { loadEnvConfig } from "@next/env";

/**
 * Read .env files into process.env exactly as Next does (it is Next's own
 * loader, @next/env), for the commands that run outside Next: `npm start` and
 * `npm run dev` (scripts/serve.ts, before anything else), `user`, `prisma`,
 * `db:seed` and `bench`. Next then finds the same values already set.
 *
 * Highest first: the real environment, `.env.<mode>.local`, `.env.local`
 * (skipped when NODE_ENV=test), `.env.<mode>`, `.env`; mode is "development"
 * for `npm run dev`, "test" under NODE_ENV=test, else "production".
 * Returns the files read, in that order.
 */
export function loadEnvFiles({ dir = process.cwd(), dev = false, forceReload = false }: { dir?: string; dev?: boolean; forceReload?: boolean } = {}): string[] {
  const quiet = { info: () => {}, error: (...args: unknown[]) => console.error(...args) };
  return loadEnvConfig(dir, dev, quiet, forceReload).loadedEnvFiles.map((f) => f.path);
}
