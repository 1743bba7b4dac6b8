import { list } from "./format-reason.js";
import type { MatchingConfig } from "./matching-config.js";
import type { CandidateFacts } from "./match-types.js";
import { activeProgrammes } from "./active-programmes.js";
import { monthsBetween, parseDay } from "./dates.js";

const LABELS: Record<string, string> = {
  ADR: "Assegno di Ricollocazione",
  RDC: "Reddito di Cittadinanza",
  ADI: "Assegno di inclusione",
  SFL: "Supporto per la formazione e il lavoro",
};

/**
 * Points added for people the CPI must serve first (AdR, RdC/ADI/SFL, long-term unemployed). Zero by
 * default; when a region configures a boost, the reason always says it was applied and why.
 */
export function scorePriority(person: CandidateFacts, today: Date, cfg: MatchingConfig): { points: number; reason: string } {
  const applied: { points: number; text: string }[] = [];
  const boosts = cfg.priorityBoost;
  for (const programme of new Set(activeProgrammes(person, today))) {
    const points = boosts[programme as keyof typeof boosts] ?? 0;
    if (points > 0 && LABELS[programme]) applied.push({ points, text: `${LABELS[programme]} (+${points})` });
  }
  if (boosts.longTermUnemployed > 0 && person.availabilityDeclaredAt) {
    const months = monthsBetween(parseDay(person.availabilityDeclaredAt), today);
    if (months > cfg.longTermUnemployedMonths) {
      applied.push({ points: boosts.longTermUnemployed, text: `disoccupazione di lunga durata, oltre ${cfg.longTermUnemployedMonths} mesi (+${boosts.longTermUnemployed})` });
    }
  }
  // The highest single boost applies: being in two programmes does not double the priority.
  const best = applied.reduce((m, a) => Math.max(m, a.points), 0);
  return best > 0
    ? { points: best, reason: `Priorità applicata: ${list(applied.map((a) => a.text))}` }
    : { points: 0, reason: "Nessuna priorità applicata" };
}
