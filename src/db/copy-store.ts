// Copies every table of a SQLite store into an empty PostgreSQL store of the same schema, table by table
// in foreign-key order, page by page through Prisma (so each value arrives typed: dates, booleans, JSON,
// bytes). A checkpoint table in the target records each finished table: a copy interrupted halfway is
// resumed by running it again, which redoes only the unfinished table and those after it.
import { AppError } from "../errors/app-error.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";
import { insertRows } from "./insert-rows.js";

const CHECKPOINT = "_vetrina_move_checkpoint";
const PAGE = 1_000;

export interface TableCopy {
  table: string;
  rows: number;
  /** Finished by an earlier, interrupted run. */
  resumed: boolean;
}

export interface CopyProgress {
  /** Once, before copying: how many rows the source holds in all. */
  start?(totalRows: number): void;
  /** After every page (rows copied so far in all, the already finished tables counted). */
  rows?(done: number): void;
  /** After each table, its rows counted on both sides. */
  tableDone?(copy: TableCopy): void;
}

interface TableInfo {
  name: string;
  primaryKey: string[];
  parents: string[];
}

/** The models' tables with their primary key and the tables they point at, read from the SQLite source. */
async function sourceTables(source: Db): Promise<TableInfo[]> {
  const tables: TableInfo[] = [];
  for (const name of Object.values(Prisma.ModelName)) {
    const columns = await source.$queryRawUnsafe<{ name: string; pk: unknown }[]>(`SELECT name, pk FROM pragma_table_info('${name}')`);
    const keys = await source.$queryRawUnsafe<{ table: string }[]>(`SELECT "table" FROM pragma_foreign_key_list('${name}')`);
    const primaryKey = columns
      .filter((c) => Number(c.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((c) => c.name);
    tables.push({ name, primaryKey, parents: [...new Set(keys.map((k) => k.table))].filter((t) => t !== name) });
  }
  return tables;
}

/** Parents before children (a table's rows can only point at rows already copied). */
export function foreignKeyOrder<T extends { name: string; parents: string[] }>(tables: T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: T[] = [];
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (t: T) => {
    if (done.has(t.name) || visiting.has(t.name)) return;
    visiting.add(t.name);
    for (const parent of t.parents) {
      const p = byName.get(parent);
      if (p) visit(p);
    }
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered;
}

const delegate = (db: Db, table: string) =>
  (db as unknown as Record<string, { findMany(args: object): Promise<object[]>; count(): Promise<number> }>)[table[0]!.toLowerCase() + table.slice(1)]!;

async function finishedTables(target: Db): Promise<Map<string, number> | null> {
  const exists = await target.$queryRawUnsafe<{ t: string | null }[]>(`SELECT to_regclass('"${CHECKPOINT}"')::text AS t`);
  if (!exists[0]?.t) return null;
  const rows = await target.$queryRawUnsafe<{ table_name: string; rows: unknown }[]>(`SELECT table_name, rows FROM "${CHECKPOINT}"`);
  return new Map(rows.map((r) => [r.table_name, Number(r.rows)]));
}

/** Autoincrement columns (the event log's sequence number) continue after the copied values. */
async function resetSequences(target: Db): Promise<void> {
  const serials = await target.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'",
  );
  for (const { table_name: t, column_name: c } of serials) {
    await target.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${t}"', '${c}'), COALESCE((SELECT MAX("${c}") FROM "${t}"), 0) + 1, false)`,
    );
  }
}

/**
 * Copies the SQLite store `source` into the PostgreSQL store `target` (migrated, and empty unless an earlier
 * copy was interrupted). Every table's rows are counted on both sides; a difference stops the copy.
 */
export async function copyStore(source: Db, target: Db, progress: CopyProgress = {}): Promise<TableCopy[]> {
  const tables = foreignKeyOrder(await sourceTables(source));
  let finished = await finishedTables(target);
  if (!finished) {
    for (const t of tables) {
      if ((await delegate(target, t.name).count()) > 0) {
        throw new AppError("CONFLICT", `Il database PostgreSQL di destinazione contiene già dati (tabella ${t.name}): usare un database vuoto.`, [
          { field: "url", message: t.name },
        ]);
      }
    }
    await target.$executeRawUnsafe(`CREATE TABLE "${CHECKPOINT}" (table_name TEXT PRIMARY KEY, rows BIGINT NOT NULL, finished_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    finished = new Map();
  }
  const counts = new Map<string, number>();
  for (const t of tables) counts.set(t.name, await delegate(source, t.name).count());
  progress.start?.([...counts.values()].reduce((a, b) => a + b, 0));

  const copies: TableCopy[] = [];
  let done = 0;
  for (const t of tables) {
    const expected = counts.get(t.name)!;
    if (finished.get(t.name) === expected) {
      done += expected;
      progress.rows?.(done);
      const copy = { table: t.name, rows: expected, resumed: true };
      copies.push(copy);
      progress.tableDone?.(copy);
      continue;
    }
    // What an interrupted run left of this table is copied again from the start.
    await target.$executeRawUnsafe(`DELETE FROM "${t.name}"`);
    const orderBy = t.primaryKey.map((c) => ({ [c]: "asc" }));
    for (let skip = 0; ; skip += PAGE) {
      const rows = await delegate(source, t.name).findMany({ orderBy, skip, take: PAGE });
      if (rows.length === 0) break;
      await insertRows(target, t.name, rows);
      done += rows.length;
      progress.rows?.(done);
      if (rows.length < PAGE) break;
    }
    const copied = await delegate(target, t.name).count();
    if (copied !== expected) {
      throw new AppError("INTERNAL", `Tabella ${t.name}: ${expected} righe nel file SQLite, ${copied} copiate in PostgreSQL.`, [{ field: t.name, message: "conteggio diverso" }]);
    }
    await target.$executeRawUnsafe(`INSERT INTO "${CHECKPOINT}" (table_name, rows) VALUES ($1, $2)`, t.name, copied);
    const copy = { table: t.name, rows: copied, resumed: false };
    copies.push(copy);
    progress.tableDone?.(copy);
  }
  await resetSequences(target);
  return copies;
}

/** The copy is complete (tables, counts, index): the checkpoint goes, and a new copy needs an empty database again. */
export async function finishCopy(target: Db): Promise<void> {
  await target.$executeRawUnsafe(`DROP TABLE IF EXISTS "${CHECKPOINT}"`);
}
