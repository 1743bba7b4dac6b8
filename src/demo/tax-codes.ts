import { firstNameLetters, MONTH_LETTERS, surnameLetters, taxCodeCheckCharacter } from "../validation/tax-code-letters.js";

/**
 * Generation of valid Italian tax identifiers for the demo data, on the encoding rules of
 * src/validation/tax-code-letters.ts; the demo tests check every generated code against the validation.
 */

export interface PersonTaxCodeInput {
  firstName: string;
  lastName: string;
  birthDate: Date;
  sex: "M" | "F";
  /** Cadastral (Belfiore) code of the comune of birth, or the Z code of the foreign country. */
  birthPlaceCode: string;
}

/** A codice fiscale computed as the Agenzia delle Entrate does (without omocodia substitutions). */
export function personTaxCode(p: PersonTaxCodeInput): string {
  const year = String(p.birthDate.getUTCFullYear() % 100).padStart(2, "0");
  const month = MONTH_LETTERS[p.birthDate.getUTCMonth()];
  const day = String(p.birthDate.getUTCDate() + (p.sex === "F" ? 40 : 0)).padStart(2, "0");
  const first15 = `${surnameLetters(p.lastName)}${firstNameLetters(p.firstName)}${year}${month}${day}${p.birthPlaceCode.toUpperCase()}`;
  if (!/^[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}$/.test(first15)) throw new Error(`Codice fiscale non componibile: ${first15}`);
  return first15 + taxCodeCheckCharacter(first15);
}

/** The check digit of the first 10 digits of a partita IVA (Luhn-like). */
export function vatCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(first10[i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A partita IVA: 7-digit serial (not all zeros), 3-digit office code (the province's ISTAT code,
 * 001–201 as the Agenzia assigns them), check digit.
 */
export function vatNumber(serial: number, officeCode: string): string {
  const s = String(Math.max(1, serial % 10_000_000)).padStart(7, "0");
  const office = officeCode.padStart(3, "0").slice(-3);
  const first10 = `${s}${office}`;
  return `${first10}${vatCheckDigit(first10)}`;
}
