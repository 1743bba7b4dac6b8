import { cellOf, cellsWithin } from "../geo/geo-cells.js";
import type { LatLon } from "../geo/haversine.js";
import { retrievalKeys, type ResolvedOccupation } from "../taxonomy/occupation-taxonomy.js";

/**
 * Occupation keys joined to a grid cell ("isco4:9333@180:21"): at a million people the commonest
 * occupations hold a tenth of them, and a key alone would make every list read them all; joined to
 * the cell, a list reads only the related people of the cells around the workplace.
 */
export function occupationCellKeys(occupations: ResolvedOccupation[], home: LatLon): string[] {
  const cell = cellOf(home);
  return [...new Set(occupations.flatMap(retrievalKeys))].map((k) => `${k}@${cell}`);
}

/** The terms to look up for an offer: its occupation's keys in every cell within the radius. */
export function occupationCellQuery(occupation: ResolvedOccupation, workplace: LatLon, radiusKm: number): string[] {
  const keys = retrievalKeys(occupation);
  return cellsWithin(workplace, radiusKm).flatMap((cell) => keys.map((k) => `${k}@${cell}`));
}
