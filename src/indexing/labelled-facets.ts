import type { DbTx } from "../db/client.js";
import type { SearchResult } from "./search-index.js";

/** One value of a facet as a search answers it: the code to filter by, the name people read, how many. */
export interface FacetValue {
  code: string;
  label: string;
  count: number;
}

export type LabelledFacets = Record<string, FacetValue[]>;

/** Names the values of one facet: from a list in code, or with one read of the store for all of them. */
export type FacetLabeller = (codes: string[]) => ReadonlyMap<string, string> | Promise<ReadonlyMap<string, string>>;

/** A labeller from a function of one code; an unknown code (undefined) is shown as itself. */
export const labelEach =
  (label: (code: string) => string | undefined): FacetLabeller =>
  (codes) =>
    new Map(codes.flatMap((c) => {
      const l = label(c);
      return l === undefined ? [] : [[c, l] as const];
    }));

/** CPIs by their name. */
export const cpiLabels =
  (db: DbTx): FacetLabeller =>
  async (codes) =>
    new Map((await db.cpi.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })).map((c) => [c.code, c.name]));

/** Provinces (by their acronym, as documents store them) by their name. */
export const provinceLabels =
  (db: DbTx): FacetLabeller =>
  async (codes) =>
    new Map(
      (
        await db.comune.findMany({
          where: { provinceAcronym: { in: codes } },
          distinct: ["provinceAcronym"],
          select: { provinceAcronym: true, provinceName: true },
        })
      ).map((c) => [c.provinceAcronym, c.provinceName]),
    );

/**
 * The index's facet counts with a label beside each code, the most frequent first. A code no labeller
 * knows is labelled with itself, so a value is never hidden for want of a name.
 */
export async function labelFacets(facets: SearchResult["facets"], labellers: Readonly<Record<string, FacetLabeller>>): Promise<LabelledFacets> {
  const out: LabelledFacets = {};
  for (const [field, counts] of Object.entries(facets)) {
    const codes = Object.keys(counts);
    const labels = codes.length > 0 && labellers[field] ? await labellers[field](codes) : new Map<string, string>();
    out[field] = codes
      .map((code) => ({ code, label: labels.get(code) ?? code, count: counts[code]! }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  }
  return out;
}
