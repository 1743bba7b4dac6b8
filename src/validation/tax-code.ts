import jsvat from "jsvat-next";
import validator from "validator";

/** A person's codice fiscale: 16 characters with its check letter (omocodia included). */
export function isValidPersonTaxCode(value: string): boolean {
  return /^[A-Z0-9]{16}$/.test(value) && validator.isTaxID(value, "it-IT");
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
