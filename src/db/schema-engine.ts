// Prisma's schema engine (the code behind `prisma migrate`) compiled to WebAssembly, run in-process.
// The CLI's native engine is downloaded from a host these machines cannot reach; the wasm build is not.
// This is the only module that knows how the engine is loaded.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
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

/** The driver adapter the engine works through; the shadow database of SQLite replays scripts (see acceptScripts). */
function migrationAdapter(target: string | StoreLocation): { inner: SqlMigrationAwareDriverAdapterFactory; sqlite: boolean } {
  if (typeof target !== "string" && target.provider === "postgresql") {
    // PostgreSQL's shadow database is a temporary database on the same server (CREATE DATABASE, dropped after).
    return { inner: new PrismaPg({ connectionString: target.url }), sqlite: false };
  }
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
  const track = async (connection: Promise<SqlDriverAdapter>) => {
    const c = await connection;
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
