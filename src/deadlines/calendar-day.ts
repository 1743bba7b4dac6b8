/**
 * Calendar days as the CPI offices count them: Italian days (Europe/Rome), written "YYYY-MM-DD".
 * Date-only fields are stored at UTC midnight, which falls on the same Italian day; instants (a list
 * sent at 00:30 on the 2nd, Italian time) count on the Italian day they happened.
 */
export type Day = string;

const ITALIAN_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" });
const DAY_MS = 86_400_000;

/** The Italian calendar day of an instant. */
export const dayOf = (instant: Date): Day => ITALIAN_DAY.format(instant);

/** The day as a Date at UTC midnight, the form date-only fields are stored in. */
export const dayDate = (day: Day): Date => new Date(`${day}T00:00:00Z`);

export const addDays = (day: Day, days: number): Day => new Date(dayDate(day).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` comes first). */
export const daysBetween = (from: Day, to: Day): number => Math.round((dayDate(to).getTime() - dayDate(from).getTime()) / DAY_MS);

/** dd/mm/yyyy, as Italian messages write dates. */
export const italianDay = (day: Day): string => day.split("-").reverse().join("/");
