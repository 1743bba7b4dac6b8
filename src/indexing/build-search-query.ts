import { notFound } from "../errors/app-error.js";
import type { Db } from "../db/client.js";
import type { FilterValue, SearchQuery } from "./search-index.js";

type SortInput = "relevance" | "date" | "date_asc" | "distance";

export interface CommonSearchInput {
  q?: string | undefined;
  nearComune?: string | undefined;
  withinKm: number;
  sort: SortInput;
  page: number;
  pageSize: number;
}

/**
 * Turns the API's search parameters into an index query, shared by the showcase and candidate search:
 * empty filters are dropped, "near comune X within K km" becomes a point and a radius, and without
 * text the natural order is the newest first.
 */
export async function buildSearchQuery(
  db: Db,
  input: CommonSearchInput,
  filters: Record<string, FilterValue[] | undefined>,
  facets: readonly string[],
): Promise<SearchQuery> {
  let near: SearchQuery["near"];
  if (input.nearComune) {
    const comune = await db.comune.findUnique({ where: { istatCode: input.nearComune } });
    if (!comune) throw notFound(`Comune ${input.nearComune}`);
    near = { lat: comune.lat, lon: comune.lon, radiusKm: input.withinKm };
  }
  const sort: SearchQuery["sort"] =
    input.sort === "date" ? "date_desc"
    : input.sort === "date_asc" ? "date_asc"
    : input.sort === "distance" && near ? "distance"
    : input.q?.trim() ? "relevance"
    : "date_desc";
  return {
    q: input.q,
    filters: Object.fromEntries(Object.entries(filters).filter((e): e is [string, FilterValue[]] => !!e[1]?.length)),
    near,
    sort,
    page: input.page,
    pageSize: input.pageSize,
    facets: [...facets],
  };
}

export const roundKm = (km: number | null) => (km === null ? null : Math.round(km * 10) / 10);
