import { FOREIGN_GROUPS, ITALIAN_FEMALE_NAMES, ITALIAN_MALE_NAMES, ITALIAN_SURNAMES, type ForeignGroup } from "./names.js";
import type { SeededRandom } from "./seeded-random.js";

export interface PersonName {
  firstName: string;
  lastName: string;
  sex: "M" | "F";
  /** Set for people born abroad. */
  foreign: ForeignGroup | null;
}

export function italianName(rng: SeededRandom): PersonName {
  const sex = rng.chance(0.5) ? "F" : "M";
  return {
    firstName: rng.pick(sex === "F" ? ITALIAN_FEMALE_NAMES : ITALIAN_MALE_NAMES),
    lastName: rng.pick(ITALIAN_SURNAMES),
    sex,
    foreign: null,
  };
}

export function foreignName(rng: SeededRandom): PersonName {
  const group = rng.weighted(FOREIGN_GROUPS, (g) => g.weight);
  const sex = rng.chance(0.5) ? "F" : "M";
  return { firstName: rng.pick(sex === "F" ? group.female : group.male), lastName: rng.pick(group.surnames), sex, foreign: group };
}

/** "Niccolò D'Angelo" → "niccolo.dangelo": the local part of an e-mail address. */
export function emailLocalPart(...parts: string[]): string {
  return parts
    .map((p) => p.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]/g, ""))
    .filter(Boolean)
    .join(".");
}

/** Lower-case words joined by hyphens, for fictitious domains. */
export function slug(text: string, max = 30): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\b(s\.?r\.?l|s\.?p\.?a|s\.?n\.?c|s\.?a\.?s|a r\.?l)\b\.?/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}

/** Keeps e-mail addresses unique across the whole demo (users are unique by e-mail). */
export class EmailRegistry {
  private readonly used = new Set<string>();

  claim(local: string, domain: string): string {
    let candidate = `${local}@${domain}`;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${local}${n}@${domain}`;
    this.used.add(candidate);
    return candidate;
  }
}

/** Stable, cuid-looking ids drawn from the seed, so the same seed gives the same rows. */
export function demoId(rng: SeededRandom): string {
  return `c${rng.token(24)}`;
}
