// Prisma's schema engine (the code behind `prisma migrate`) compiled to WebAssembly, run in-process.
// The CLI's native engine is downloaded from a host these machines cannot reach; the wasm build is not.
// This is the only module that knows how the engine is loaded.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { parse as parsePostgresUrl } from "pg-connection-string";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
// Only the wasm-bindgen glue: the package's main entry does `import "./x.wasm"`, which Node 20 rejects.
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { StoreLocation } from "./store-location.js";

export type {
  DiffTarget,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);

// The wasm shipped inside the installed `prisma` package is the engine of that exact CLI version (Prisma's
// own loader pairs it with the glue the same way); npm has no glue package built from that exact commit,
// so the glue comes from @prisma/schema-engine-wasm and we check below that it fits.
const wasmPath = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");

// The project's lib (ES2023, no DOM) has no WebAssembly value type: describe the calls made here.
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<{ exports: Record<string, unknown> }>;
  Module: { imports(module: object): { name: string }[] };
}

let engineClass: Promise<typeof SchemaEngine> | undefined;

// Once per process: the glue keeps the instance in module state, and a second instantiation breaks it.
function loadEngineClass(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    const module = await wasmApi.compile(await fs.promises.readFile(wasmPath));
    // wasm-bindgen names imports by signature hash: a missing name means glue and wasm come from different builds.
    const missing = wasmApi.Module.imports(module).filter((i) => !(i.name in glue));
    if (missing.length > 0) {
      throw new Error(
        `@prisma/schema-engine-wasm does not match ${wasmPath} (missing ${missing.map((i) => i.name).join(", ")}); ` +
          "install the @prisma/schema-engine-wasm version built with the installed prisma's engine",
      );
    }
    const instance = await wasmApi.instantiate(module, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return engineClass;
}

/**
 * Errors the engine throws are Errors or plain { code, message } objects; a failure inside the driver adapter
 * only shows as "External error id#N", the real error waiting in the adapter's registry: put it in the message.
 */
function toError(e: unknown, registry: ErrorRegistry): Error {
  const { code, message } = (e ?? {}) as { code?: string; message?: string };
  let text = code ? `${code}: ${message}` : String(message ?? e);
  text = text.replace(/External error id#(\d+)/g, (whole, id: string) => {
    const cause = registry.consumeError(Number(id))?.error as { message?: string; kind?: string } | undefined;
    return cause ? `${whole}: ${cause.message ?? cause.kind ?? JSON.stringify(cause)}` : whole;
  });
  return Object.assign(new Error(text, { cause: e }), { code });
}

/**
 * The engine replays each migration.sql on the shadow database with one executeRaw call, which
 * better-sqlite3 refuses for more than one statement (applying to the real database uses executeScript and
 * works). Refused before anything runs, so running the same text as a script instead is safe.
 */
function acceptScripts(connection: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = connection.executeRaw.bind(connection);
  connection.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (e) {
      if (!(e instanceof RangeError && /more than one statement/.test(e.message) && query.args.length === 0)) throw e;
      await connection.executeScript(query.sql);
      return 0;
    }
  };
  return connection;
}

/**
 * PostgreSQL's shadow database: a temporary database on the same server, dropped afterwards. Not the adapter's
 * own connectToShadowDb, which connects to the main database (its connection string wins over the database
 * it names) and drops the shadow database before closing its connections to it.
 */
/** PostgreSQL's one-byte internal type `"char"` (pg_class.relkind, pg_constraint.contype, …). */
const PG_INTERNAL_CHAR = 18;
const PG_TEXT = 25;

/**
 * The engine describes a schema by reading the catalogues, whose `"char"` columns the pg adapter refuses
 * ("Column type 'char' could not be deserialized"); Prisma's native engine reads them as text. node-postgres
 * already returns their values as strings: only the reported type changes, to text.
 */
function readInternalCharAsText(connection: SqlDriverAdapter): SqlDriverAdapter {
  const pool = (connection as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  const query = pool.query.bind(pool) as (config: unknown) => Promise<pg.QueryResult>;
  (pool as unknown as { query: (config: unknown) => Promise<pg.QueryResult> }).query = async (config) => {
    const result = await query(config);
    for (const field of result.fields ?? []) if (field.dataTypeID === PG_INTERNAL_CHAR) field.dataTypeID = PG_TEXT;
    return result;
  };
  return connection;
}

function postgresMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg({ connectionString: url });
  const { database: _main, ...server } = parsePostgresUrl(url);
  const fields = Object.fromEntries(Object.entries(server).filter(([, v]) => v !== null && v !== undefined));
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => readInternalCharAsText(await main.connect()),
    connectToShadowDb: async () => {
      const admin = await main.connect();
      const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = readInternalCharAsText(await new PrismaPg({ ...fields, database: name } as ConstructorParameters<typeof PrismaPg>[0]).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        try {
          await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        } finally {
          await admin.dispose();
        }
      };
      return shadow;
    },
  };
}

/** The driver adapter the engine works through; the shadow database of SQLite replays scripts (see acceptScripts). */
function migrationAdapter(target: string | StoreLocation): { inner: SqlMigrationAwareDriverAdapterFactory; sqlite: boolean } {
  if (typeof target !== "string" && target.provider === "postgresql") return { inner: postgresMigrationAdapter(target.url), sqlite: false };
  const databasePath = typeof target === "string" ? target : target.path;
  return { inner: new PrismaBetterSqlite3({ url: databasePath === ":memory:" ? ":memory:" : `file:${databasePath}` }), sqlite: true };
}

/**
 * Runs `work` with a schema engine connected to the store: the SQLite file at `target` (":memory:" when the
 * database does not matter, e.g. diffs, which run on an in-memory shadow database) or a PostgreSQL database.
 * The engine and every connection it opened are released afterwards, so a SQLite file can be copied or
 * deleted right away.
 */
export async function withSchemaEngine<T>(target: string | StoreLocation, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const Engine = await loadEngineClass();
  const { inner, sqlite } = migrationAdapter(target);
  // engine.free() leaves the database connection open (the file stays locked): close every connection ourselves.
  const opened: SqlDriverAdapter[] = [];
  // The engine disposes some connections itself; a pg pool refuses to be ended twice: dispose each once.
  const track = async (connection: Promise<SqlDriverAdapter>) => {
    const c = await connection;
    const dispose = c.dispose.bind(c);
    let disposed: Promise<void> | undefined;
    c.dispose = () => (disposed ??= dispose());
    opened.push(c);
    return c;
  };
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => track(inner.connect()),
    connectToShadowDb: () => track(sqlite ? inner.connectToShadowDb().then(acceptScripts) : inner.connectToShadowDb()),
  });
  const debug = process.env.DEBUG_SCHEMA_ENGINE ? (line: string) => console.error(`[schema-engine] ${line}`) : () => {};
  let engine: SchemaEngine | undefined;
  try {
    engine = await Engine.new({ datamodels: undefined }, debug, factory);
    return await work(engine);
  } catch (e) {
    throw toError(e, factory.errorRegistry);
  } finally {
    engine?.free();
    await Promise.all(opened.map((c) => c.dispose()));
  }
}
