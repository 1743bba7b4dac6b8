import type { Comune } from "../generated/prisma/client.js";
import { haversineKm } from "../geo/haversine.js";
import { shippedComuni } from "../reference/comuni.js";
import { resolveCpis, type Cpi } from "../reference/cpis.js";
import type { SeededRandom } from "./seeded-random.js";

/** Regions the demo covers: the CPIs of the reference data are in Piemonte (01) and Lombardia (03). */
const DEMO_REGIONS = new Set(["01", "03"]);
/** Comuni within this distance of a CPI (same province) are its catchment area. */
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
  areas: CpiArea[];
  byCpi: Map<string, CpiArea>;
  comuneByCode: Map<string, Comune>;
  /** Comuni with a cadastral code, for places of birth. */
  birthComuni: { north: Comune[]; south: Comune[]; all: Comune[] };
}

let cached: Territory | undefined;

/** The CPIs of the reference data with the comuni around each (by coordinates). */
export function demoTerritory(): Territory {
  if (cached) return cached;
  const comuni = shippedComuni().rows;
  const comuneByCode = new Map(comuni.map((c) => [c.istatCode, c]));
  const regional = comuni.filter((c) => DEMO_REGIONS.has(c.regionCode));
  const areas = resolveCpis().map((cpi): CpiArea => {
    const comune = comuneByCode.get(cpi.comuneIstatCode);
    if (!comune) throw new Error(`Comune del CPI ${cpi.code} assente`);
    const near = regional
      .filter((c) => c.provinceAcronym === cpi.provinceAcronym && c.istatCode !== comune.istatCode)
      .map((c) => ({ comune: c, km: haversineKm(comune, c) }))
      .filter((n) => n.km <= CATCHMENT_KM)
      .sort((a, b) => a.km - b.km || a.comune.istatCode.localeCompare(b.comune.istatCode))
      .map((n) => ({ ...n, weight: 1 / (1 + n.km / 5) }));
    const othersWeight = near.reduce((s, n) => s + n.weight, 0);
    const ownWeight = othersWeight > 0 ? (othersWeight * OWN_COMUNE_SHARE) / (1 - OWN_COMUNE_SHARE) : 1;
    return { cpi, comune, weight: CPI_WEIGHTS[cpi.code] ?? 1, catchment: [{ comune, weight: ownWeight, km: 0 }, ...near] };
  });
  const withCadastral = comuni.filter((c) => c.cadastralCode);
  cached = {
    areas,
    byCpi: new Map(areas.map((a) => [a.cpi.code, a])),
    comuneByCode,
    birthComuni: {
      north: withCadastral.filter((c) => DEMO_REGIONS.has(c.regionCode)),
      // Campania, Puglia, Calabria, Sicilia: the internal migration of past decades.
      south: withCadastral.filter((c) => ["15", "16", "18", "19"].includes(c.regionCode)),
      all: withCadastral,
    },
  };
  return cached;
}

export function pickArea(rng: SeededRandom, territory: Territory): CpiArea {
  return rng.weighted(territory.areas, (a) => a.weight);
}

export function pickComuneNear(rng: SeededRandom, area: CpiArea): Comune {
  return rng.weighted(area.catchment, (c) => c.weight).comune;
}
