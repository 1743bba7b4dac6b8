const DAY_MS = 86_400_000;

export const parseDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** Months between two days, as a decimal (30.44-day months): for experience lengths and recency. */
export function monthsBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS / 30.4375;
}
