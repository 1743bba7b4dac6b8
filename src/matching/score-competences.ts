import { matchCompetences, type CompetenceMatchResult } from "../taxonomy/competences.js";
import { competencesOfOccupation } from "../taxonomy/occupation-competences.js";
import { list, pct, quoted } from "./format-reason.js";
import type { CandidateFacts, CompetenceMatch, VacancyFacts } from "./match-types.js";
import type { ComponentValue } from "./score-profile.js";

/** How rare a competence is among job seekers, as a weight ≥ 1 (rarer weighs more). */
export type RarityWeight = (competence: string) => number;

export interface CompetenceScore extends ComponentValue {
  mustHaveCoverage: number;
  matched: CompetenceMatch[];
  missing: { competence: string; mustHave: boolean }[];
}

/** Must-have coverage counts three times nice-to-have coverage. */
const MUST_HAVE_SHARE = 0.75;

/**
 * Coverage of the offer's competences by the person's competences and trainings, each requirement
 * weighted by its rarity and credited by how closely the best offered competence matches it: fully when
 * it states the same concept, partly when it states a related one, and at half credit when only the
 * occupation the person worked in stands for it (the ANPAL profiles of its CP2011 group). Nothing else
 * undeclared ever counts as matched.
 */
export function scoreCompetences(offer: VacancyFacts, person: CandidateFacts, rarity: RarityWeight): CompetenceScore {
  const offered = [...person.competences, ...person.trainings];
  // Read only for a requirement the declared competences leave uncovered.
  let impliedMemo: string[] | undefined;
  const implied = () => (impliedMemo ??= [...new Set(person.experiences.flatMap((e) => competencesOfOccupation(e.title, e.code)))]);
  const must = coverage(offer.mustHave, offered, rarity, true, implied);
  const nice = coverage(offer.niceToHave, offered, rarity, false, implied);
  const applicable = offer.mustHave.length + offer.niceToHave.length > 0;
  const value = !applicable
    ? 0
    : offer.mustHave.length === 0
      ? nice.value
      : offer.niceToHave.length === 0
        ? must.value
        : MUST_HAVE_SHARE * must.value + (1 - MUST_HAVE_SHARE) * nice.value;
  const matched = [...must.matched, ...nice.matched];
  const missing = [...must.missing, ...nice.missing];
  const partial = [...must.partial, ...nice.partial];
  const parts: string[] = [];
  if (offer.mustHave.length > 0) parts.push(`indispensabili coperte al ${pct(must.value)}`);
  if (offer.niceToHave.length > 0) parts.push(`gradite al ${pct(nice.value)}`);
  if (matched.length > 0) parts.push(`possiede ${list([...must.found, ...nice.found].map(describeMatch))}`);
  if (partial.length > 0) parts.push(`in parte ${list(partial.map(describePartial))}`);
  const fromExperience = [...must.fromExperience, ...nice.fromExperience];
  if (fromExperience.length > 0) parts.push(`in parte dall'esperienza lavorativa ${list(fromExperience.map(describeFromExperience))}`);
  const partlyCovered = new Set([...partial, ...fromExperience].map((p) => p.required));
  const missingMust = missing.filter((m) => m.mustHave && !partlyCovered.has(m.competence)).map((m) => quoted(m.competence));
  if (missingMust.length > 0) parts.push(`mancano ${list(missingMust)}`);
  const reason = applicable ? `Competenze: ${parts.join("; ")}` : "L'offerta non elenca competenze";
  return { value, applicable, reason, matched, missing, mustHaveCoverage: must.value };
}

const sameText = (a: string, b: string): boolean => a.trim().toLocaleLowerCase("it") === b.trim().toLocaleLowerCase("it");

/** «Gestione dei cedolini» coperta da «elaborazione buste paga» (concetto: elaborazione paghe). */
function describeMatch(m: CompetenceMatchResult["matched"][number]): string {
  if (sameText(m.required, m.offered)) return quoted(m.required);
  const covered = `${quoted(m.required)} coperta da ${quoted(m.offered)}`;
  return m.concept ? `${covered} (concetto: ${m.concept})` : covered;
}

/** «Igiene della persona» da «Qualifica OSS» (qualifica OSS, affine a igiene e cura della persona). */
function describePartial(p: CompetenceMatchResult["partial"][number]): string {
  return `${quoted(p.required)} da ${quoted(p.offered)} (${p.relatedConcept}, affine a ${p.concept})`;
}

/** A competence the person's past occupation stands for (occupation-competences.ts), not one they declared: this share of the credit. */
const IMPLIED_CREDIT = 0.5;

/** «Saldatura a filo» (il profilo ANPAL della professione svolta: «Effettuare saldatura di parti metalliche»). */
function describeFromExperience(m: CompetenceMatchResult["matched"][number]): string {
  return `${quoted(m.required)} (competenza della professione svolta: ${quoted(m.offered)})`;
}

function coverage(required: string[], offered: string[], rarity: RarityWeight, mustHave: boolean, implied: () => string[]) {
  if (required.length === 0) {
    return {
      value: 0,
      matched: [] as CompetenceMatch[],
      found: [] as CompetenceMatchResult["matched"],
      partial: [] as CompetenceMatchResult["partial"],
      fromExperience: [] as CompetenceMatchResult["matched"],
      missing: [] as { competence: string; mustHave: boolean }[],
    };
  }
  const result = matchCompetences(required, offered);
  const similarityOf = new Map([...result.matched, ...result.partial].map((m) => [m.required, m.similarity]));
  const uncovered = required.filter((r) => !similarityOf.has(r));
  const fromExperience = uncovered.length > 0 && implied().length > 0 ? matchCompetences(uncovered, implied()).matched : [];
  for (const m of fromExperience) similarityOf.set(m.required, IMPLIED_CREDIT * m.similarity);
  let total = 0;
  let covered = 0;
  for (const r of required) {
    const w = rarity(r);
    total += w;
    covered += w * (similarityOf.get(r) ?? 0);
  }
  return {
    value: total > 0 ? covered / total : 0,
    matched: result.matched.map((m) => ({ required: m.required, offered: m.offered, similarity: m.similarity, mustHave })),
    found: result.matched,
    partial: result.partial,
    fromExperience,
    missing: result.missing.map((competence) => ({ competence, mustHave })),
  };
}
