import { GROUPS, VARIABLES, type TValue, type TVariable, type TVariableName } from "./variables";

/**
 * Reading the configuration (lib/config/variables.ts lists it).
 *
 * - `checkConfig(env)`: every variable at once, for start-up (scripts/serve.ts
 *   stops with the whole list before starting anything).
 * - `config(name)`: one variable where it is used, read from process.env at
 *   that moment (tests and the launcher set variables after import). A bad
 *   value throws ConfigError rather than quietly becoming the default.
 *
 * A value is trimmed; an empty one counts as unset (`FOO=` in a .env file).
 */

type TEnv = Record<string, string | undefined>;

export type TConfigProblem = {
  name: TVariableName;
  /** The value as given, or null for a secret (never shown). */
  value: string | null;
  /** What was expected instead. */
  message: string;
};

/** One or more variables have values the app cannot use. */
export class ConfigError extends Error {
  constructor(readonly problems: TConfigProblem[]) {
    super(formatProblems(problems));
    this.name = "ConfigError";
  }
}

function raw(env: TEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parseOne<T>(name: TVariableName, spec: TVariable<T>, env: TEnv): { ok: true; value: T } | { ok: false; problem: TConfigProblem } {
  const given = raw(env, name);
  if (given === undefined) return { ok: true, value: spec.default as T };
  const parsed = spec.schema.safeParse(given);
  if (parsed.success) return { ok: true, value: parsed.data };
  // A check that names what is wrong (a custom issue) says it; otherwise the variable's own "expected".
  const custom = parsed.error.issues.find((i) => i.code === "custom" && i.message && i.message !== "Invalid input");
  return { ok: false, problem: { name, value: spec.secret ? null : given, message: custom ? custom.message : `expected ${spec.expected}` } };
}

/** One variable's value from process.env (or `env`), its default when unset. Throws ConfigError for a bad value. */
export function config<K extends TVariableName>(name: K, env: TEnv = process.env): TValue<K> {
  const result = parseOne(name, VARIABLES[name] as TVariable<TValue<K>>, env);
  if (!result.ok) throw new ConfigError([result.problem]);
  return result.value;
}

export type TConfig = { [K in TVariableName]: TValue<K> };

/** Every variable at once: the whole configuration, or every problem in it. */
export function checkConfig(env: TEnv = process.env): { ok: true; config: TConfig } | { ok: false; problems: TConfigProblem[] } {
  const values: Partial<Record<TVariableName, unknown>> = {};
  const problems: TConfigProblem[] = [];
  for (const name of Object.keys(VARIABLES) as TVariableName[]) {
    const result = parseOne(name, VARIABLES[name] as TVariable<unknown>, env);
    if (result.ok) values[name] = result.value;
    else problems.push(result.problem);
  }
  if (problems.length === 0) return { ok: true, config: values as TConfig };
  return { ok: false, problems };
}

/** Throws one ConfigError listing every problem, else returns the configuration. */
export function assertConfig(env: TEnv = process.env): TConfig {
  const result = checkConfig(env);
  if (!result.ok) throw new ConfigError(result.problems);
  return result.config;
}

/**
 * The list a person fixes their configuration from:
 *
 *   The configuration has 2 problems (environment variables, .env or .env.local):
 *     NEWSROOM_MAX_UPLOAD_MB="lots": expected a number of megabytes above 0
 *     AUTH_SECRET (value hidden): expected at least 32 characters, …
 */
export function formatProblems(problems: TConfigProblem[]): string {
  const head = `The configuration has ${problems.length === 1 ? "a problem" : `${problems.length} problems`} (environment variables, .env or .env.local):`;
  const lines = problems.map((p) => `  ${p.name}${p.value === null ? " (value hidden)" : `=${JSON.stringify(p.value)}`}: ${p.message}`);
  return [head, ...lines, "See .env.example for every variable and its default."].join("\n");
}

/** .env.example's text, from the list (a unit test checks the file is this). */
export function envExample(): string {
  const out = [
    "# Newsroom's configuration: every environment variable it reads, with its default.",
    "# Copy what you need to .env (or .env.local, which wins over .env; neither is committed).",
    "# Real environment variables win over both. `npm start`, `npm run dev`, `npm run user`,",
    "# `npm run prisma`, `npm run db:seed` and `npm run bench` read these files as Next does.",
    "# An empty value counts as unset.",
  ];
  for (const [group, title] of Object.entries(GROUPS)) {
    out.push("", `# --- ${title} ---`);
    for (const [name, spec] of Object.entries(VARIABLES) as [TVariableName, TVariable<unknown>][]) {
      if (spec.group !== group) continue;
      out.push("", `# ${spec.description}`, `# Expected: ${spec.expected}. Default: ${spec.defaultText}`);
      out.push(spec.default === undefined ? `# ${name}=` : `# ${name}=${spec.defaultText}`);
    }
  }
  return out.join("\n") + "\n";
}
