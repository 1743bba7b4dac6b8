import { occupationRelatedness, resolveOccupation, type ResolvedOccupation } from "../taxonomy/occupation-taxonomy.js";
import { monthsBetween, parseDay } from "./dates.js";
import { capitalize, duration, quoted } from "./format-reason.js";
import type { CandidateFacts } from "./match-types.js";

export interface ComponentValue {
  value: number;
  applicable: boolean;
  reason: string;
}

/**
 * How much an experience vouches for an occupation: recent and longer experience counts more.
 * Recency: within a year 1, then 0.9 (3 years), 0.8 (5 years), 0.65 beyond. Length: two years or
 * more 1, a year 0.95, six months 0.9, less 0.8.
 */
export function experienceWeight(from: string, to: string | null, today: Date): { weight: number; months: number } {
  const end = to ? parseDay(to) : today;
  const months = Math.max(0, monthsBetween(parseDay(from), end));
  const yearsSince = to ? Math.max(0, monthsBetween(end, today) / 12) : 0;
  const recency = yearsSince <= 1 ? 1 : yearsSince <= 3 ? 0.9 : yearsSince <= 5 ? 0.8 : 0.65;
  const length = months >= 24 ? 1 : months >= 12 ? 0.95 : months >= 6 ? 0.9 : 0.8;
  return { weight: recency * length, months };
}

/** Share of the profile score that only experience can earn: declaring an occupation is not doing it. */
const EXPERIENCE_SHARE = 0.15;

/**
 * The offer's occupation against the occupations the person declared and the jobs they held.
 * value = max(declared, experienced) · 0.85 + experienced · 0.15, so a declared occupation backed by a
 * recent, long experience scores highest, and experience alone counts as much as declaring it.
 */
export function scoreProfile(
  offer: ResolvedOccupation,
  person: CandidateFacts,
  today: Date,
): ComponentValue & { level: string; declaredLevel: string } {
  let declared = { score: 0, level: "none", text: "" };
  for (const p of person.profiles) {
    const rel = occupationRelatedness(offer, resolveOccupation(p.title, p.code));
    if (rel.score > declared.score) declared = { score: rel.score, level: rel.level, text: `profilo dichiarato ${quoted(p.title)}: ${rel.reason}` };
  }
  let experienced = { score: 0, level: "none", text: "" };
  for (const e of person.experiences) {
    const rel = occupationRelatedness(offer, resolveOccupation(e.title, e.code));
    if (rel.score <= 0) continue;
    const { weight, months } = experienceWeight(e.from, e.to, today);
    const score = rel.score * weight;
    if (score > experienced.score) {
      const until = e.to ? `fino al ${e.to.slice(0, 4)}` : "in corso";
      experienced = { score, level: rel.level, text: `esperienza come ${quoted(e.title)} per ${duration(months)} (${until}): ${rel.reason}` };
    }
  }
  const value = Math.min(1, Math.max(declared.score, experienced.score) * (1 - EXPERIENCE_SHARE) + experienced.score * EXPERIENCE_SHARE);
  const parts = [declared.text, experienced.text].filter(Boolean);
  const reason = parts.length > 0 ? capitalize(parts.join("; ")) : "Nessun profilo dichiarato né esperienza vicini a quello richiesto";
  const level = declared.score >= experienced.score ? declared.level : experienced.level;
  return { value, applicable: true, reason, level, declaredLevel: declared.level };
}
