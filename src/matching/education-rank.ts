/**
 * Education codes of the national list in order of attainment; the postgraduate titles (8–11) are
 * one step, the doctorate the last.
 */
const EDUCATION_RANK: Record<string, number> = { "0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 8, "10": 8, "11": 8, "12": 9 };

export const educationRank = (code: string): number => EDUCATION_RANK[code] ?? 0;
