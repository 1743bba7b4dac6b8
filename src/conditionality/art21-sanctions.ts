/**
 * The escalating sanctions of art. 21 c. 7 D.Lgs. 150/2015 for NASpI / DIS-COLL recipients (CONGRUA.md),
 * shared by the no-show at a congrua offer and the facts an operator records: the n-th step of a ladder,
 * its last step repeating once reached.
 */
export const MISSED_APPOINTMENT_LADDER = [
  "Decurtazione di un quarto di una mensilità",
  "Decurtazione di una mensilità",
  "Decadenza dalla prestazione e dallo stato di disoccupazione",
] as const;

export const MISSED_MEASURE_LADDER = ["Decurtazione di una mensilità", "Decadenza dalla prestazione"] as const;

/** The sanction of the `ordinal`-th occurrence (1-based). */
export const ladderStep = (ladder: readonly string[], ordinal: number): string => ladder[Math.min(ordinal, ladder.length) - 1] ?? ladder[0]!;

/** "1º", "2ª": Italian ordinals, masculine and feminine. */
export const nth = (n: number) => `${n}º`;
export const nthF = (n: number) => `${n}ª`;
