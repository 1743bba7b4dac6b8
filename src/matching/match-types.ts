/**
 * The vocabulary of matching: the facts it scores from (stored as index payloads, so ranking a
 * vacancy needs no store reads) and what it answers with. Dates in facts are ISO days.
 */

/** No names, contacts or tax codes: these facts travel with the search index. */
export interface CandidateFacts {
  id: string;
  cpiCode: string;
  province: string;
  comune: string;
  lat: number;
  lon: number;
  availability: string;
  tutorId: string | null;
  /** From the codice fiscale; absent in index documents written before it was kept. */
  birthDate?: string | null;
  profiles: { title: string; code: string | null }[];
  experiences: { title: string; code: string | null; sector: string | null; from: string; to: string | null }[];
  competences: string[];
  trainings: string[];
  languages: { code: string; level: string }[];
  licences: string[];
  education: string | null;
  maxTravelKm: number | null;
  maxTravelMinutes: number | null;
  programmes: { programme: string; start: string; end: string | null; amount: number | null }[];
  availabilityDeclaredAt: string | null;
  householdHasChildrenUnder14: boolean | null;
  householdHasDisabledMember: boolean | null;
  lastContractHoursPerWeek: number | null;
}

export interface VacancyFacts {
  id: string;
  status: string;
  title: string;
  requestedProfile: string;
  profileCode: string | null;
  cpiCode: string;
  province: string | null;
  comune: string | null;
  lat: number | null;
  lon: number | null;
  companyName: string;
  atecoCode: string | null;
  mustHave: string[];
  niceToHave: string[];
  competencesText: string | null;
  education: string | null;
  languages: { code: string; level: string }[];
  licences: string[];
  contractType: string | null;
  contractMonths: number | null;
  hoursPerWeek: number | null;
  grossMonthlyPay: number | null;
  ccnl: string | null;
  reservedL68: boolean;
  shortlistCap: number;
  arrivalDate: string;
  closingDate: string | null;
}

export type ComponentName = "profile" | "competences" | "territory" | "requirements" | "priority";

/** One named part of a score: its value (0–1), weight, the points it brought, and why, in Italian. */
export interface ScoreComponent {
  name: ComponentName;
  value: number;
  weight: number;
  points: number;
  applicable: boolean;
  reason: string;
}

export type ExclusionCode =
  | "not_available"
  | "already_hired"
  | "already_on_list"
  | "missing_licence"
  | "missing_language"
  | "beyond_travel"
  | "reserved_l68"
  | "under_age"
  | "vacancy_closed";

export interface Exclusion {
  code: ExclusionCode;
  reason: string;
}

export type CongruaVerdict = "pass" | "fail" | "unknown" | "not_applicable";

export interface CompetenceMatch {
  required: string;
  offered: string;
  similarity: number;
  mustHave: boolean;
}

/** A scored pair. `score` is 0–100; `excluded` people are never ranked, but "explain why not" shows them. */
export interface MatchEvaluation {
  vacancyId: string;
  candidateId: string;
  score: number;
  components: ScoreComponent[];
  exclusions: Exclusion[];
  distanceKm: number | null;
  /** Share of the must-have competences covered (0–1), null when the offer lists none. */
  mustHaveCoverage: number | null;
  matchedCompetences: CompetenceMatch[];
  missingCompetences: { competence: string; mustHave: boolean }[];
  /** Null when not asked for (see MatchContext.withCongrua). */
  congrua: { verdict: CongruaVerdict; evaluations: unknown[] } | null;
  reasons: string[];
}
