import { AppError } from "../errors/app-error.js";
import { assertLooksLike, decodeCsvText, unreadableFile, type SpreadsheetFormat } from "./parse-spreadsheet.js";
import { declaredInflatedSize, entryPrefix, inflatedSizeWithin, zipEntries } from "./zip-entries.js";

/**
 * The bounds an upload must keep before any parser sees it, checked in the request itself so an
 * oversized file is refused at once (413 / 422) rather than after its memory is spent:
 *   - an .xlsx may inflate to at most IMPORT_MAX_UNCOMPRESSED_MB, as its zip directory declares it;
 *   - a file may hold at most IMPORT_MAX_ROWS rows: counted for a CSV, read from the sheet's declared
 *     dimension for an .xlsx (the reader counts again while reading, for files that declare none).
 */

export interface ImportLimits {
  maxRows: number;
  maxInflatedBytes: number;
}

export interface CheckedUpload {
  /** Data rows the file holds or declares (header excluded), when known. */
  rows: number | undefined;
}

const fmt = (n: number) => n.toLocaleString("it-IT");

export const tooManyRows = (found: string, limit: number) =>
  new AppError("TOO_MANY_ROWS", `Troppe righe: il massimo per un'importazione è ${fmt(limit)} (IMPORT_MAX_ROWS).`, [
    { field: "file", message: `${found}: dividere il file in più parti.` },
  ]);

export const tooLargeInflated = (limitBytes: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `Foglio Excel troppo grande una volta decompresso: il massimo è ${fmt(limitBytes / 1024 ** 2)} MB (IMPORT_MAX_UNCOMPRESSED_MB).`, [
    { field: "file", message: "Il contenuto del file .xlsx supera il limite: salvarlo come .csv o dividerlo in più parti." },
  ]);

export function checkUpload(data: Buffer, format: SpreadsheetFormat, limits: ImportLimits): CheckedUpload {
  assertLooksLike(format, data);
  const rows = format === "csv" ? countCsvRecords(decodeCsvText(data)) - 1 : declaredXlsxRows(data, limits);
  if (rows !== undefined && rows > limits.maxRows) throw tooManyRows(`il file contiene ${fmt(rows)} righe`, limits.maxRows);
  return { rows: rows === undefined ? undefined : Math.max(0, rows) };
}

function declaredXlsxRows(data: Buffer, limits: ImportLimits): number | undefined {
  const entries = zipEntries(data);
  if (!entries) throw unreadableFile("Foglio Excel danneggiato: l'archivio .xlsx non è leggibile.");
  if (declaredInflatedSize(entries) > limits.maxInflatedBytes) throw tooLargeInflated(limits.maxInflatedBytes);
  let rows: number | undefined;
  for (const entry of entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))) {
    const match = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(entryPrefix(data, entry, 4096));
    if (match?.[1]) rows = Math.max(rows ?? 0, Number(match[1]) - 1);
  }
  return rows;
}

/** For the background reader: whether an .xlsx really inflates within the limit (its directory may lie). */
export async function assertInflatesWithin(data: Buffer, format: SpreadsheetFormat, limits: ImportLimits): Promise<void> {
  if (format !== "xlsx") return;
  const entries = zipEntries(data);
  if (entries && !(await inflatedSizeWithin(data, entries, limits.maxInflatedBytes))) throw tooLargeInflated(limits.maxInflatedBytes);
}

/**
 * Non-empty CSV records, quotes respected (a quoted cell may span lines): one pass over the text,
 * no parsing. The header is one of them.
 */
export function countCsvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) quoted = !quoted;
    if (quoted) {
      content = true;
      continue;
    }
    if (c === 10 /* \n */) {
      if (content) records++;
      content = false;
    } else if (c !== 13 && c !== 32 && c !== 9 && c !== 59 && c !== 44) {
      // Separators and blanks alone do not make a record (a row of empty cells is skipped).
      content = true;
    }
  }
  return records + (content ? 1 : 0);
}
