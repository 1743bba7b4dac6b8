import fs from "node:fs";
import { parse } from "csv-parse/sync";

export type CsvRecord = Record<string, string>;

/**
 * Reads a UTF-8 CSV file into records keyed by header name (BOM and CRLF tolerated). Loaders read columns
 * by name so a newer release with extra or reordered columns still loads; a missing required column fails
 * here, naming the file, instead of producing empty values further on.
 */
export function readCsv(filePath: string, requiredColumns: readonly string[] = []): CsvRecord[] {
  let header: string[] = [];
  const records = parse(fs.readFileSync(filePath, "utf8"), {
    bom: true,
    columns: (names: string[]) => (header = names.map((n) => n.trim())),
    skip_empty_lines: true,
  }) as CsvRecord[];
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`${filePath}: colonne mancanti: ${missing.join(", ")}`);
  return records;
}
