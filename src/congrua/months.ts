/**
 * Month arithmetic for the unemployment and benefit bands, on calendar days (UTC-midnight dates, the form
 * dateOnly fields are stored in; any time of day is ignored).
 *
 * Definition (chosen so that "up to 6 months" has a precise edge):
 * - whole months m = the largest m such that from + m months ≤ to, where "+ m months" keeps the day of
 *   the month and clamps to the month's last day (31 January + 1 month = 28/29 February);
 * - the remainder is the days from that anniversary to `to`, as a fraction of the days to the next
 *   anniversary.
 * So 15/01 → 15/07 is exactly 6 (band "up to 6"), 15/01 → 16/07 is 6 + 1/31 (band "over 6").
 */
const DAY_MS = 86_400_000;

export interface ElapsedMonths {
  /** wholeMonths + fraction of the current month. */
  value: number;
  wholeMonths: number;
  /** Days after the last monthly anniversary. */
  extraDays: number;
}

function dayIndex(d: Date): number {
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / DAY_MS);
}

/** `from` plus `months` calendar months, clamped to the end of the target month, as a day index. */
function anniversary(from: Date, months: number): number {
  const monthIndex = from.getUTCMonth() + months;
  const year = from.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(year, month, Math.min(from.getUTCDate(), lastDay)) / DAY_MS);
}

/** Months from `from` to `to` (see the definition above); null when `to` precedes `from`. */
export function elapsedMonths(from: Date, to: Date): ElapsedMonths | null {
  const end = dayIndex(to);
  if (end < dayIndex(from)) return null;
  let whole = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (anniversary(from, whole) > end) whole -= 1;
  const start = anniversary(from, whole);
  const extraDays = end - start;
  const monthLength = anniversary(from, whole + 1) - start;
  return { value: whole + extraDays / monthLength, wholeMonths: whole, extraDays };
}

/** ISO calendar day of a date ("YYYY-MM-DD", UTC), the form rule-set dates are kept in. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Italian: "6 mesi", "1 mese", "6 mesi e 1 giorno", "12 giorni". */
export function formatElapsed(e: ElapsedMonths): string {
  const months = e.wholeMonths === 1 ? "1 mese" : `${e.wholeMonths} mesi`;
  const days = e.extraDays === 1 ? "1 giorno" : `${e.extraDays} giorni`;
  if (e.extraDays === 0) return months;
  if (e.wholeMonths === 0) return days;
  return `${months} e ${days}`;
}
