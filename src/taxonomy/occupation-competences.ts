/**
 * The competences an occupation stands for: the ANPAL dictionary links competences to its professional
 * profiles, each filed under a CP2011 category (or, where the file gives none, read as an occupation of
 * the taxonomy), so a CP2011 4-level group collects the competences of the profiles in it. What a person did for years they can be taken to know in part,
 * even when their CV does not list it.
 */
import { profileCompetences } from "./competences.js";
import { loadAnpalProfiles } from "./load-competences.js";
import { resolveOccupation } from "./occupation-taxonomy.js";

/** A profile title must read as its occupation this surely for its competences to count. */
const PROFILE_CONFIDENCE = 0.8;

let byGroup: Map<string, string[]> | null = null;

function groupOfProfile(name: string): string | null {
  const concept = resolveOccupation(name, null).concepts[0];
  return concept && concept.confidence >= PROFILE_CONFIDENCE ? concept.cp2011Group : null;
}

function competencesByGroup(): Map<string, string[]> {
  if (byGroup) return byGroup;
  const collected = new Map<string, Set<string>>();
  for (const profile of loadAnpalProfiles()) {
    const group = profile.cp2011Group ?? groupOfProfile(profile.name);
    if (!group) continue;
    const labels = collected.get(group) ?? new Set<string>();
    for (const c of profileCompetences(profile.code)) labels.add(c.label);
    collected.set(group, labels);
  }
  byGroup = new Map([...collected].map(([group, labels]) => [group, [...labels]]));
  return byGroup;
}

const memo = new Map<string, string[]>();

/** The ANPAL competences of the profiles in the occupation a title (and code) reads as; none when unknown. */
export function competencesOfOccupation(title: string, code: string | null): string[] {
  const key = `${title}\u0000${code ?? ""}`;
  let out = memo.get(key);
  if (!out) {
    const group = resolveOccupation(title, code).concepts[0]?.cp2011Group;
    out = group ? (competencesByGroup().get(group) ?? []) : [];
    if (memo.size > 20_000) memo.clear();
    memo.set(key, out);
  }
  return out;
}
