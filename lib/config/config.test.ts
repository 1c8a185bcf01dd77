import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertConfig, checkConfig, config, ConfigError, envExample, formatProblems } from "./config";
import { VARIABLES } from "./variables";

const problemsOf = (env: Record<string, string>) => {
  const result = checkConfig(env);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
};

describe("checkConfig", () => {
  it("gives every default with nothing set (and treats empty or blank as unset)", () => {
    const result = checkConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      DATABASE_URL: undefined,
      PORT: 3000,
      SITE_URL: undefined,
      AUTH_SECRET: undefined,
      NEWSROOM_DATA_DIR: ".data",
      EMBEDDED_PG_PORT: 5432,
      NEWSROOM_SEED_DEMO: false,
      NEWSROOM_SITE_NAME: "The Newsroom",
      NEWSROOM_LANGUAGE: "en",
      NEWSROOM_TIME_ZONE: "UTC",
      NEWSROOM_SESSION_MAX_DAYS: 30,
      NEWSROOM_SESSION_IDLE_HOURS: 12,
      NEWSROOM_LOGIN_LOCK_SECONDS: 60,
      NEWSROOM_TRUSTED_PROXIES: 0,
      NEWSROOM_MEDIA_DIR: undefined,
      NEWSROOM_MAX_UPLOAD_MB: 20,
      NEWSROOM_UPLOAD_IDLE_SECONDS: 30,
      NEWSROOM_PAGE_CACHE_MB: 64,
      NEWSROOM_SCHEDULER: true,
      NEWSROOM_SCHEDULER_INTERVAL_MS: 10_000,
      NEWSROOM_WEATHER: true,
      NEWSROOM_WEATHER_INTERVAL_MS: 1_800_000,
      NEWSROOM_WEATHER_URL: "https://api.open-meteo.com",
      NEWSROOM_WEATHER_LOCATIONS: undefined,
      BENCH_STORIES: 10_000,
      BENCH_KEEP: false,
    });
    expect(checkConfig({ PORT: "", NEWSROOM_SITE_NAME: "   " })).toMatchObject({ ok: true, config: { PORT: 3000, NEWSROOM_SITE_NAME: "The Newsroom" } });
  });

  it("parses set values into their types", () => {
    const result = checkConfig({
      DATABASE_URL: "postgresql://u:p@db.example:5432/news",
      PORT: " 8080 ",
      SITE_URL: "https://news.example",
      NEWSROOM_MAX_UPLOAD_MB: "0.5",
      NEWSROOM_TRUSTED_PROXIES: "2",
      NEWSROOM_SCHEDULER: "off",
      NEWSROOM_WEATHER: "OFF",
      NEWSROOM_SEED_DEMO: "1",
      NEWSROOM_TIME_ZONE: "Asia/Shanghai",
      NEWSROOM_LANGUAGE: "pt-BR",
      NEWSROOM_WEATHER_LOCATIONS: "Beijing:39.9042,116.4074; Nowhere:-12.34,-56.78",
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        DATABASE_URL: "postgresql://u:p@db.example:5432/news",
        PORT: 8080,
        NEWSROOM_MAX_UPLOAD_MB: 0.5,
        NEWSROOM_TRUSTED_PROXIES: 2,
        NEWSROOM_SCHEDULER: false,
        NEWSROOM_WEATHER: false,
        NEWSROOM_SEED_DEMO: true,
        NEWSROOM_TIME_ZONE: "Asia/Shanghai",
      },
    });
  });

  it.each([
    ["PORT", "lots", "expected a port number from 1 to 65535"],
    ["PORT", "70000", "expected a port number from 1 to 65535"],
    ["EMBEDDED_PG_PORT", "54.5", "expected a port number from 1 to 65535"],
    ["SITE_URL", "news.example", "expected an http:// or https:// URL"],
    ["SITE_URL", "ftp://news.example", "expected an http:// or https:// URL"],
    ["NEWSROOM_LANGUAGE", "not a language", "expected a BCP 47 language tag"],
    ["NEWSROOM_TIME_ZONE", "Mars/Olympus", "expected an IANA time zone"],
    ["NEWSROOM_SESSION_MAX_DAYS", "0", "expected a number of days above 0"],
    ["NEWSROOM_SESSION_IDLE_HOURS", "-3", "expected a number of hours above 0"],
    ["NEWSROOM_LOGIN_LOCK_SECONDS", "soon", "expected a number of seconds above 0"],
    ["NEWSROOM_TRUSTED_PROXIES", "1.5", "expected a whole number, 0 or more"],
    ["NEWSROOM_MAX_UPLOAD_MB", "20MB", "expected a number of megabytes above 0"],
    ["NEWSROOM_UPLOAD_IDLE_SECONDS", "Infinity", "expected a number of seconds above 0"],
    ["NEWSROOM_PAGE_CACHE_MB", "0.5", "expected a number of megabytes, 1 or more"],
    ["NEWSROOM_SCHEDULER", "disabled", "expected on or off"],
    ["NEWSROOM_SEED_DEMO", "please", "expected 1 or 0"],
    ["NEWSROOM_SCHEDULER_INTERVAL_MS", "10s", "expected a whole number of milliseconds above 0"],
    ["NEWSROOM_WEATHER_URL", "open-meteo", "expected an http:// or https:// URL"],
    ["BENCH_PORT", "0", "expected a port number from 1 to 65535"],
  ])("refuses %s=%j, saying what it expected", (name, value, expected) => {
    expect(problemsOf({ [name]: value })).toEqual([{ name, value, message: expect.stringContaining(expected) }]);
  });

  it("names the weather location entry that does not parse", () => {
    const [problem] = problemsOf({ NEWSROOM_WEATHER_LOCATIONS: "Beijing:39.9,116.4;Atlantis;Pole:91,0" });
    expect(problem!.message).toContain('"Atlantis" is not one');
    expect(problemsOf({ NEWSROOM_WEATHER_LOCATIONS: "Pole:91,0" })[0]!.message).toContain('"Pole:91,0" is not one');
  });

  it("lists every bad variable at once, in one error", () => {
    const env = { PORT: "http", NEWSROOM_MAX_UPLOAD_MB: "-5", NEWSROOM_TIME_ZONE: "Nowhere/Land", NEWSROOM_SITE_NAME: "Fine Paper" };
    expect(problemsOf(env).map((p) => p.name)).toEqual(["PORT", "NEWSROOM_TIME_ZONE", "NEWSROOM_MAX_UPLOAD_MB"]);
    const err = (() => {
      try {
        assertConfig(env);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe(
      [
        "The configuration has 3 problems (environment variables, .env or .env.local):",
        '  PORT="http": expected a port number from 1 to 65535',
        '  NEWSROOM_TIME_ZONE="Nowhere/Land": expected an IANA time zone, e.g. Europe/Berlin',
        '  NEWSROOM_MAX_UPLOAD_MB="-5": expected a number of megabytes above 0',
        "See .env.example for every variable and its default.",
      ].join("\n"),
    );
  });

  it("never prints a secret's value, even a wrong one", () => {
    const env = { DATABASE_URL: "mysql://root:hunter2-secret@db/news", AUTH_SECRET: "short-hunter2", REDIS_URL: "http://:hunter2@cache" };
    const problems = problemsOf(env);
    expect(problems.map((p) => [p.name, p.value])).toEqual([
      ["DATABASE_URL", null],
      ["AUTH_SECRET", null],
      ["REDIS_URL", null],
    ]);
    const text = formatProblems(problems);
    expect(text).not.toContain("hunter2");
    expect(text).toContain("AUTH_SECRET (value hidden): expected at least 32 characters");
    expect(() => config("DATABASE_URL", env)).toThrow(/DATABASE_URL \(value hidden\): expected a postgresql:\/\/ URL/);
  });
});

describe("config(name)", () => {
  it("reads process.env when called (so a value set later counts)", () => {
    const before = process.env.NEWSROOM_MAX_UPLOAD_MB;
    try {
      process.env.NEWSROOM_MAX_UPLOAD_MB = "7";
      expect(config("NEWSROOM_MAX_UPLOAD_MB")).toBe(7);
      delete process.env.NEWSROOM_MAX_UPLOAD_MB;
      expect(config("NEWSROOM_MAX_UPLOAD_MB")).toBe(20);
    } finally {
      if (before === undefined) delete process.env.NEWSROOM_MAX_UPLOAD_MB;
      else process.env.NEWSROOM_MAX_UPLOAD_MB = before;
    }
  });

  it("throws for a bad value instead of quietly using the default", () => {
    expect(() => config("NEWSROOM_TRUSTED_PROXIES", { NEWSROOM_TRUSTED_PROXIES: "all" })).toThrow(ConfigError);
    expect(() => config("NEWSROOM_TRUSTED_PROXIES", { NEWSROOM_TRUSTED_PROXIES: "all" })).toThrow(
      'NEWSROOM_TRUSTED_PROXIES="all": expected a whole number, 0 or more',
    );
  });
});

describe(".env.example", () => {
  const file = readFileSync(path.join(import.meta.dirname, "../../.env.example"), "utf8");

  it("is the list's own text (regenerate it from envExample() when a variable changes)", () => {
    expect(file).toBe(envExample());
  });

  it("names every variable with its default", () => {
    for (const [name, spec] of Object.entries(VARIABLES)) {
      expect(file).toContain(`Default: ${spec.defaultText}\n# ${name}=${spec.default === undefined ? "" : spec.defaultText}\n`);
    }
  });

  it("gives defaults that parse to the defaults", () => {
    const env = Object.fromEntries([...file.matchAll(/^# ([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(env).sort()).toEqual(Object.keys(VARIABLES).sort());
    expect(checkConfig(env)).toEqual(checkConfig({}));
  });
});
