/**
 * The one folding used to compare place names (and other names typed by people): lower case, accents
 * dropped, apostrophes and hyphens as spaces, single spaces. "Cirié", "CIRIE'" and "Ciriè" all fold to
 * "cirie", because operators type names from keyboards, spreadsheets and old systems that lose accents
 * or write them as a trailing apostrophe.
 */
export function foldName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "") // combining accents left by NFD
    .toLowerCase()
    .replace(/ß/g, "ss") // NFD leaves ß whole; South Tyrolean names use it
    .replace(/['’‘`´\-‐–—]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
