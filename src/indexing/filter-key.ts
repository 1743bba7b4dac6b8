import type { FilterValue } from "./search-index.js";

/** Canonical text form of a filter value, shared by writes, filters and facet keys of every backend. */
export function filterKey(v: FilterValue): string {
  return typeof v === "boolean" ? (v ? "true" : "false") : String(v);
}
