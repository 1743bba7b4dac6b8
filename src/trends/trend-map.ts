import { atecoEntry, listAteco } from "../reference/code-lists.js";
import { resolveOccupation } from "../taxonomy/occupation-taxonomy.js";
import { CP2011_GROUP_LABELS } from "./cp2011-groups.js";

/**
 * A CPI's trend map: the occupation groups and sectors of the vacancies that arrived in a half-year
 * against those of the people of its caseload, and where the two meet. Pure: compute-trends.ts reads
 * the facts, these functions group and classify them.
 */

/** Where demand (vacancies) and supply (people) stand for a group; Italian values, labels below. */
export const MEETINGS = ["incontro", "solo_offerte", "solo_persone"] as const;
export type Meeting = (typeof MEETINGS)[number];

export const MEETING_LABELS: Record<Meeting, string> = {
  incontro: "Offerte e persone si incontrano",
  solo_offerte: "Offerte senza persone con quel profilo (domanda scoperta)",
  solo_persone: "Persone senza offerte di quel profilo",
};

/** Both sides present meet; one side alone is a gap; a group with neither is never listed. */
export function classifyMeeting(vacancies: number, people: number): Meeting | null {
  if (vacancies > 0 && people > 0) return "incontro";
  if (vacancies > 0) return "solo_offerte";
  if (people > 0) return "solo_persone";
  return null;
}

/** The CP2011 group ("8.1") of an occupation, from its code or its resolved title; null when neither says. */
export function occupationGroupOf(title: string, code: string | null): string | null {
  const concept = resolveOccupation(title, code).concepts[0];
  const group = (concept?.cp2011Unit ?? concept?.cp2011Group)?.slice(0, 3) ?? null;
  return group && CP2011_GROUP_LABELS[group] ? group : null;
}

/** The ATECO section ("H") of a sector written as an ATECO code at any level; null when it is not one. */
export function sectorSectionOf(sector: string | null): string | null {
  return sector ? (atecoEntry(sector)?.section ?? null) : null;
}

const sectionLabels = (): Map<string, string> => new Map(listAteco(0).map((e) => [e.code, e.label]));

export interface TrendVacancy {
  profileTitle: string;
  profileCode: string | null;
  atecoCode: string | null;
  positions: number;
}

export interface TrendPerson {
  occupations: { title: string; code: string | null }[];
  sectors: (string | null)[];
}

export interface TrendRow {
  code: string;
  label: string;
  vacancies: number;
  positions: number;
  people: number;
  meeting: Meeting;
  meetingLabel: string;
}

export interface TrendDimension {
  rows: TrendRow[];
  /** Vacancies and people that say nothing a group can be read from (no code, no resolvable title). */
  unclassified: { vacancies: number; people: number };
}

interface Tally {
  vacancies: number;
  positions: number;
  people: number;
}

/**
 * Counts vacancies (and their positions) and people per group: a vacancy in its one group, a person once
 * in each group any of their occupations (or sectors) falls in. Rows with most vacancies and people first.
 */
function tallyDimension(
  vacancies: readonly TrendVacancy[],
  people: readonly TrendPerson[],
  groupOfVacancy: (v: TrendVacancy) => string | null,
  groupsOfPerson: (p: TrendPerson) => (string | null)[],
  label: (code: string) => string,
): TrendDimension {
  const tally = new Map<string, Tally>();
  const at = (code: string) => tally.get(code) ?? (tally.set(code, { vacancies: 0, positions: 0, people: 0 }), tally.get(code)!);
  const unclassified = { vacancies: 0, people: 0 };
  for (const v of vacancies) {
    const group = groupOfVacancy(v);
    if (group === null) unclassified.vacancies += 1;
    else {
      at(group).vacancies += 1;
      at(group).positions += v.positions;
    }
  }
  for (const p of people) {
    const groups = new Set(groupsOfPerson(p).filter((g): g is string => g !== null));
    if (groups.size === 0) unclassified.people += 1;
    for (const g of groups) at(g).people += 1;
  }
  const rows = [...tally.entries()].map(([code, t]) => {
    const meeting = classifyMeeting(t.vacancies, t.people)!;
    return { code, label: label(code), ...t, meeting, meetingLabel: MEETING_LABELS[meeting] };
  });
  rows.sort((a, b) => b.vacancies + b.people - (a.vacancies + a.people) || a.code.localeCompare(b.code));
  return { rows, unclassified };
}

export interface TrendMap {
  occupations: TrendDimension;
  sectors: TrendDimension;
}

/** The map of both dimensions: CP2011 groups of occupations, ATECO sections of sectors. */
export function buildTrendMap(vacancies: readonly TrendVacancy[], people: readonly TrendPerson[]): TrendMap {
  const sections = sectionLabels();
  return {
    occupations: tallyDimension(
      vacancies,
      people,
      (v) => occupationGroupOf(v.profileTitle, v.profileCode),
      (p) => p.occupations.map((o) => occupationGroupOf(o.title, o.code)),
      (code) => CP2011_GROUP_LABELS[code]!,
    ),
    sectors: tallyDimension(
      vacancies,
      people,
      (v) => sectorSectionOf(v.atecoCode),
      (p) => p.sectors.map(sectorSectionOf),
      (code) => sections.get(code) ?? code,
    ),
  };
}
