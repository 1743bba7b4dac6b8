import { isValidPersonTaxCode } from "../validation/tax-code.js";
import { birthPartOf } from "./tax-code-consistency.js";

/** Nobody younger registers as a job seeker: it settles the century the tax code leaves open. */
const YOUNGEST_JOB_SEEKER = 14;

/** The birth day (YYYY-MM-DD) a person's codice fiscale encodes, or null for a code that does not encode one. */
export function birthDateFromTaxCode(taxCode: string, today: Date = new Date()): string | null {
  if (!isValidPersonTaxCode(taxCode)) return null;
  const { twoDigitYear, month, day } = birthPartOf(taxCode.toUpperCase());
  const thisYear = today.getUTCFullYear();
  const year = 2000 + twoDigitYear <= thisYear - YOUNGEST_JOB_SEEKER ? 2000 + twoDigitYear : 1900 + twoDigitYear;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whole years from a birth day to a date. */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const before = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  return on.getUTCFullYear() - y - (before ? 1 : 0);
}
