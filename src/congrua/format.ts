/**
 * Italian number formatting for the reasons. Hand-written rather than Intl: the ICU data shipped with
 * Node does not group four-digit numbers in it-IT ("1200,00 €"), and reasons must read the same everywhere.
 */

function group(integerPart: string): string {
  return integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** 63.2 → "63,2"; 50 → "50"; 1234.5 → "1.234,5" (at most `maxDecimals` decimals, no trailing zeros). */
export function formatNumber(n: number, maxDecimals = 1): string {
  const fixed = Math.abs(n).toFixed(maxDecimals);
  const [integerPart = "0", decimals = ""] = fixed.split(".");
  const trimmed = decimals.replace(/0+$/, "");
  const sign = n < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${group(integerPart)}${trimmed ? `,${trimmed}` : ""}`;
}

/** 1200 → "€ 1.200,00". */
export function formatEuro(n: number): string {
  const [integerPart = "0", cents = "00"] = Math.abs(n).toFixed(2).split(".");
  return `€ ${n < 0 ? "-" : ""}${group(integerPart)},${cents}`;
}

/** 0.8 → "80%"; 0.0919 → "9,19%". */
export function formatPercent(ratio: number): string {
  return `${formatNumber(ratio * 100, 2)}%`;
}

/** 1 → "1ª offerta". */
export function ordinalOffer(n: number): string {
  return `${n}ª offerta`;
}

/** "a" ≥ "b" with a tolerance for floating-point products such as 0.8 × 37.5. */
export function atLeast(a: number, b: number): boolean {
  return a >= b - 1e-9 * Math.max(1, Math.abs(b));
}

/** "a" ≤ "b" with the same tolerance. */
export function atMost(a: number, b: number): boolean {
  return a <= b + 1e-9 * Math.max(1, Math.abs(b));
}

/** Percentage with its Italian article: "l'80%", "il 20%", "l'11%", "il 60%". */
export function percentWithArticle(ratio: number): string {
  const text = formatPercent(ratio);
  const integerPart = text.split(/[,%]/)[0] ?? "";
  // "otto…", "uno", "undici" start with a vowel sound; every other percentage below 1000 does not.
  const vowelSound = integerPart.startsWith("8") || integerPart === "1" || integerPart === "11";
  return vowelSound ? `l'${text}` : `il ${text}`;
}

/** The same with "di": "dell'80%", "del 20%". */
export function ofPercent(ratio: number): string {
  const withArticle = percentWithArticle(ratio);
  return withArticle.startsWith("l'") ? `del${withArticle}` : `del ${withArticle.slice(3)}`;
}
