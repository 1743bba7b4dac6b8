import { addDays, type Day } from "../deadlines/calendar-day.js";
import type { CoherentOffer } from "../figures/coherent-offers.js";

/**
 * Who goes on the navigators' watch list and why a person has no vacancy to be offered. Pure: the
 * use case (list-watch-list.ts) reads the facts, these rules decide.
 */

/** Why a person has no open vacancy to be offered; Italian values, with their labels below. */
export const NO_MATCH_REASONS = ["profilo_mancante", "non_disponibile", "did_mancante", "nessun_abbinamento_idoneo"] as const;
export type NoMatchReason = (typeof NO_MATCH_REASONS)[number];

export const NO_MATCH_REASON_LABELS: Record<NoMatchReason, string> = {
  profilo_mancante: "Nessun profilo professionale dichiarato né esperienza di lavoro: l'abbinamento non ha una professione da cercare",
  non_disponibile: "La persona non risulta disponibile (o risulta occupata): l'abbinamento la esclude",
  did_mancante: "Manca la data della DID: la congruità delle offerte non si può verificare",
  nessun_abbinamento_idoneo: "Nessuna offerta aperta con punteggio sufficiente nell'ultimo abbinamento calcolato",
};

/** What the reasons need to know of a person. */
export interface PersonData {
  profileCount: number;
  experienceCount: number;
  availability: string;
  availabilityDeclaredAt: Date | null;
}

/**
 * The reasons a person without a qualified stored match has none: the missing data that keeps the
 * matching from finding one (no profile at all, not available), the missing DID that keeps congruity
 * unknown, and otherwise simply that no open vacancy reached the qualifying score.
 */
export function noMatchReasons(person: PersonData): NoMatchReason[] {
  const reasons: NoMatchReason[] = [];
  if (person.profileCount === 0 && person.experienceCount === 0) reasons.push("profilo_mancante");
  if (person.availability !== "available") reasons.push("non_disponibile");
  if (person.availabilityDeclaredAt === null) reasons.push("did_mancante");
  return reasons.length > 0 ? reasons : ["nessun_abbinamento_idoneo"];
}

/** The last `days` days up to today, today included. */
export const lookbackWindow = (today: Day, days: number) => ({ from: addDays(today, -(days - 1)), to: today });

/** The people offered a coherent vacancy on a day of the window. */
export function offeredWithin(offers: readonly CoherentOffer[], window: { from: Day; to: Day }): Set<string> {
  return new Set(offers.filter((o) => o.day >= window.from && o.day <= window.to).map((o) => o.candidateId));
}

export interface Coverage {
  beneficiaries: number;
  covered: number;
  /** Four decimals (0.6667), null when there is nobody. */
  share: number | null;
  target: number;
  targetMet: boolean | null;
}

/** The share of beneficiaries offered a coherent vacancy in the window, against the regional target. */
export function coverage(beneficiaries: number, covered: number, target: number): Coverage {
  const share = beneficiaries === 0 ? null : Math.round((covered / beneficiaries) * 10_000) / 10_000;
  return { beneficiaries, covered, share, target, targetMet: share === null ? null : share >= target };
}
