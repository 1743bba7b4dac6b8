/**
 * Reading single cells as operators fill them in: the same column may hold an Excel date, a typed
 * "10/01/2026" or an ISO date, a number or "1.400,50", "sì" or "X". Every reader here returns
 * undefined for an empty cell and throws CellError (an Italian message) for a value it cannot read,
 * so the row mapper can attach the message to the column.
 */

/** What a spreadsheet cell can hold once the file format is peeled away. */
export type Cell = string | number | boolean | Date | null;

export class CellError extends Error {}

/** The cell as trimmed text; numbers keep their digits (no exponent), dates become dd/mm/yyyy. */
export function cellText(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return formatDateIt(cell);
  if (typeof cell === "number") return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === "boolean") return cell ? "sì" : "no";
  const text = cell.replace(/\u00a0/g, " ").trim();
  return text === "" ? undefined : text;
}

// Excel counts days from 1899-12-30 (the 1900 leap-year bug included), in local-less days.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A calendar day at UTC midnight, the form the store uses (see dateOnly). */
function utcDay(year: number, month: number, day: number): Date | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : undefined;
}

/** dd/mm/yyyy (also with "-" or "." and two-digit years), yyyy-mm-dd, an Excel date cell or serial. */
export function parseDate(cell: Cell | undefined): Date | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) {
    // exceljs hands date cells over as UTC midnight; a time part (typed "10/01/2026 09:30") is dropped.
    return utcDay(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === "number") return excelSerialToDate(cell);
  const text = cellText(cell);
  if (text === undefined) return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return utcDay(Number(m[1]), Number(m[2]), Number(m[3])) ?? invalidDate(text);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s.*)?$/.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return utcDay(year, Number(m[2]), Number(m[1])) ?? invalidDate(text);
  }
  // A serial typed or exported as text ("46031").
  if (/^\d{5}$/.test(text)) return excelSerialToDate(Number(text));
  return invalidDate(text);
}

function invalidDate(text: string): never {
  throw new CellError(`Data non valida «${text}»: usare gg/mm/aaaa o aaaa-mm-gg`);
}

function excelSerialToDate(serial: number): Date {
  // 1 Jan 1990 .. 31 Dec 2099: anything else is a number in a date column, not a date.
  if (!(serial >= 32874 && serial <= 73050)) throw new CellError(`Data non valida «${serial}»`);
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return utcDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())!;
}

export function formatDateIt(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Reads an Italian-written number: "1.400" and "1.400,50" (dot for thousands, comma for decimals),
 * "1400.5", "€ 1.400". A single dot followed by exactly three digits is read as thousands, as
 * Italians write pay; anywhere else a dot is a decimal point.
 */
export function parseItalianNumber(text: string): number | undefined {
  const compact = text.replace(/[€\s]|euro/gi, "");
  if (!/^-?[\d.,]+$/.test(compact)) return undefined;
  let normalized: string;
  if (compact.includes(",")) normalized = compact.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(compact)) normalized = compact.replace(/\./g, "");
  else normalized = compact;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : undefined;
}

export function parseNumber(cell: Cell | undefined): number | undefined {
  if (typeof cell === "number") return cell;
  const text = cellText(cell);
  if (text === undefined) return undefined;
  const n = parseItalianNumber(text);
  if (n === undefined) throw new CellError(`Numero non valido «${text}»`);
  return n;
}

export function parseInteger(cell: Cell | undefined): number | undefined {
  const n = parseNumber(cell);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n)) throw new CellError(`Numero intero atteso, trovato «${cellText(cell)}»`);
  return n;
}

const YES = new Set(["si", "s", "yes", "y", "true", "1", "x", "vero"]);
const NO = new Set(["no", "n", "false", "0", "falso"]);

/** "sì", "si", "SI", "x" → true; "no" → false. */
export function parseYesNo(cell: Cell | undefined): boolean | undefined {
  if (typeof cell === "boolean") return cell;
  const text = cellText(cell);
  if (text === undefined) return undefined;
  const folded = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  throw new CellError(`Valore non valido «${text}»: scrivere sì o no`);
}

/** A list cell: items separated by ";" or new lines (commas too when `commas`), trimmed, empties dropped. */
export function splitList(text: string | undefined, commas = false): string[] {
  if (!text) return [];
  return text
    .split(commas ? /[;\n\r,]+/ : /[;\n\r]+/)
    .map((s) => s.replace(/^[\s•\-*·]+/, "").trim())
    .filter(Boolean);
}
