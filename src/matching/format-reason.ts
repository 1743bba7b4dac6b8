/** Small formatting helpers for the Italian reasons every score carries. */

// One formatter for all: toLocaleString builds a new one per call, which shows when scoring thousands.
const ONE_DECIMAL = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 1 });

export const km = (value: number): string => `${ONE_DECIMAL.format(value)} km`;

/** A count as Italian writes it (12.350). */
export const count = (value: number): string => ONE_DECIMAL.format(value);

export const pct = (value: number): string => `${Math.round(value * 100)}%`;

export function duration(months: number): string {
  const m = Math.max(0, Math.round(months));
  const years = Math.floor(m / 12);
  const rest = m % 12;
  const y = years === 1 ? "1 anno" : `${years} anni`;
  const mo = rest === 1 ? "1 mese" : `${rest} mesi`;
  if (years === 0) return mo;
  return rest === 0 ? y : `${y} e ${mo}`;
}

export const quoted = (text: string): string => `«${text}»`;

export function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} e ${items[items.length - 1]}`;
}

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
