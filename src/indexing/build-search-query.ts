import { notFound } from "../errors/app-error.js";
import type { Db } from "../db/client.js";
import { z } from "../validation/zod-setup.js";
import type { FilterValue, SearchQuery } from "./search-index.js";

type SortInput = "relevance" | "date" | "date_asc" | "distance";

/** The radius around `nearComune` when none is given. */
export const DEFAULT_WITHIN_KM = 30;

/** `withinKm` of the search routes: optional, so that a radius sent without a place can be told from the default. */
export const withinKmParam = z.coerce.number().min(1).max(500).optional().describe(`…entro K km (${DEFAULT_WITHIN_KM} se assente); solo con nearComune`);

/** A radius without a place would be silently ignored: refused on `withinKm`, as a bad parameter (400 VALIDATION_FAILED). */
export function radiusNeedsPlace(input: { nearComune?: string | undefined; withinKm?: number | undefined }, ctx: z.RefinementCtx): void {
  if (input.withinKm !== undefined && !input.nearComune) {
    ctx.addIssue({ code: "custom", path: ["withinKm"], message: "withinKm richiede un luogo: indicare anche nearComune (codice ISTAT o nome del comune)" });
  }
}

export interface CommonSearchInput {
  q?: string | undefined;
  nearComune?: string | undefined;
  withinKm?: number | undefined;
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
    near = { lat: comune.lat, lon: comune.lon, radiusKm: input.withinKm ?? DEFAULT_WITHIN_KM };
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
