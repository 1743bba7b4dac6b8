/** Tax codes with correct check characters, for requests that must pass validation. */
export const VALID_VAT_NUMBERS = [
  "12345670017", "02468130014", "13579240964", "09876540155", "05555550127",
  "03141590632", "02718281088", "08642090016", "01928370012", "05551230013",
];
export const VALID_PERSON_TAX_CODES = [
  "RSSMRA85T10L219G", "BNCLRA90A41L219X", "VRDGPP80B01F205W", "NRELCU75C15F335V", "GLLFNC88D52L219J",
  "CLMMRC70E10B111I", "FRRSFN92H45L219V", "RMNLCA95M60F205A", "BRNPLA83R20L219X", "MRNGLI77S55L219J",
];

export const TORINO = "001272";
export const MONCALIERI = "001156";
export const MILANO = "015146";

const ODD: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21, A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19,
  J: 21, K: 2, L: 4, M: 18, N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

/** The n-th of an endless series of distinct, valid codici fiscali (born in Torino, 1970–1999). */
export function personTaxCode(n: number): string {
  // Consonants only: the name part of a codice fiscale has rules on where vowels may stand.
  const C = "BCDFGHJKLMNPQRSTVWZ";
  const letters = (k: number) => C[k % 19]! + C[Math.floor(k / 19) % 19]! + C[Math.floor(k / 361) % 19]!;
  const body = `${letters(n)}${letters(n + 7)}${String(70 + (n % 30)).padStart(2, "0")}A${String(1 + (n % 28)).padStart(2, "0")}L219`;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = body[i]!;
    sum += i % 2 === 0 ? ODD[c]! : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
  }
  return body + String.fromCharCode(65 + (sum % 26));
}
