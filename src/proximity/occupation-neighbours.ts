/**
 * Which occupations are close to a person's: the relations of the taxonomy (same CP2011 unit or group,
 * ISCO-08 siblings, the curated interchangeable pairs: occupationRelatedness) and the overlap of the
 * competences each occupation stands for in the ANPAL professional profiles (occupation-competences.ts).
 * An occupation here is a CP2011 unit, ISTAT's own "same job": the person's own units are their matches,
 * not a proximity.
 */
import { matchCompetences } from "../taxonomy/competences.js";
import { competencesOfOccupation } from "../taxonomy/occupation-competences.js";
import {
  neighbourOccupations,
  occupationRelatedness,
  resolveOccupation,
  unitLabel,
  type RelatednessLevel,
  type ResolvedOccupation,
} from "../taxonomy/occupation-taxonomy.js";

/** A person's occupation as proximity reads it: what they declared or did, resolved. */
export interface OwnOccupation {
  title: string;
  code: string | null;
  declared: boolean;
  resolved: ResolvedOccupation;
}

export interface OccupationIdentity {
  /** "cp5:5.1.2.4.0", or the concept key when the taxonomy gives no unit. */
  key: string;
  code: string | null;
  label: string;
}

export interface Relation {
  level: RelatednessLevel;
  score: number;
  /** The person's occupation the relation starts from. */
  from: string;
  reason: string;
}

/** Relations by code that make two occupations neighbours; below them only the competences can. */
export const NEIGHBOUR_LEVELS: readonly RelatednessLevel[] = ["interchangeable", "same_group", "related_group"];
/** Levels at which two occupations are the same job: the person's matches, not a proximity. */
const OWN_LEVELS: readonly RelatednessLevel[] = ["same_occupation", "same_unit"];

export function occupationIdentity(resolved: ResolvedOccupation, title: string): OccupationIdentity {
  const top = resolved.concepts[0];
  if (top?.cp2011Unit) return { key: `cp5:${top.cp2011Unit}`, code: top.cp2011Unit, label: unitLabel(top.cp2011Unit) ?? top.label };
  if (top) return { key: top.key, code: null, label: top.label };
  return { key: `text:${resolved.tokens.join(" ")}`, code: null, label: title };
}

/** The closest of the person's occupations to another one, with the taxonomy's reason. */
export function closestRelation(occupation: ResolvedOccupation, own: readonly OwnOccupation[]): Relation {
  let best: Relation = { level: "none", score: 0, from: "", reason: "nessuna relazione tra le professioni" };
  for (const o of own) {
    const r = occupationRelatedness(occupation, o.resolved);
    if (r.score > best.score) best = { level: r.level, score: r.score, from: o.title, reason: r.reason };
  }
  return best;
}

export const isOwnRelation = (r: Relation): boolean => OWN_LEVELS.includes(r.level);

/** Competences ANPAL links to an occupation that the person's own occupations stand for too. */
export interface ReferenceOverlap {
  /** Share of the occupation's ANPAL competences its closest own occupation shares (0–1); null when ANPAL links none to it. */
  share: number | null;
  shared: string[];
  /** The person's occupation sharing them. */
  from: string | null;
}

const overlapMemo = new Map<string, ReferenceOverlap>();

export function referenceOverlap(target: { title: string; code: string | null }, own: readonly OwnOccupation[]): ReferenceOverlap {
  const required = competencesOfOccupation(target.title, target.code);
  if (required.length === 0) return { share: null, shared: [], from: null };
  let best: ReferenceOverlap = { share: 0, shared: [], from: null };
  for (const o of own) {
    const offered = competencesOfOccupation(o.title, o.code);
    if (offered.length === 0) continue;
    const key = `${target.title}\u0000${target.code ?? ""}\u0001${o.title}\u0000${o.code ?? ""}`;
    let overlap = overlapMemo.get(key);
    if (!overlap) {
      // Same lists, same answer: the ANPAL lists of one CP2011 group are shared by all its titles.
      const shared = required === offered ? required : matchCompetences(required, offered).matched.map((m) => m.required);
      overlap = { share: shared.length / required.length, shared, from: o.title };
      if (overlapMemo.size > 5_000) overlapMemo.clear();
      overlapMemo.set(key, overlap);
    }
    if ((overlap.share ?? 0) > (best.share ?? 0)) best = overlap;
  }
  return best;
}

/** The occupations the taxonomy alone puts next to the person's, resolved (their vacancies are counted elsewhere). */
export function taxonomyNeighbours(own: readonly OwnOccupation[]): { title: string; code: string | null; resolved: ResolvedOccupation }[] {
  const seen = new Set<string>();
  const out: { title: string; code: string | null; resolved: ResolvedOccupation }[] = [];
  for (const o of own) {
    for (const n of neighbourOccupations(o.resolved)) {
      const key = `${n.code ?? ""}\u0000${n.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...n, resolved: resolveOccupation(n.title, n.code) });
    }
  }
  return out;
}
