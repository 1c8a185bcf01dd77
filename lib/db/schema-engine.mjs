#!/usr/bin/env node
// @ts-check
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
 * Pitfalls handled here, each seen in practice:
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
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** Result rows (pg's array) → indexes of their `"char"` columns. */
const charColumnsOfRows = new WeakMap();

/**
 * Relabel `"char"` result columns as text so adapter-pg accepts them (the values
 * already arrive as one-character strings), remembering which they were.
 */
function relabelCharColumns(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    const indexes = [];
    (r?.fields ?? []).forEach((field, i) => {
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
 */
function reportCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const out = await queryRaw(query);
    for (const i of charColumnsOfRows.get(out.rows) ?? []) out.columnTypes[i] = ColumnTypeEnum.Character;
    return out;
  };
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => reportCharColumns(await startTransaction(...args));
  }
  return queryable;
}

/**
 * A pg Client that hides the `"char"` type from adapter-pg. Used through the
 * Pool's `Client` option, so it covers pooled queries and transactions alike.
 */
class CatalogSafeClient extends pg.Client {
  /** @param {any[]} args */
  query(...args) {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (/** @type {unknown} */ err, /** @type {unknown} */ res) =>
        callback(err, err ? res : relabelCharColumns(res));
      // @ts-expect-error -- forwarding pg's overloaded signature unchanged
      return super.query(...args);
    }
    // @ts-expect-error -- forwarding pg's overloaded signature unchanged
    const out = super.query(...args);
    return out && typeof out.then === "function" ? out.then(relabelCharColumns) : out;
  }
}

/**
 * Drop functions of the shadow databases still alive. The wasm engine does not
 * always dispose of its shadow adapter, so whatever is left is dropped at exit.
 */
const temporaryDatabases = new Set();

/** The same server and credentials as `url`, another database. */
function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/**
 * A migration-aware adapter factory for one connection string.
 *
 * adapter-pg's own connectToShadowDb creates a temporary database but then
 * connects with `{ ...config, database }`; with a connection string, pg ignores
 * `database`, so the "shadow" work would run in the main database. We create,
 * connect to and drop the temporary database ourselves.
 */
function adapterFactoryFor(url, shadowDatabaseUrl) {
  const connect = async (connectionString) =>
    reportCharColumns(await new PrismaPg({ connectionString, Client: CatalogSafeClient }).connect());
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
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": wasmBindings });
  wasmBindings.__wbg_set_wasm(instance.exports);
  /** @type {any} */ (instance.exports).__wbindgen_start();
  return wasmBindings.SchemaEngine;
}

/** Parse `--datamodels F…`, `--datasource JSON`, `cli COMMAND`; ignore flags we do not use. */
export function parseArgs(argv) {
  /** @type {{ datamodels: string[], datasource: any, cli: string | null }} */
  const out = { datamodels: [], datasource: null, cli: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--") && argv[i + 1] !== "cli") {
        out.datamodels.push(argv[++i]);
      }
    } else if (arg === "--datasource") {
      out.datasource = JSON.parse(argv[++i]);
    } else if (arg === "--enabled-preview-features" || arg === "--extension-types") {
      i++;
    } else if (arg === "cli") {
      out.cli = argv[++i] ?? null;
    }
  }
  return out;
}

function log(level, message, fields = {}) {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, target: "schema_engine::logger", fields: { message, ...fields } }) + "\n",
  );
}

/** Turn whatever the engine or the driver threw into Prisma's user-facing error shape. */
function toUserFacingError(err) {
  if (err && typeof err === "object" && "error_code" in err) return err;
  const e = /** @type {any} */ (err);
  if (e?.name === "RuntimeError" && panicRegistry.message) {
    return { is_panic: true, message: panicRegistry.message, meta: {}, error_code: undefined };
  }
  return { is_panic: e?.name === "RuntimeError", message: String(e?.message ?? e), meta: {}, error_code: e?.code && /^P\d{4}$/.test(e.code) ? e.code : undefined };
}

/** Connection details from the `--datasource` argument or an RPC `datasource` param. */
function urlFromDatasourceParam(param, fallback) {
  if (param?.tag === "ConnectionString" && param.url) return param.url;
  return fallback;
}

/** Run one statement in the server's maintenance database, `postgres`. */
async function onMaintenanceDb(url, run) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/** CREATE DATABASE for the database named in `url`. */
export async function createDatabase(url) {
  const name = databaseName(url);
  await onMaintenanceDb(url, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  return name;
}

/** DROP DATABASE for the database named in `url`, ending its open connections. */
export async function dropDatabase(url) {
  const name = databaseName(url);
  await onMaintenanceDb(url, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
}

export async function canConnect(url) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}

/** Prisma error codes for the connection failures the CLI reacts to. */
function connectionError(err, url) {
  const e = /** @type {any} */ (err);
  const u = new URL(url);
  const db = decodeURIComponent(u.pathname.slice(1));
  if (e?.code === "3D000") return { error_code: "P1003", message: `Database \`${db}\` does not exist on the database server at \`${u.hostname}:${u.port || 5432}\`.` };
  if (e?.code === "28P01" || e?.code === "28000") return { error_code: "P1000", message: `Authentication failed against database server at \`${u.hostname}\`, the provided database credentials are not valid.` };
  if (e?.code === "ECONNREFUSED" || e?.code === "ENOTFOUND") return { error_code: "P1001", message: `Can't reach database server at \`${u.hostname}:${u.port || 5432}\`.` };
  return { error_code: undefined, message: String(e?.message ?? e) };
}

async function runCliCommand(command, url) {
  if (!url) throw new Error("--datasource with a url is required for cli commands");
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

async function runRpcServer({ datamodels, datasource }) {
  const SchemaEngine = await loadWasmEngine();
  const schemaFiles = await Promise.all(datamodels.map(async (f) => /** @type {[string, string]} */ ([f, await readFile(f, "utf8")])));
  const url = datasource?.url;
  const factory = url ? adapterFactoryFor(url, datasource?.shadowDatabaseUrl) : undefined;
  /** @type {any} */
  let engine = null;
  const getEngine = async () => {
    if (!factory) throw { is_panic: false, error_code: "P1012", message: "No datasource URL was given to the schema engine. Set DATABASE_URL.", meta: {} };
    engine ??= await SchemaEngine.new({ datamodels: schemaFiles.length ? schemaFiles : undefined }, (/** @type {string} */ line) => process.stderr.write(line + "\n"), factory);
    return engine;
  };

  /** @type {Record<string, (params: any) => Promise<unknown>>} */
  const local = {
    async getDatabaseVersion(params) {
      return (await getEngine()).version(params ?? null);
    },
    async createDatabase(params) {
      const target = urlFromDatasourceParam(params?.datasource, url);
      return { databaseName: await createDatabase(target) };
    },
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  // Requests are answered in order: the engine is not meant to run two commands at once.
  let queue = Promise.resolve();
  lines.on("line", (line) => {
    if (!line.trim()) return;
    if (settleClientReply(line)) return;
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

  async function handle(line) {
    /** @type {any} */
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      return reply({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    }
    if (request.id === undefined) return; // a notification, or a reply to something we never send
    try {
      let result;
      if (local[request.method]) result = await local[request.method](request.params);
      else {
        const e = await getEngine();
        if (typeof e[request.method] !== "function") {
          return reply({ jsonrpc: "2.0", id: request.id, error: { code: -32601, message: `Method not found: ${request.method} is not available in the WebAssembly schema engine` } });
        }
        result = await e[request.method](request.params ?? {});
      }
      if (request.method === "diff" && typeof result?.stdout === "string") {
        // The native engine prints the diff through a "print" request to the CLI
        // and answers with stdout: null; the CLI prints nothing else.
        await askClient("print", { content: result.stdout.replace(/\n$/, "") });
        result = { ...result, stdout: null };
      }
      reply({ jsonrpc: "2.0", id: request.id, result: result ?? {} });
    } catch (err) {
      const data = toUserFacingError(err);
      reply({ jsonrpc: "2.0", id: request.id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } });
    }
  }
}

/** Requests we sent to the CLI (only "print"), waiting for its answer. */
const pendingClientReplies = new Map();
let nextClientRequestId = 1_000_000;

function askClient(method, params) {
  const id = nextClientRequestId++;
  return new Promise((resolve) => {
    pendingClientReplies.set(id, resolve);
    reply({ jsonrpc: "2.0", id, method, params });
  });
}

/** True if `line` answers one of our own requests to the CLI. */
function settleClientReply(line) {
  try {
    const message = JSON.parse(line);
    if (message.method === undefined && pendingClientReplies.has(message.id)) {
      pendingClientReplies.get(message.id)(message.result);
      pendingClientReplies.delete(message.id);
      return true;
    }
  } catch {
    // not JSON: handle() answers with a parse error
  }
  return false;
}

function reply(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.cli) process.exit(await runCliCommand(args.cli, args.datasource?.url));
  await runRpcServer(args);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("schema-engine.mjs")) {
  main().catch((err) => {
    log("ERROR", String(err?.stack ?? err));
    process.exit(1);
  });
}
