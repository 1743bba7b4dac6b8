import type { Day } from "../deadlines/calendar-day.js";

/** A half-year as the regional plans name it: "2026-H1" (January–June) or "2026-H2" (July–December). */
export const HALF_YEAR = /^(\d{4})-H([12])$/;

/** The first and last day of a half-year written as HALF_YEAR. */
export function halfYearPeriod(half: string): { from: Day; to: Day } {
  const [, year, n] = HALF_YEAR.exec(half) ?? [];
  if (!year) throw new Error(`Not a half-year: ${half}`);
  return n === "1" ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** The half-year a day falls in. */
export const halfYearOf = (day: Day): string => `${day.slice(0, 4)}-H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
