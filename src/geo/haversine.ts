export interface LatLon {
  lat: number;
  lon: number;
}

/** Mean Earth radius (IUGG), km: the same constant the SQL distance expression in the search index uses. */
export const EARTH_RADIUS_KM = 6371.0088;

const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in km between two WGS84 points (spherical model; < 0.5% error, ample for "within K km"). */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Lat/lon box that contains every point within radiusKm of the centre: a cheap, index-friendly
 * pre-filter before the exact haversine check. The longitude half-width is asin(sin r / cos lat)
 * (not r / cos lat, which is slightly too narrow because meridians converge inside the circle).
 */
export function boundingBox(centre: LatLon, radiusKm: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const r = radiusKm / EARTH_RADIUS_KM;
  const dLat = (r * 180) / Math.PI;
  const s = Math.sin(r) / Math.cos(toRad(centre.lat));
  // Circle reaching a pole (or a radius over a quarter of the globe): every longitude qualifies.
  const dLon = s >= 1 || r >= Math.PI / 2 ? 180 : (Math.asin(s) * 180) / Math.PI;
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLon: centre.lon - dLon, maxLon: centre.lon + dLon };
}
