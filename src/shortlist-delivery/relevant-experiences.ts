import { foldName } from "../reference/fold-name.js";

export interface ExperienceFacts {
  profileTitle: string;
  profileCode: string | null;
  sector: string | null;
  fromDate: Date;
  toDate: Date | null;
}

export interface VacancyProfile {
  profileTitle: string;
  profileCode: string | null;
}

/** How many past jobs the employer sees per person: enough to judge, not a full CV. */
export const MAX_EXPERIENCES_SHOWN = 5;

/** The occupation's group (first three levels of the CP2011 code, e.g. 8.1.3): close jobs share it. */
const codeGroup = (code: string | null) => (code ? code.split(".").slice(0, 3).join(".") : null);
const words = (title: string) => new Set(foldName(title).split(" ").filter((w) => w.length >= 5));

export function isRelevant(e: ExperienceFacts, vacancy: VacancyProfile): boolean {
  const group = codeGroup(vacancy.profileCode);
  if (group !== null && codeGroup(e.profileCode) === group) return true;
  const wanted = words(vacancy.profileTitle);
  return [...words(e.profileTitle)].some((w) => wanted.has(w));
}

/** Jobs like the vacancy's first, then the most recent; each says whether it is like the vacancy's. */
export function relevantExperiences(experiences: readonly ExperienceFacts[], vacancy: VacancyProfile) {
  return experiences
    .map((e) => ({ e, relevant: isRelevant(e, vacancy) }))
    .sort((a, b) => Number(b.relevant) - Number(a.relevant) || b.e.fromDate.getTime() - a.e.fromDate.getTime())
    .slice(0, MAX_EXPERIENCES_SHOWN)
    .map(({ e, relevant }) => ({
      profileTitle: e.profileTitle,
      sector: e.sector,
      from: e.fromDate.toISOString().slice(0, 7),
      to: e.toDate ? e.toDate.toISOString().slice(0, 7) : null,
      relevant,
    }));
}
