import {
  interpretInContext,
  interpretationNote,
  occupationRelatedness,
  resolveOccupation,
  type ResolvedOccupation,
} from "../taxonomy/occupation-taxonomy.js";
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

/**
 * The order the profile score keeps (D.Lgs. 150/2015, art. 20: the declared profiles of the service pact
 * say what the person is available for now): a declared occupation backed by experience 1, declared
 * only DECLARED_ONLY, experience only (an occupation the person no longer declares) EXPERIENCE_ONLY.
 */
export const PROFILE_WEIGHTS = { DECLARED_ONLY: 0.85, EXPERIENCE_ONLY: 0.7 } as const;

/**
 * The offer's occupation against the occupations the person declared and the jobs they held.
 * value = max(d · 0.85 + min(d, e) · 0.15, e · 0.7), with d the best declared relatedness and e the best
 * experienced one (relatedness × experienceWeight): experience adds to a declared occupation up to the
 * declared level, and alone counts less than declaring it.
 *
 * Titles are read with the rest of the person's data: a mistyped title with competing readings is
 * settled by the person's other profiles, experiences and competences, and the reason says how it was read.
 */
export function scoreProfile(
  offer: ResolvedOccupation,
  person: CandidateFacts,
  today: Date,
): ComponentValue & { level: string; declaredLevel: string } {
  const profiles = person.profiles.map((p) => resolveOccupation(p.title, p.code));
  const experiences = person.experiences.map((e) => resolveOccupation(e.title, e.code));
  const all = [...profiles, ...experiences];
  const read = (r: ResolvedOccupation): ResolvedOccupation => interpretInContext(r, all, person.competences);

  let declared = { score: 0, level: "none", text: "" };
  for (const [i, p] of person.profiles.entries()) {
    const occupation = read(profiles[i]!);
    const rel = occupationRelatedness(offer, occupation);
    if (rel.score > declared.score) {
      declared = { score: rel.score, level: rel.level, text: `profilo dichiarato ${quoted(p.title)}${interpretationNote(occupation)}: ${rel.reason}` };
    }
  }
  let experienced = { score: 0, level: "none", text: "" };
  for (const [i, e] of person.experiences.entries()) {
    const occupation = read(experiences[i]!);
    const rel = occupationRelatedness(offer, occupation);
    if (rel.score <= 0) continue;
    const { weight, months } = experienceWeight(e.from, e.to, today);
    const score = rel.score * weight;
    if (score > experienced.score) {
      const until = e.to ? `fino al ${e.to.slice(0, 4)}` : "in corso";
      experienced = {
        score,
        level: rel.level,
        text: `esperienza come ${quoted(e.title)}${interpretationNote(occupation)} per ${duration(months)} (${until}): ${rel.reason}`,
      };
    }
  }
  const d = declared.score;
  const e = experienced.score;
  const fromDeclared = d * PROFILE_WEIGHTS.DECLARED_ONLY + Math.min(d, e) * (1 - PROFILE_WEIGHTS.DECLARED_ONLY);
  const fromExperience = e * PROFILE_WEIGHTS.EXPERIENCE_ONLY;
  const value = Math.min(1, Math.max(fromDeclared, fromExperience));
  const parts = [declared.text, experienced.text].filter(Boolean);
  // The score rests on a job the person no longer declares: say so, it is why the score is lower.
  if (fromExperience > fromDeclared) parts.push("occupazione non tra i profili dichiarati");
  const reason = parts.length > 0 ? capitalize(parts.join("; ")) : "Nessun profilo dichiarato né esperienza vicini a quello richiesto";
  const level = fromDeclared >= fromExperience ? declared.level : experienced.level;
  return { value, applicable: true, reason, level, declaredLevel: declared.level };
}
