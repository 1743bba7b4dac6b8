import jsvat from "jsvat-next";
import validator from "validator";
import { taxCodeCheckCharacter } from "./tax-code-letters.js";

/** Omocodia letters in place of the digits 0–9, and the positions of the code they may take. */
const OMOCODIA_LETTERS = "LMNPQRSTUV";
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
const SHAPE = /^[A-Z]{6}[\dLMNPQRSTUV]{2}[ABCDEHLMPRST][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z]$/;

/** The code with omocodia letters turned back into digits. */
export function withoutOmocodia(taxCode: string): string {
  const chars = [...taxCode.toUpperCase()];
  for (const i of DIGIT_POSITIONS) {
    const digit = OMOCODIA_LETTERS.indexOf(chars[i] ?? "");
    if (digit >= 0) chars[i] = String(digit);
  }
  return chars.join("");
}

/**
 * A person's codice fiscale: 16 characters with its check letter, omocodia included. The Agenzia
 * computes the check letter of an omocode on the code as written, while `validator` computes it on the
 * digits read back; so the letter is checked here, and `validator` checks the name letters and the
 * date on the plain form.
 */
export function isValidPersonTaxCode(value: string): boolean {
  if (!SHAPE.test(value) || taxCodeCheckCharacter(value.slice(0, 15)) !== value[15]) return false;
  const plain = withoutOmocodia(value.slice(0, 15));
  return validator.isTaxID(plain + taxCodeCheckCharacter(plain), "it-IT");
}

/** A company's partita IVA (11 digits, Luhn-like check digit). */
export function isValidVatNumber(value: string): boolean {
  return /^\d{11}$/.test(value) && jsvat.checkVAT(`IT${value}`, [jsvat.italy]).isValid;
}

/** Companies are identified by partita IVA, sole traders may use their personal codice fiscale. */
export function isValidCompanyTaxCode(value: string): boolean {
  return isValidVatNumber(value) || isValidPersonTaxCode(value);
}

/** Upper case, no spaces, no "IT" prefix: the form we store and compare. */
export function normalizeTaxCode(value: string): string {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return /^IT\d{11}$/.test(compact) ? compact.slice(2) : compact;
}
