import type { Cell } from "./cell-values.js";
import { unreadableFile, type GridRow } from "./parse-spreadsheet.js";

/**
 * Finds a table's columns by their Italian headers. Operators retype headers, so matching ignores
 * case, accents, spaces and the kind of dash ("Competenze – requisiti", "competenze-requisiti");
 * order does not matter. A missing required column rejects the whole file: reading rows without it
 * would reject every row for the same reason, or worse, accept them half-empty.
 */

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The header as written in the official layout; the export writes exactly this. */
  header: string;
  /** Other headers seen in the wild for the same column. */
  aliases?: readonly string[];
  required?: boolean;
}

export interface TableRow<K extends string> {
  rowNumber: number;
  get(key: K): Cell | undefined;
  /** Whether the file has the column at all (an empty cell and a missing column may mean different things). */
  has(key: K): boolean;
}

export interface Table<K extends string> {
  headerRowNumber: number;
  /** The rows below the header, read as they are consumed. */
  rows: AsyncIterable<TableRow<K>>;
  /** Headers present in the file that no column claims (reported, then ignored). */
  ignoredHeaders: string[];
}

export function foldHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[‐‑‒–—−_]/g, "-")
    .replace(/[\s.:'’°]+/g, "");
}

/** How many rows from the top may hold titles or notes before the header row. */
const HEADER_SEARCH_ROWS = 10;

export async function readTable<K extends string>(source: AsyncIterable<GridRow>, columns: readonly ColumnSpec<K>[]): Promise<Table<K>> {
  const iterator = source[Symbol.asyncIterator]();
  const grid: GridRow[] = [];
  while (grid.length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    grid.push(next.value);
  }
  const byFolded = new Map<string, K>();
  for (const c of columns) for (const h of [c.header, ...(c.aliases ?? [])]) byFolded.set(foldHeader(h), c.key);

  // The header row is the one, among the first few, that names the most known columns.
  let best: { index: number; hits: number } = { index: -1, hits: 0 };
  grid.forEach((row, index) => {
    const hits = new Set(row.cells.map((c) => byFolded.get(foldHeader(String(c ?? "")))).filter(Boolean)).size;
    if (hits > best.hits) best = { index, hits };
  });
  const headerRow = grid[best.index];
  if (!headerRow) {
    throw unreadableFile(`Riga di intestazione non trovata: attese le colonne ${columns.map((c) => `«${c.header}»`).join(", ")}.`);
  }

  const position = new Map<K, number>();
  const ignoredHeaders: string[] = [];
  headerRow.cells.forEach((cell, i) => {
    const text = String(cell ?? "").trim();
    if (!text) return;
    const key = byFolded.get(foldHeader(text));
    if (key !== undefined && !position.has(key)) position.set(key, i);
    else ignoredHeaders.push(text);
  });
  const missing = columns.filter((c) => c.required && !position.has(c.key));
  if (missing.length > 0) {
    throw unreadableFile(
      `Colonne obbligatorie mancanti: ${missing.map((c) => `«${c.header}»`).join(", ")} (intestazioni trovate alla riga ${headerRow.rowNumber}).`,
    );
  }

  const tableRow = (row: GridRow): TableRow<K> => ({
    rowNumber: row.rowNumber,
    get: (key: K) => {
      const i = position.get(key);
      return i === undefined ? undefined : row.cells[i];
    },
    has: (key: K) => position.has(key),
  });
  async function* rows(): AsyncGenerator<TableRow<K>> {
    for (const row of grid.slice(best.index + 1)) yield tableRow(row);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield tableRow(next.value);
  }
  return { headerRowNumber: headerRow.rowNumber, rows: rows(), ignoredHeaders };
}
