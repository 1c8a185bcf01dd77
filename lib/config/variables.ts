// Longer than 300 lines on purpose: one entry per variable, so the whole configuration reads in one place.
import { z } from "zod";

/**
 * Every environment variable Newsroom reads, in one list: its type and bounds
 * (a zod schema), its default, and what it is for. lib/config/config.ts parses
 * them (all at once at start-up, one at a time where they are used);
 * .env.example lists the same variables with the same defaults (a unit test
 * holds the two together).
 *
 * Not here, because the app does not read them: NODE_ENV and NEXT_RUNTIME
 * (set by Next), PRISMA_SCHEMA_ENGINE_BINARY (Prisma's own, passed through to
 * its CLI), the build's NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (Next's) and
 * NEWSROOM_DEPLOYMENT_ID (next.config.js's deploymentId, read by `next build`),
 * and the test harness's E2E_PORT, CHROMIUM_PATH and CI.
 *
 * Plain data and zod only: the proxy and client-free server code import it.
 */

export type TVariable<T> = {
  /** The schema of a set value (the raw string, trimmed; empty counts as unset). */
  schema: z.ZodType<T>;
  /** The value when unset; undefined when "unset" is itself meaningful (see `defaultText`). */
  default: T | undefined;
  /** The default as .env.example and messages show it. */
  defaultText: string;
  /** What a good value looks like, for the list of problems. */
  expected: string;
  description: string;
  group: TGroup;
  /** Its value is never printed, not even when it is wrong. */
  secret?: boolean;
};

export const GROUPS = {
  server: "Server and database",
  publication: "The publication",
  signin: "Sign-in and sessions",
  media: "Uploads and media",
  background: "Background work and caching",
  bench: "npm run bench only",
} as const;
export type TGroup = keyof typeof GROUPS;

function variable<T>(spec: Omit<TVariable<T>, "default" | "defaultText"> & { default: T; defaultText?: string }): TVariable<T> {
  return { ...spec, defaultText: spec.defaultText ?? String(spec.default) };
}

/** No default: unset means something of its own (say what in `defaultText`). */
function optional<T>(spec: Omit<TVariable<T>, "default">): TVariable<T | undefined> {
  return { ...spec, default: undefined };
}

const number = (check: (n: number) => boolean) => z.coerce.number().refine((n) => Number.isFinite(n) && check(n));
const positive = () => number((n) => n > 0);
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => number((n) => Number.isInteger(n) && n >= min && n <= max);
const port = () => wholeNumber(1, 65_535);

const SWITCH_VALUES: Record<string, boolean> = { on: true, off: false, "1": true, "0": false, true: true, false: false, yes: true, no: false };
/** on/off, 1/0, true/false, yes/no. */
const onOff = () =>
  z
    .string()
    .transform((s) => s.toLowerCase())
    .refine((s) => s in SWITCH_VALUES)
    .transform((s) => SWITCH_VALUES[s]!);

const url = (protocols: string[]) =>
  z.string().refine((s) => {
    try {
      return protocols.includes(new URL(s).protocol);
    } catch {
      return false;
    }
  });

const timeZone = () =>
  z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  });

const languageTag = () =>
  z.string().refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  });

/** The weather locations' form, as lib/weather/provider.ts parseLocations reads it; each entry must parse. */
const LOCATION = /^(.+?):\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/;
const weatherLocations = () =>
  z.string().superRefine((raw, ctx) => {
    for (const entry of raw.split(";").map((e) => e.trim())) {
      const m = entry.match(LOCATION);
      if (!m || Math.abs(Number(m[2])) > 90 || Math.abs(Number(m[3])) > 180) {
        ctx.addIssue({
          code: "custom",
          message: `expected "Name:latitude,longitude" entries separated by ";" (latitude -90…90, longitude -180…180), but "${entry}" is not one`,
        });
      }
    }
  });

export const VARIABLES = {
  // Server and database
  DATABASE_URL: optional({
    group: "server",
    schema: url(["postgres:", "postgresql:"]),
    defaultText: "(unset: the embedded PostgreSQL)",
    expected: "a postgresql:// URL",
    description: "The PostgreSQL database. Unset: the embedded PostgreSQL is started (or joined), with its data in NEWSROOM_DATA_DIR.",
    secret: true,
  }),
  PORT: variable({ group: "server", schema: port(), default: 3000, expected: "a port number from 1 to 65535", description: "The port the app listens on." }),
  SITE_URL: optional({
    group: "server",
    schema: url(["http:", "https:"]),
    defaultText: "(unset: http://localhost:PORT, and the machine's own addresses may use the newsroom)",
    expected: "an http:// or https:// URL, e.g. https://news.example",
    description: "The public address, for canonical URLs and feeds; when set, the only address the newsroom may be used from.",
  }),
  AUTH_SECRET: optional({
    group: "server",
    schema: z.string().min(32),
    defaultText: "(unset: made once and kept in NEWSROOM_DATA_DIR/auth-secret; required for `npm start` with DATABASE_URL)",
    expected: "at least 32 characters, e.g. from `openssl rand -base64 33`",
    description: "Signs session and device cookies. Keep it the same across restarts and processes.",
    secret: true,
  }),
  NEWSROOM_DATA_DIR: variable({
    group: "server",
    schema: z.string(),
    default: ".data",
    expected: "a folder",
    description: "Where the embedded PostgreSQL, the generated AUTH_SECRET and (by default) media files live.",
  }),
  EMBEDDED_PG_PORT: variable({
    group: "server",
    schema: port(),
    default: 5432,
    expected: "a port number from 1 to 65535",
    description: "The embedded PostgreSQL's port (the next free one if taken).",
  }),
  NEWSROOM_SEED_DEMO: variable({
    group: "server",
    schema: onOff(),
    default: false,
    defaultText: "0",
    expected: "1 or 0 (on/off, true/false, yes/no)",
    description: "1: demo content and demo logins (with public passwords) also go into a DATABASE_URL database. The embedded one always gets them.",
  }),
  NEWSROOM_EVENTS_DATABASE_URL: optional({
    group: "server",
    schema: url(["postgres:", "postgresql:"]),
    defaultText: "(unset: DATABASE_URL)",
    expected: "a postgresql:// URL",
    description: "Where each process LISTENs for events: PostgreSQL itself or a session-mode pool (LISTEN does not work through pgbouncer's transaction mode).",
    secret: true,
  }),

  // The publication
  NEWSROOM_SITE_NAME: variable({
    group: "publication",
    schema: z.string(),
    default: "The Newsroom",
    expected: "a name",
    description: "The publication's name: page titles, feeds, JSON-LD; a credited person with this affiliation is our own staff.",
  }),
  NEWSROOM_LANGUAGE: variable({
    group: "publication",
    schema: languageTag(),
    default: "en",
    expected: "a BCP 47 language tag, e.g. en or pt-BR",
    description: "The language the site publishes in.",
  }),
  NEWSROOM_TIME_ZONE: variable({
    group: "publication",
    schema: timeZone(),
    default: "UTC",
    expected: "an IANA time zone, e.g. Europe/Berlin",
    description: "The newsroom's time zone for dates shown to people.",
  }),

  // Sign-in and sessions
  NEWSROOM_SESSION_MAX_DAYS: variable({
    group: "signin",
    schema: positive(),
    default: 30,
    expected: "a number of days above 0",
    description: "A session ends this long after sign-in, however busy.",
  }),
  NEWSROOM_SESSION_IDLE_HOURS: variable({
    group: "signin",
    schema: positive(),
    default: 12,
    expected: "a number of hours above 0",
    description: "A session unused this long ends (at least 15 minutes).",
  }),
  NEWSROOM_LOGIN_LOCK_SECONDS: variable({
    group: "signin",
    schema: positive(),
    default: 60,
    expected: "a number of seconds above 0",
    description: "The first lock after 5 failed sign-ins; each next one lasts twice as long, up to an hour.",
  }),
  NEWSROOM_TRUSTED_PROXIES: variable({
    group: "signin",
    schema: wholeNumber(0),
    default: 0,
    expected: "a whole number, 0 or more",
    description: "How many proxies in front of the app append to X-Forwarded-For (0: the TCP peer is the client).",
  }),

  // Uploads and media
  NEWSROOM_MEDIA_DIR: optional({
    group: "media",
    schema: z.string(),
    defaultText: "(unset: NEWSROOM_DATA_DIR/media)",
    expected: "a folder",
    description: "Where uploaded images and their variants are kept.",
  }),
  NEWSROOM_S3_BUCKET: optional({
    group: "media",
    schema: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
    defaultText: "(unset: files on local disk, NEWSROOM_MEDIA_DIR)",
    expected: "an S3 bucket name",
    description:
      "Keep images and their variants in this S3 bucket (AWS, R2, MinIO, Ceph), shared by every process. Credentials: the AWS SDK's own (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile or a role).",
  }),
  NEWSROOM_S3_ENDPOINT: optional({
    group: "media",
    schema: url(["http:", "https:"]),
    defaultText: "(unset: AWS S3)",
    expected: "an http:// or https:// URL",
    description: "The S3-compatible service's address, for R2, MinIO, Ceph and the like.",
  }),
  NEWSROOM_S3_REGION: variable({
    group: "media",
    schema: z.string().regex(/^[a-z0-9-]+$/),
    default: "us-east-1",
    expected: "a region name, e.g. eu-west-1 (auto for R2)",
    description: "The bucket's region.",
  }),
  NEWSROOM_S3_PREFIX: optional({
    group: "media",
    schema: z.string().regex(/^[a-z0-9][a-z0-9_\-./]*\/$/i),
    defaultText: "(unset: the bucket's top)",
    expected: 'a key prefix ending in "/", e.g. newsroom/',
    description: "Where in the bucket the files go.",
  }),
  NEWSROOM_S3_FORCE_PATH_STYLE: variable({
    group: "media",
    schema: onOff(),
    default: false,
    defaultText: "0",
    expected: "1 or 0 (on/off, true/false, yes/no)",
    description: "1: address the bucket in the path (MinIO, Ceph and s3rver need it), not as a host name.",
  }),
  NEWSROOM_MAX_UPLOAD_MB: variable({
    group: "media",
    schema: positive(),
    default: 20,
    expected: "a number of megabytes above 0",
    description: "The largest upload accepted.",
  }),
  NEWSROOM_UPLOAD_IDLE_SECONDS: variable({
    group: "media",
    schema: positive(),
    default: 30,
    expected: "a number of seconds above 0",
    description: "An upload that sends nothing for this long is abandoned (408).",
  }),

  // Background work and caching
  REDIS_URL: optional({
    group: "background",
    schema: url(["redis:", "rediss:"]),
    defaultText: "(unset: each process caches pages in its own memory)",
    expected: "a redis:// or rediss:// URL",
    description: "One page cache in Redis for every app process (give Redis a maxmemory and the volatile-lru policy).",
    secret: true,
  }),
  NEWSROOM_PAGE_CACHE_MB: variable({
    group: "background",
    schema: number((n) => n >= 1),
    default: 64,
    expected: "a number of megabytes, 1 or more",
    description: "The memory each server process gives cached pages, without REDIS_URL (read by lib/cache/handler/memory.cjs).",
  }),
  NEWSROOM_SCHEDULER: variable({
    group: "background",
    schema: onOff(),
    default: true,
    defaultText: "on",
    expected: "on or off",
    description: "Scheduled publishing and unpublishing in this process.",
  }),
  NEWSROOM_SCHEDULER_INTERVAL_MS: variable({
    group: "background",
    schema: wholeNumber(1),
    default: 10_000,
    expected: "a whole number of milliseconds above 0",
    description: "How often the scheduler looks for due stories.",
  }),
  NEWSROOM_WEBHOOKS: variable({
    group: "background",
    schema: onOff(),
    default: true,
    defaultText: "on",
    expected: "on or off",
    description: "Sending webhook deliveries from this process (each delivery is claimed by one process).",
  }),
  NEWSROOM_WEBHOOK_ALLOW_PRIVATE: variable({
    group: "background",
    schema: onOff(),
    default: false,
    defaultText: "off",
    expected: "on or off",
    description:
      "Let webhooks target loopback and private network addresses (tests, or a receiver inside your network). Off: refused, at registration and at delivery.",
  }),
  NEWSROOM_WEATHER: variable({
    group: "background",
    schema: onOff(),
    default: true,
    defaultText: "on",
    expected: "on or off",
    description: "Fetching weather forecasts in the background.",
  }),
  NEWSROOM_WEATHER_INTERVAL_MS: variable({
    group: "background",
    schema: wholeNumber(1),
    default: 1_800_000,
    expected: "a whole number of milliseconds above 0",
    description: "How often forecasts are fetched.",
  }),
  NEWSROOM_WEATHER_URL: variable({
    group: "background",
    schema: url(["http:", "https:"]),
    default: "https://api.open-meteo.com",
    expected: "an http:// or https:// URL",
    description: "The Open-Meteo-compatible forecast service.",
  }),
  NEWSROOM_WEATHER_LOCATIONS: optional({
    group: "background",
    schema: weatherLocations(),
    defaultText: "(unset: the site setting; the demo content sets one)",
    expected: 'entries "Name:latitude,longitude" separated by ";"',
    description: 'The places the Weather Forecast box shows, e.g. "Beijing:39.9042,116.4074;Tokyo:35.68,139.69".',
  }),

  // npm run bench
  BENCH_STORIES: variable({ group: "bench", schema: wholeNumber(1), default: 10_000, expected: "a whole number above 0", description: "Full stories seeded." }),
  BENCH_SEARCH_STORIES: variable({
    group: "bench",
    schema: wholeNumber(1),
    default: 100_000,
    expected: "a whole number above 0",
    description: "Stories in all for search (at least BENCH_STORIES).",
  }),
  BENCH_SECONDS: variable({ group: "bench", schema: positive(), default: 10, expected: "a number of seconds above 0", description: "Load per page." }),
  BENCH_CONNECTIONS: variable({
    group: "bench",
    schema: wholeNumber(1),
    default: 10,
    expected: "a whole number above 0",
    description: "Concurrent connections.",
  }),
  BENCH_PORT: variable({
    group: "bench",
    schema: port(),
    default: 3200,
    expected: "a port number from 1 to 65535",
    description: "The port of the server under test.",
  }),
  BENCH_KEEP: variable({
    group: "bench",
    schema: onOff(),
    default: false,
    defaultText: "0",
    expected: "1 or 0",
    description: "1: keep the bench database afterwards (its URL is printed).",
  }),
} satisfies Record<string, TVariable<unknown>>;

export type TVariableName = keyof typeof VARIABLES;
/** A variable's value once parsed (its default when unset). */
export type TValue<K extends TVariableName> = (typeof VARIABLES)[K] extends TVariable<infer T> ? T : never;
