/**
 * How a codice fiscale encodes its holder (D.M. 23/12/1976): the letters of surname and first name, the
 * month letter and the check character. Validation, the consistency checks and the demo generator all
 * read the rules from here.
 */

export const MONTH_LETTERS = "ABCDEHLMPRST";
const VOWELS = new Set(["A", "E", "I", "O", "U"]);

/** Upper-case Latin letters only: accents dropped, apostrophes and spaces removed ("D'Angelo" → "DANGELO"). */
function lettersOf(name: string): string[] {
  return [...name.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase().replace(/[^A-Z]/g, "")];
}

/** Consonants, then vowels, then X up to three letters. */
function threeLetters(consonants: string[], vowels: string[]): string {
  return [...consonants, ...vowels, "X", "X", "X"].slice(0, 3).join("");
}

export function surnameLetters(lastName: string): string {
  const letters = lettersOf(lastName);
  return threeLetters(letters.filter((c) => !VOWELS.has(c)), letters.filter((c) => VOWELS.has(c)));
}

/** As the surname, except that a name with four or more consonants keeps the 1st, 3rd and 4th. */
export function firstNameLetters(firstName: string): string {
  const letters = lettersOf(firstName);
  const consonants = letters.filter((c) => !VOWELS.has(c));
  if (consonants.length >= 4) return [consonants[0], consonants[2], consonants[3]].join("");
  return threeLetters(consonants, letters.filter((c) => VOWELS.has(c)));
}

const ODD_VALUES: Record<string, number> = {
  "0": 1, "1": 0, "2": 5, "3": 7, "4": 9, "5": 13, "6": 15, "7": 17, "8": 19, "9": 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

function evenValue(ch: string): number {
  return /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
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
