import type { Db } from "../db/client.js";
import { insertRows } from "../db/insert-rows.js";
import type { Comune } from "../generated/prisma/client.js";
import { shippedComuni } from "../reference/comuni.js";
import { cpiDisplayName, nearestCpiCatchment, resolveCpis, type CatchmentRow, type Cpi } from "../reference/cpis.js";
import { foldName } from "../reference/fold-name.js";

/**
 * Which CPIs the demo populates. Without DEMO_REGION: the seeded CPIs (Piemonte, Lombardia). With it (a
 * region's name, "Emilia-Romagna", or its ISTAT code, "08"): the open CPIs loaded for that region with
 * their catchments; when none is loaded, provisional CPIs, one per province, are created first.
 */

export interface Region {
  code: string;
  name: string;
}

export function findRegion(value: string, comuni: readonly Comune[] = shippedComuni().rows): Region | undefined {
  const wanted = /^\d{1,2}$/.test(value.trim()) ? value.trim().padStart(2, "0") : foldName(value);
  const hit = comuni.find((c) => c.regionCode === wanted || foldName(c.regionName) === wanted);
  return hit && { code: hit.regionCode, name: hit.regionName };
}

/** The seat of a province's provisional CPI: the comune named like the province ("Forlì" for Forlì-Cesena), else the one nearest its centre. */
function provinceSeat(comuni: readonly Comune[]): Comune {
  const province = foldName(comuni[0]!.provinceName);
  const named = comuni.find((c) => c.nameNormalized === province) ?? comuni.find((c) => c.nameNormalized === province.split(/[\s/]| e /)[0]);
  if (named) return named;
  const lat = comuni.reduce((s, c) => s + c.lat, 0) / comuni.length;
  const lon = comuni.reduce((s, c) => s + c.lon, 0) / comuni.length;
  return [...comuni].sort((a, b) => (a.lat - lat) ** 2 + (a.lon - lon) ** 2 - ((b.lat - lat) ** 2 + (b.lon - lon) ** 2))[0]!;
}

/** One provisional CPI per province of the region, in the province's chief town: "BO-PROVVISORIO", "CPI Bologna (provvisorio)". */
export function provisionalCpis(regionCode: string, comuni: readonly Comune[] = shippedComuni().rows): Cpi[] {
  const byProvince = new Map<string, Comune[]>();
  for (const c of comuni) if (c.regionCode === regionCode) byProvince.set(c.provinceAcronym, [...(byProvince.get(c.provinceAcronym) ?? []), c]);
  return [...byProvince.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([province, inProvince]) => {
      const seat = provinceSeat(inProvince);
      return { code: `${province}-PROVVISORIO`, name: `${cpiDisplayName(seat.name)} (provvisorio)`, provinceAcronym: province, comuneIstatCode: seat.istatCode };
    });
}

export interface DemoCpis {
  region: Region | undefined;
  cpis: Cpi[];
  catchment: CatchmentRow[];
  /** True when this call created the provisional CPIs. */
  createdProvisional: boolean;
}

export async function demoCpis(db: Db, regionSetting: string | undefined): Promise<DemoCpis> {
  if (regionSetting === undefined) return { region: undefined, cpis: resolveCpis(), catchment: [], createdProvisional: false };
  const region = findRegion(regionSetting);
  if (!region) {
    const names = [...new Set(shippedComuni().rows.map((c) => `${c.regionName} (${c.regionCode})`))].sort();
    throw new Error(`DEMO_REGION sconosciuta «${regionSetting}»: indicare il nome o il codice ISTAT di una regione: ${names.join(", ")}.`);
  }
  const open = () => db.cpi.findMany({ where: { closedAt: null, comune: { regionCode: region.code } }, orderBy: { code: "asc" } });
  let loaded = await open();
  let createdProvisional = false;
  if (loaded.length === 0) {
    const cpis = provisionalCpis(region.code);
    // A comune another CPI already serves (one of a neighbouring region's list) keeps it.
    await db.$transaction(async (tx) => {
      for (const { code, ...fields } of cpis) await tx.cpi.upsert({ where: { code }, create: { code, ...fields, provisional: true }, update: { ...fields, provisional: true, closedAt: null } });
      await insertRows(tx, "CpiCatchment", nearestCpiCatchment(cpis), { ignoreDuplicates: true });
    });
    createdProvisional = true;
    loaded = await open();
  }
  const cpis = loaded.map(({ code, name, provinceAcronym, comuneIstatCode }) => ({ code, name, provinceAcronym, comuneIstatCode }));
  const catchment = await db.cpiCatchment.findMany({ where: { cpiCode: { in: cpis.map((c) => c.code) } }, select: { comuneIstatCode: true, cpiCode: true } });
  return { region, cpis, catchment, createdProvisional };
}
