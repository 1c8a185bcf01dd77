#!/usr/bin/env node
// @ts-check
// One file of about 500 lines on purpose: Prisma's CLI runs it as its schema-engine binary, a program that must start on its own.
/**
 * An offline stand-in for Prisma's native schema engine.
 *
 * Prisma's CLI (generate, migrate, db push …) normally downloads a native
 * "schema engine" binary before it does anything. That download is not possible
 * on a machine without internet, so the CLI is pointed at this program instead
 * (`PRISMA_SCHEMA_ENGINE_BINARY=lib/db/schema-engine.mjs`). It runs Prisma's own
 * engine, compiled to WebAssembly (`@prisma/schema-engine-wasm`, the build that
 * matches our Prisma version), and talks to PostgreSQL through `@prisma/adapter-pg`.
 *
 * The CLI starts it in one of two ways, exactly as it starts the native binary:
 *
 *   schema-engine.mjs [--datamodels FILE …] [--datasource JSON]
 *       Line-delimited JSON-RPC 2.0 on stdin/stdout. Method names are the wasm
 *       engine's (applyMigrations, diff, schemaPush …); the few the wasm build
 *       lacks (createDatabase, getDatabaseVersion) are answered here.
 *
 *   schema-engine.mjs --datasource JSON cli can-connect-to-database|create-database
 *       One-shot commands. Exit 0 on success; on failure, exit 1 and write the
 *       error as a JSON log line on stderr, the shape the CLI parses.
 *
 * Pitfalls handled here, each seen in practice (more in the comments below):
 * - The wasm package is an ES module that imports its .wasm file, which Node 20
 *   loads only with --experimental-wasm-modules. We instantiate the .wasm
 *   ourselves instead, so no flag is needed on any Node version.
 * - The engine expects a *migration-aware* adapter factory wrapped with
 *   `bindMigrationAwareSqlAdapterFactory` (it captures driver errors so the
 *   engine can turn them into Prisma error codes).
 * - The engine reads PostgreSQL catalogs whose columns have the internal type
 *   `"char"` (OID 18). adapter-pg refuses that type ("Column type 'char' could not
 *   be deserialized"), so result columns of that type are relabelled as text; the
 *   values already arrive as one-character strings.
 * - stdout carries only JSON-RPC; logs go to stderr as JSON lines.
 */
import { randomUUID } from "node:crypto";
import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

/** @typedef {import("@prisma/driver-adapter-utils").SqlDriverAdapter} SqlDriverAdapter */
/** @typedef {import("@prisma/driver-adapter-utils").SqlQueryable} SqlQueryable */
/** @typedef {{ is_panic: boolean, message: string, error_code?: string, meta: object }} UserFacingError */
/** @typedef {{ jsonrpc: "2.0", id: number | null, method?: string, params?: any, result?: any, error?: any }} RpcMessage */

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// ─── The "char" columns of PostgreSQL's catalogs ────────────────────────────

/** @type {WeakMap<unknown[], number[]>} result rows (pg's array) → indexes of their `"char"` columns */
const charColumnsOfRows = new WeakMap();

/**
 * Relabel `"char"` result columns as text so adapter-pg accepts them (the values
 * already arrive as one-character strings), remembering which they were.
 * @template T
 * @param {T} result a pg result, or an array of them for multi-statement queries
 * @returns {T}
 */
function relabelCharColumns(result) {
  for (const r of /** @type {any[]} */ (Array.isArray(result) ? result : [result])) {
    /** @type {number[]} */
    const indexes = [];
    (r?.fields ?? []).forEach((/** @type {{ dataTypeID: number }} */ field, /** @type {number} */ i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length && r.rows) charColumnsOfRows.set(r.rows, indexes);
  }
  return result;
}

/**
 * The engine reads those columns as characters, so tell it they are: wrap an
 * adapter (and the transactions it opens) to report them as `Character`.
 * @template {SqlQueryable} Q
 * @param {Q} queryable
 * @returns {Q}
 */
function reportCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const out = await queryRaw(query);
    for (const i of charColumnsOfRows.get(out.rows) ?? []) out.columnTypes[i] = ColumnTypeEnum.Character;
    return out;
  };
  const adapter = /** @type {Partial<SqlDriverAdapter>} */ (queryable);
  if (typeof adapter.startTransaction === "function") {
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => reportCharColumns(await startTransaction(isolationLevel));
  }
  return queryable;
}

/**
 * A pg Client that hides the `"char"` type from adapter-pg. Used through the
 * Pool's `Client` option, so it covers pooled queries and transactions alike.
 */
class CatalogSafeClient extends pg.Client {
  /** @param {any[]} args pg's overloads: (text|config, values?, callback?) */
  query(...args) {
    const last = args.length - 1;
    const query = /** @type {(...a: any[]) => any} */ (super.query).bind(this);
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (/** @type {unknown} */ err, /** @type {unknown} */ res) => callback(err, err ? res : relabelCharColumns(res));
      return query(...args);
    }
    const out = query(...args);
    return out && typeof out.then === "function" ? out.then(relabelCharColumns) : out;
  }
}

// ─── Migration scripts ───────────────────────────────────────────────────────

/**
 * adapter-pg runs a script by splitting it at every ";", which breaks on a
 * semicolon inside a comment, a string or a function body. PostgreSQL's simple
 * query protocol takes the whole script at once (in one implicit transaction,
 * as the native engine does), so send it whole.
 * @template {SqlDriverAdapter} A
 * @param {A} adapter
 * @returns {A}
 */
function runScriptsWhole(adapter) {
  const pgAdapter = /** @type {SqlDriverAdapter & { underlyingDriver(): pg.Pool, onError(e: unknown): never }} */ (/** @type {unknown} */ (adapter));
  adapter.executeScript = async (script) => {
    try {
      await pgAdapter.underlyingDriver().query(script);
    } catch (err) {
      pgAdapter.onError(err);
    }
  };
  return adapter;
}

// ─── Databases ───────────────────────────────────────────────────────────────

/** The same server and credentials as `url`, another database. */
function withDatabase(/** @type {string} */ url, /** @type {string} */ name) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

function databaseName(/** @type {string} */ url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/**
 * Run something in the server's maintenance database, `postgres`.
 * @template T
 * @param {string} url any database URL on the server
 * @param {(client: pg.Client) => Promise<T>} run
 */
async function onMaintenanceDb(url, run) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE for the database named in `url`; returns its name. */
export async function createDatabase(/** @type {string} */ url) {
  const name = databaseName(url);
  await onMaintenanceDb(url, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  return name;
}

/** DROP DATABASE for the database named in `url`, ending its open connections. */
export async function dropDatabase(/** @type {string} */ url) {
  const name = databaseName(url);
  await onMaintenanceDb(url, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
}

/** Resolves when the database accepts a query; rejects with pg's error otherwise. */
export async function canConnect(/** @type {string} */ url) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Drop functions of the shadow databases still alive. The wasm engine does not
 * always dispose of its shadow adapter, so whatever is left is dropped at exit.
 * @type {Set<() => Promise<void>>}
 */
const temporaryDatabases = new Set();

/**
 * A migration-aware adapter factory for one connection string.
 *
 * adapter-pg's own connectToShadowDb creates a temporary database but then
 * connects with `{ ...config, database }`; with a connection string, pg ignores
 * `database`, so the "shadow" work would run in the main database. We create,
 * connect to and drop the temporary database ourselves.
 * @param {string} url
 * @param {string | undefined} shadowDatabaseUrl
 */
function adapterFactoryFor(url, shadowDatabaseUrl) {
  const connect = async (/** @type {string} */ connectionString) =>
    runScriptsWhole(reportCharColumns(await new PrismaPg({ connectionString, Client: CatalogSafeClient }).connect()));
  const factory = new PrismaPg({ connectionString: url, Client: CatalogSafeClient });
  factory.connect = () => connect(url);
  factory.connectToShadowDb = async () => {
    if (shadowDatabaseUrl) return connect(shadowDatabaseUrl);
    const shadowUrl = withDatabase(url, `prisma_migrate_shadow_db_${randomUUID()}`);
    await createDatabase(shadowUrl);
    const adapter = await connect(shadowUrl);
    const release = adapter.dispose.bind(adapter);
    const drop = async () => {
      temporaryDatabases.delete(drop);
      await release().catch(() => {});
      await dropDatabase(shadowUrl);
    };
    temporaryDatabases.add(drop);
    adapter.dispose = drop;
    return adapter;
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

// ─── The WebAssembly engine ──────────────────────────────────────────────────

/**
 * The wasm build reports a Rust panic by writing its message here before it
 * traps with a RuntimeError; Prisma's CLI defines the same global.
 */
const panicRegistry = {
  message: "",
  set_message(/** @type {string} */ message) {
    this.message = message;
  },
};

async function loadWasmEngine() {
  /** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  const gluePath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": /** @type {any} */ (wasmBindings) });
  wasmBindings.__wbg_set_wasm(instance.exports);
  /** @type {any} */ (instance.exports).__wbindgen_start();
  return wasmBindings.SchemaEngine;
}

/** Turn whatever the engine or the driver threw into Prisma's user-facing error shape. */
function toUserFacingError(/** @type {any} */ err) {
  if (err && typeof err === "object" && "error_code" in err) return /** @type {UserFacingError} */ (err);
  if (err?.name === "RuntimeError" && panicRegistry.message) {
    return { is_panic: true, message: panicRegistry.message, meta: {} };
  }
  const code = typeof err?.code === "string" && /^P\d{4}$/.test(err.code) ? err.code : undefined;
  return { is_panic: false, message: String(err?.message ?? err), meta: {}, ...(code ? { error_code: code } : {}) };
}

// ─── Command line ────────────────────────────────────────────────────────────

/**
 * Parse `--datamodels F…`, `--datasource JSON`, `cli COMMAND`, `--version`;
 * flags we do not use are skipped with their value.
 * @param {string[]} argv
 */
export function parseArgs(argv) {
  /** @type {{ datamodels: string[], datasource: { url?: string, shadowDatabaseUrl?: string } | null, cli: string | null, version: boolean }} */
  const out = { datamodels: [], datasource: null, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") {
      while (i + 1 < argv.length && !argv[i + 1]?.startsWith("--") && argv[i + 1] !== "cli") out.datamodels.push(String(argv[++i]));
    } else if (arg === "--datasource") {
      out.datasource = JSON.parse(String(argv[++i]));
    } else if (arg === "--enabled-preview-features" || arg === "--extension-types") {
      i++;
    } else if (arg === "--version" || arg === "-V") {
      out.version = true;
    } else if (arg === "cli") {
      out.cli = argv[++i] ?? null;
    }
  }
  return out;
}

/** A log line on stderr in the engine's JSON format. */
function log(/** @type {string} */ level, /** @type {string} */ message, fields = {}) {
  const line = { timestamp: new Date().toISOString(), level, target: "schema_engine::logger", fields: { message, ...fields } };
  process.stderr.write(JSON.stringify(line) + "\n");
}

/**
 * The Prisma error code and message for a failed connection, as the CLI expects
 * them (P1003 "database does not exist" makes it create the database).
 * @param {any} err
 * @param {string} url
 */
function connectionError(err, url) {
  const u = new URL(url);
  const at = `${u.hostname}:${u.port || 5432}`;
  if (err?.code === "3D000") return { error_code: "P1003", message: `Database \`${databaseName(url)}\` does not exist on the database server at \`${at}\`.` };
  if (err?.code === "28P01" || err?.code === "28000")
    return { error_code: "P1000", message: `Authentication failed against database server at \`${at}\`, the provided database credentials are not valid.` };
  if (err?.code === "ECONNREFUSED" || err?.code === "ENOTFOUND") return { error_code: "P1001", message: `Can't reach database server at \`${at}\`.` };
  return { error_code: undefined, message: String(err?.message ?? err) };
}

/**
 * `cli can-connect-to-database` and `cli create-database`: exit code 0 or 1.
 * @param {string} command
 * @param {string | undefined} url
 */
async function runCliCommand(command, url) {
  if (!url) {
    log("ERROR", "--datasource with a url is required for cli commands");
    return 1;
  }
  try {
    if (command === "can-connect-to-database") await canConnect(url);
    else if (command === "create-database") await createDatabase(url);
    else throw new Error(`Unknown cli command: ${command}`);
    return 0;
  } catch (err) {
    const { error_code, message } = connectionError(err, url);
    // The CLI skips the first stderr line and parses each following one as JSON.
    process.stderr.write(`schema-engine-wasm bridge: ${command} failed\n`);
    log("ERROR", message, error_code ? { error_code } : {});
    return 1;
  }
}

// ─── JSON-RPC on stdin/stdout ────────────────────────────────────────────────

function send(/** @type {RpcMessage} */ message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

/** @type {Map<number, (result: unknown) => void>} our own requests to the CLI (only "print"), awaiting its answer */
const pendingClientReplies = new Map();
let nextClientRequestId = 1_000_000;

/** Send a request to the CLI and wait for its answer. */
function askClient(/** @type {string} */ method, /** @type {object} */ params) {
  const id = nextClientRequestId++;
  return new Promise((resolve) => {
    pendingClientReplies.set(id, resolve);
    send({ jsonrpc: "2.0", id, method, params });
  });
}

/** True if `line` answers one of our own requests to the CLI. */
function settleClientReply(/** @type {string} */ line) {
  try {
    const message = JSON.parse(line);
    const resolve = message.method === undefined ? pendingClientReplies.get(message.id) : undefined;
    if (resolve) {
      pendingClientReplies.delete(message.id);
      resolve(message.result);
      return true;
    }
  } catch {
    // not JSON: handle() answers with a parse error
  }
  return false;
}

/**
 * Serve the CLI's requests until it closes stdin.
 * @param {ReturnType<typeof parseArgs>} args
 */
async function runRpcServer({ datamodels, datasource }) {
  const SchemaEngine = await loadWasmEngine();
  /** @type {[string, string][]} */
  const schemaFiles = await Promise.all(datamodels.map(async (f) => /** @type {[string, string]} */ ([f, await readFile(f, "utf8")])));
  const url = datasource?.url;
  const factory = url ? adapterFactoryFor(url, datasource?.shadowDatabaseUrl) : undefined;
  /** @type {import("@prisma/schema-engine-wasm").SchemaEngine | null} */
  let engine = null;
  const getEngine = async () => {
    if (!factory)
      throw /** @type {UserFacingError} */ ({
        is_panic: false,
        error_code: "P1012",
        message: "No datasource URL was given to the schema engine. Set DATABASE_URL.",
        meta: {},
      });
    engine ??= await SchemaEngine.new(
      { datamodels: schemaFiles.length ? schemaFiles : undefined },
      (/** @type {string} */ line) => process.stderr.write(line + "\n"),
      factory,
    );
    return engine;
  };

  /** Methods the native engine has and the wasm build lacks. @type {Record<string, (params: any) => Promise<unknown>>} */
  const local = {
    getDatabaseVersion: async (params) => (await getEngine()).version(params ?? null),
    createDatabase: async (params) => {
      const target = params?.datasource?.tag === "ConnectionString" && params.datasource.url ? params.datasource.url : url;
      if (!target) throw new Error("No database URL to create.");
      return { databaseName: await createDatabase(target) };
    },
  };

  /** Answer one request line. */
  const handle = async (/** @type {string} */ line) => {
    /** @type {RpcMessage} */
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      return send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    }
    const { id, method = "" } = request;
    if (id === undefined || id === null) return; // a notification: nothing to answer
    try {
      let result;
      const localMethod = local[method];
      if (localMethod) {
        result = await localMethod(request.params);
      } else {
        const e = /** @type {any} */ (await getEngine());
        if (typeof e[method] !== "function") {
          return send({
            jsonrpc: "2.0",
            id,
            error: { code: -32601, message: `Method not found: ${method} is not available in the WebAssembly schema engine` },
          });
        }
        result = await e[method](request.params ?? {});
      }
      if (method === "diff" && typeof result?.stdout === "string") {
        // The native engine prints the diff through a "print" request to the CLI
        // and answers with stdout: null; the CLI prints nothing else.
        await askClient("print", { content: result.stdout.replace(/\n$/, "") });
        result = { ...result, stdout: null };
      }
      send({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (err) {
      send({ jsonrpc: "2.0", id, error: { code: 4466, message: "An error happened. Check the data field for details.", data: toUserFacingError(err) } });
    }
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  // Requests are answered in order: the engine is not meant to run two commands at once.
  let queue = Promise.resolve();
  lines.on("line", (line) => {
    if (!line.trim() || settleClientReply(line)) return;
    queue = queue.then(() => handle(line));
  });
  const shutdown = () =>
    queue.then(async () => {
      try {
        engine?.free();
        await Promise.all([...temporaryDatabases].map((drop) => drop()));
      } finally {
        process.exit(0);
      }
    });
  lines.on("close", shutdown);
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    // `prisma version` runs the engine with --version and shows what it prints.
    await loadWasmEngine();
    process.stdout.write(`schema-engine-wasm ${wasmBindings.version()}\n`);
    return;
  }
  if (args.cli) process.exit(await runCliCommand(args.cli, args.datasource?.url ?? undefined));
  await runRpcServer(args);
}

// Run when executed (by the CLI); stay quiet when imported (by tests).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    log("ERROR", String(err?.stack ?? err));
    process.exit(1);
  });
}
