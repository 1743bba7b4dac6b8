/**
 * Generation of valid Italian tax identifiers for the demo data. Validation lives in
 * src/validation/tax-code.ts; the demo tests check every generated code against it.
 */

const MONTH_LETTERS = "ABCDEHLMPRST";
const VOWELS = new Set(["A", "E", "I", "O", "U"]);

const ODD_VALUES: Record<string, number> = {
  "0": 1, "1": 0, "2": 5, "3": 7, "4": 9, "5": 13, "6": 15, "7": 17, "8": 19, "9": 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

function evenValue(ch: string): number {
  return /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
}

/** Upper-case letters only, accents dropped ("D'Angelo" → "DANGELO", "Niccolò" → "NICCOLO"). */
function lettersOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
}

function splitLetters(name: string): { consonants: string[]; vowels: string[] } {
  const letters = [...lettersOf(name)];
  return { consonants: letters.filter((c) => !VOWELS.has(c)), vowels: letters.filter((c) => VOWELS.has(c)) };
}

function surnamePart(lastName: string): string {
  const { consonants, vowels } = splitLetters(lastName);
  return [...consonants, ...vowels, "X", "X", "X"].slice(0, 3).join("");
}

function firstNamePart(firstName: string): string {
  const { consonants, vowels } = splitLetters(firstName);
  if (consonants.length >= 4) return [consonants[0], consonants[2], consonants[3]].join("");
  return [...consonants, ...vowels, "X", "X", "X"].slice(0, 3).join("");
}

/** The check character of the first 15 characters of a codice fiscale. */
export function taxCodeCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = first15[i] ?? "0";
    // Positions are 1-based in the specification: odd positions are even indexes.
    sum += i % 2 === 0 ? (ODD_VALUES[ch] ?? 0) : evenValue(ch);
  }
  return String.fromCharCode(65 + (sum % 26));
}

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
  const first15 = `${surnamePart(p.lastName)}${firstNamePart(p.firstName)}${year}${month}${day}${p.birthPlaceCode.toUpperCase()}`;
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
