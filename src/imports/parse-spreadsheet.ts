import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse";
import { AppError } from "../errors/app-error.js";
import type { Cell } from "./cell-values.js";
import { withEntriesInOrder } from "./zip-entries.js";

/**
 * The one spreadsheet reader behind both imports: .xlsx (first worksheet) or .csv, turned into a
 * grid of cells with the row numbers an operator sees when opening the file. Knows nothing about
 * columns: matching headers is table-columns.ts's job.
 */

export type SpreadsheetFormat = "xlsx" | "csv";

export interface GridRow {
  /** 1-based, as the spreadsheet program shows it (a CSV record k opens as row k). */
  rowNumber: number;
  cells: Cell[];
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_MIMES = new Set(["text/csv", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel"]);

/** The format from the file name, else from the declared type; anything else is not a spreadsheet we read. */
export function formatFromName(fileName: string, mimeType?: string): SpreadsheetFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "xlsx") return "xlsx";
  if (ext === "csv") return "csv";
  if (ext) return undefined;
  if (mimeType === XLSX_MIME) return "xlsx";
  if (mimeType && CSV_MIMES.has(mimeType)) return "csv";
  return undefined;
}

export const unsupportedFile = (detail: string) =>
  new AppError("UNSUPPORTED_MEDIA_TYPE", "Formato non supportato: caricare un file .xlsx o .csv.", [{ field: "file", message: detail }]);

export const unreadableFile = (detail: string) =>
  new AppError("VALIDATION_FAILED", "File illeggibile.", [{ field: "file", message: detail }]);

/**
 * Checks that the bytes are what the name says, so a renamed PDF or image gets a 415 rather than a
 * parser error: an .xlsx is a zip archive, a .csv is text without NUL bytes.
 */
export function assertLooksLike(format: SpreadsheetFormat, data: Buffer): void {
  if (format === "xlsx" && !(data.length >= 4 && data.readUInt32LE(0) === 0x04034b50)) {
    throw unsupportedFile("Il file non è un foglio Excel .xlsx (i vecchi .xls vanno salvati come .xlsx).");
  }
  if (format === "csv" && data.subarray(0, 4096).includes(0)) {
    throw unsupportedFile("Il file non è un testo CSV.");
  }
}

/**
 * The rows of the first visible, non-empty worksheet or of the CSV, one at a time: both readers stream,
 * so a large file is never held as a whole grid and the caller can pause between rows.
 */
export function gridRows(data: Buffer, format: SpreadsheetFormat): AsyncGenerator<GridRow> {
  assertLooksLike(format, data);
  return format === "xlsx" ? xlsxRows(data) : csvRows(data);
}

/**
 * exceljs's streaming reader takes the entries in stored order and names each worksheet from
 * xl/workbook.xml, which exceljs itself (and other writers) store last; on Node 18 and later its
 * stream may end before that last entry and the read fails with "reading 'sheets'" (exceljs#3064).
 * So the parts a worksheet needs come first, then the worksheets, and last the content-types list,
 * which the reader does not use.
 */
const PARTS_BEFORE_SHEETS = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"];
function readingRank(name: string): number {
  const part = PARTS_BEFORE_SHEETS.indexOf(name);
  if (part >= 0) return part;
  if (name.startsWith("xl/worksheets/")) return PARTS_BEFORE_SHEETS.length;
  return name === "[Content_Types].xml" ? PARTS_BEFORE_SHEETS.length + 2 : PARTS_BEFORE_SHEETS.length + 1;
}

async function* xlsxRows(data: Buffer): AsyncGenerator<GridRow> {
  // Styles are read so date cells come out as dates; hyperlinked cells keep their text.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([withEntriesInOrder(data, readingRank)]), { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  let sheets = 0;
  try {
    for await (const sheet of workbook) {
      sheets += 1;
      const visible = !["hidden", "veryHidden"].includes((sheet as unknown as { state?: string }).state ?? "visible");
      let rows = 0;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (!visible || !row.hasValues) continue;
        const cells: Cell[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells[col - 1] = xlsxCellValue(cell.value);
        });
        rows += 1;
        yield { rowNumber: row.number, cells: Array.from(cells, (c) => c ?? null) };
      }
      if (rows > 0) return;
    }
  } catch (err) {
    throw unreadableFile(`Foglio Excel danneggiato o non leggibile (${(err as Error).message}).`);
  }
  if (sheets === 0) throw unreadableFile("Il file non contiene fogli.");
}

/** Peels exceljs's wrappers: rich text, hyperlinks (e-mails typed in Excel become mailto links), formulas. */
function xlsxCellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("hyperlink" in value) {
      const text = value.text as unknown;
      if (typeof text === "string") return text;
      if (text && typeof text === "object" && "richText" in text) return (text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
      return value.hyperlink.replace(/^mailto:/i, "");
    }
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null || (typeof result === "object" && !(result instanceof Date))) return null;
      return result as Cell;
    }
    if ("error" in value) return null;
  }
  return null;
}

/** UTF-8 (with or without BOM) or, from older Excel, Windows-1252. */
export function decodeCsvText(data: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder("windows-1252").decode(data);
  }
  return text.replace(/^\uFEFF/, "");
}

/** CSV as Italian offices produce it: ";" from Excel with Italian settings, "," or tab from other tools. */
async function* csvRows(data: Buffer): AsyncGenerator<GridRow> {
  const text = decodeCsvText(data);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [";", ",", "\t"].reduce((best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best), ";");
  const parser = Readable.from([text]).pipe(parseCsv({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
  let rowNumber = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (cells.some((c) => c.trim() !== "")) yield { rowNumber, cells };
    }
  } catch (err) {
    throw unreadableFile(`CSV non leggibile (${(err as Error).message}).`);
  } finally {
    parser.destroy();
  }
}

const count = (s: string, ch: string) => s.split(ch).length - 1;
