import type { Comune } from "../generated/prisma/client.js";
import { haversineKm } from "../geo/haversine.js";
import { shippedComuni } from "../reference/comuni.js";
import { resolveCpis, type CatchmentRow, type Cpi } from "../reference/cpis.js";
import type { SeededRandom } from "./seeded-random.js";

/** Without a loaded catchment, comuni within this distance of a CPI (same province) are its area. */
const CATCHMENT_KM = 25;
/** The CPI's own comune (usually the largest town around) takes this share of its people. */
const OWN_COMUNE_SHARE = 0.3;

/** Rough relative size of a CPI's area: the metropolitan and provincial capitals weigh more. */
const CPI_WEIGHTS: Record<string, number> = {
  "MI-MILANO": 10, "TO-TORINO-VIA-BOLOGNA": 10, "BS-BRESCIA": 4, "BG-BERGAMO": 4, "MB-MONZA": 3,
  "VA-VARESE": 2, "VA-BUSTO-ARSIZIO": 2, "VA-GALLARATE": 2, "CO-COMO": 2, "NO-NOVARA": 2, "AL-ALESSANDRIA": 2,
  "CN-CUNEO": 2, "PV-PAVIA": 2, "CR-CREMONA": 2, "MN-MANTOVA": 2, "AT-ASTI": 2, "LC-LECCO": 2, "LO-LODI": 2,
  "TO-MONCALIERI": 2, "TO-RIVOLI": 2, "MI-RHO": 2, "MI-CINISELLO-BALSAMO": 2, "MI-LEGNANO": 2, "BI-BIELLA": 1.5,
};

export interface CpiArea {
  cpi: Cpi;
  comune: Comune;
  weight: number;
  /** Comuni of the catchment area with their draw weight (the CPI's comune first). */
  catchment: { comune: Comune; weight: number; km: number }[];
}

export interface Territory {
  /** The regions the CPIs sit in (code and name), from the comuni of their seats. */
  regions: { code: string; name: string }[];
  areas: CpiArea[];
  byCpi: Map<string, CpiArea>;
  comuneByCode: Map<string, Comune>;
  /** Comuni with a cadastral code, for places of birth. */
  birthComuni: { north: Comune[]; south: Comune[]; all: Comune[] };
}

const cache = new Map<string, Territory>();

/**
 * The CPIs given (by default the seeded ones) with the comuni around each: its loaded catchment when
 * `catchment` has rows for it, weighted by distance, otherwise the comuni of its province within
 * CATCHMENT_KM. The regions covered are those of the CPIs' seats.
 */
export function demoTerritory(cpis: readonly Cpi[] = resolveCpis(), catchment: readonly CatchmentRow[] = []): Territory {
  // Built once per CPI list; a loaded catchment (a region's own data, read once per seeding) is not cached.
  const key = catchment.length === 0 ? cpis.map((c) => c.code).join(",") : undefined;
  const hit = key === undefined ? undefined : cache.get(key);
  if (hit) return hit;
  const comuni = shippedComuni().rows;
  const comuneByCode = new Map(comuni.map((c) => [c.istatCode, c]));
  const seats = cpis.map((cpi) => {
    const comune = comuneByCode.get(cpi.comuneIstatCode);
    if (!comune) throw new Error(`Comune del CPI ${cpi.code} assente`);
    return comune;
  });
  const regionCodes = new Set(seats.map((c) => c.regionCode));
  const regional = comuni.filter((c) => regionCodes.has(c.regionCode));
  const loaded = new Map<string, Comune[]>();
  for (const row of catchment) {
    const comune = comuneByCode.get(row.comuneIstatCode);
    if (comune) loaded.set(row.cpiCode, [...(loaded.get(row.cpiCode) ?? []), comune]);
  }
  const areas = cpis.map((cpi, i): CpiArea => {
    const comune = seats[i]!;
    const around = loaded.get(cpi.code)?.map((c) => ({ comune: c, km: haversineKm(comune, c) }));
    const near = (
      around ??
      regional
        .filter((c) => c.provinceAcronym === cpi.provinceAcronym)
        .map((c) => ({ comune: c, km: haversineKm(comune, c) }))
        .filter((n) => n.km <= CATCHMENT_KM)
    )
      .filter((n) => n.comune.istatCode !== comune.istatCode)
      .sort((a, b) => a.km - b.km || a.comune.istatCode.localeCompare(b.comune.istatCode))
      .map((n) => ({ ...n, weight: 1 / (1 + n.km / 5) }));
    const othersWeight = near.reduce((s, n) => s + n.weight, 0);
    const ownWeight = othersWeight > 0 ? (othersWeight * OWN_COMUNE_SHARE) / (1 - OWN_COMUNE_SHARE) : 1;
    return { cpi, comune, weight: CPI_WEIGHTS[cpi.code] ?? 1, catchment: [{ comune, weight: ownWeight, km: 0 }, ...near] };
  });
  const withCadastral = comuni.filter((c) => c.cadastralCode);
  const regions = [...new Map(seats.map((c) => [c.regionCode, { code: c.regionCode, name: c.regionName }])).values()].sort((a, b) => a.code.localeCompare(b.code));
  const territory: Territory = {
    regions,
    areas,
    byCpi: new Map(areas.map((a) => [a.cpi.code, a])),
    comuneByCode,
    birthComuni: {
      north: withCadastral.filter((c) => regionCodes.has(c.regionCode)),
      // Campania, Puglia, Calabria, Sicilia: the internal migration of past decades.
      south: withCadastral.filter((c) => ["15", "16", "18", "19"].includes(c.regionCode)),
      all: withCadastral,
    },
  };
  if (key !== undefined) cache.set(key, territory);
  return territory;
}

export function pickArea(rng: SeededRandom, territory: Territory): CpiArea {
  return rng.weighted(territory.areas, (a) => a.weight);
}

export function pickComuneNear(rng: SeededRandom, area: CpiArea): Comune {
  return rng.weighted(area.catchment, (c) => c.weight).comune;
}
