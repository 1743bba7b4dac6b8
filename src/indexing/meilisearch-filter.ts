import type { FilterValue } from "./search-index.js";
import { filterKey } from "./filter-key.js";

/**
 * Meilisearch filter expressions. Every value is quoted and escaped: bare values collide with the
 * filter syntax (`province = TO` is refused, TO being a reserved word) and user text must never be
 * read as syntax. Attribute names come from the declared schema, never from input.
 */
export function quote(value: FilterValue): string {
  return `"${filterKey(value).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** `attr IN ["a", "b"]`: OR within one attribute. */
export function anyOfFilter(attribute: string, values: readonly FilterValue[]): string {
  return `${attribute} IN [${[...new Set(values.map(filterKey))].map(quote).join(", ")}]`;
}

/** AND of the given clauses, each parenthesised; undefined for none. */
export function allOf(clauses: readonly string[]): string | undefined {
  return clauses.length === 0 ? undefined : clauses.map((c) => `(${c})`).join(" AND ");
}

export function geoRadiusFilter(near: { lat: number; lon: number; radiusKm: number }): string {
  if (![near.lat, near.lon, near.radiusKm].every(Number.isFinite)) throw new RangeError("near: lat, lon e radiusKm devono essere numeri finiti");
  return `_geoRadius(${near.lat}, ${near.lon}, ${Math.ceil(near.radiusKm * 1000)})`;
}
