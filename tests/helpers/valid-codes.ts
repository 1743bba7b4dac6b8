import { vatNumber } from "../../src/demo/tax-codes.js";

/** Partite IVA with correct check digits, for requests that must pass validation. */
export const VALID_VAT_NUMBERS = Array.from({ length: 10 }, (_, i) => vatNumber(1234567 + i * 1111, "001"));

export const TORINO = "001272";
export const MONCALIERI = "001156";
export const MILANO = "015146";
