import { boundingBox, type LatLon } from "./haversine.js";

/** About 28 × 27 km at Italian latitudes: a few dozen cells cover a commuting radius. */
const CELL_LAT_DEG = 0.25;
const CELL_LON_DEG = 0.35;

/** The coarse grid cell of a point, as an exact term an index can store. */
export function cellOf(p: LatLon): string {
  return `${Math.floor(p.lat / CELL_LAT_DEG)}:${Math.floor(p.lon / CELL_LON_DEG)}`;
}

/** Every cell that may hold a point within radiusKm of the centre (those of its bounding box). */
export function cellsWithin(centre: LatLon, radiusKm: number): string[] {
  const box = boundingBox(centre, radiusKm);
  const cells: string[] = [];
  for (let la = Math.floor(box.minLat / CELL_LAT_DEG); la <= Math.floor(box.maxLat / CELL_LAT_DEG); la++) {
    for (let lo = Math.floor(box.minLon / CELL_LON_DEG); lo <= Math.floor(box.maxLon / CELL_LON_DEG); lo++) cells.push(`${la}:${lo}`);
  }
  return cells;
}
