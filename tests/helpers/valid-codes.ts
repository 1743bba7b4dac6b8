import { personTaxCode, vatNumber } from "../../src/demo/tax-codes.js";

/** Partite IVA with correct check digits, for requests that must pass validation. */
export const VALID_VAT_NUMBERS = Array.from({ length: 10 }, (_, i) => vatNumber(1234567 + i * 1111, "001"));

export const TORINO = "001272";
export const MONCALIERI = "001156";
export const MILANO = "015146";

// Consonant-only names keep every generated code distinct and valid (vowels have placement rules).
const C = "BCDFGHJKLMNPQRSTVWZ";
const name = (k: number) => C[k % 19]! + C[Math.floor(k / 19) % 19]! + C[Math.floor(k / 361) % 19]!;

/** The n-th of an endless series of distinct, valid codici fiscali (born in Torino). */
export function testTaxCode(n: number): string {
  return personTaxCode({
    lastName: name(n),
    firstName: name(n + 7),
    birthDate: new Date(Date.UTC(1970 + (n % 30), n % 12, 1 + (n % 28))),
    sex: n % 2 ? "F" : "M",
    birthPlaceCode: "L219",
  });
}
