import { haversineKm, type LatLon } from "../geo/haversine.js";

/** Bands instead of kilometres: the employer learns how far, never where the person lives. */
export const DISTANCE_BANDS = ["entro_10_km", "10_25_km", "25_50_km", "oltre_50_km"] as const;
export type DistanceBand = (typeof DISTANCE_BANDS)[number];

export const DISTANCE_BAND_LABELS: Record<DistanceBand, string> = {
  entro_10_km: "entro 10 km",
  "10_25_km": "10–25 km",
  "25_50_km": "25–50 km",
  oltre_50_km: "oltre 50 km",
};

export function distanceBand(km: number): DistanceBand {
  if (km <= 10) return "entro_10_km";
  if (km <= 25) return "10_25_km";
  if (km <= 50) return "25_50_km";
  return "oltre_50_km";
}

/** The band from the person's comune to the workplace; null when the vacancy names no workplace. */
export const bandBetween = (home: LatLon, workplace: LatLon | null): DistanceBand | null =>
  workplace ? distanceBand(haversineKm(home, workplace)) : null;
