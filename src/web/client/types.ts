/** The parts of the API's answers the pages read (the API's own schemas hold the whole shapes). */
export interface Facet {
  code: string;
  label: string;
  count: number;
}

export interface SearchPage<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
  facets: Record<string, Facet[]>;
}

export interface Vacancy {
  id: string;
  status: string;
  statusLabel: string;
  arrivalDate: string;
  requestedProfile: string;
  profileTitle: string | null;
  profileCode: string | null;
  positions: number;
  positionsFilled: number;
  companyName: string;
  sectorLabel: string | null;
  atecoCode: string | null;
  contractOfferText: string | null;
  competencesText: string | null;
  mustHaveCompetences: string[];
  niceToHaveCompetences: string[];
  requiredLicences: string[];
  contractType: string | null;
  contractMonths: number | null;
  hoursPerWeek: number | null;
  grossMonthlyPay: number | null;
  workplace: { istatCode: string; name: string; provinceAcronym: string } | null;
  cpi: { code: string; name: string };
  referent: { id: string; name: string; email: string } | null;
  notes: string | null;
  shortlistCap: number;
  reservedL68: boolean;
  publishedAt: string | null;
  closingDate: string | null;
  distanceKm?: number | null;
}

export interface HistoryItem {
  type: string;
  at: string;
  byUserName: string | null;
  from: string | null;
  to: string | null;
  reason: string | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface Deadline {
  vacancyId: string;
  kindLabel: string;
  stage: string;
  stageLabel: string;
  dueOn: string;
  description: string;
}

export interface Component {
  name: string;
  value: number;
  weight: number;
  points: number;
  applicable: boolean;
  reason: string;
}

export interface CongruaVerdict {
  verdict: string;
  evaluations: { ruleSet: { label: string }; criteria: { criterion: string; verdict: string; reason: string }[]; verdict: string; refusalConsequence?: string | null }[];
}

export interface Match {
  candidateId: string;
  score: number;
  rank: number;
  qualified: boolean;
  components: Component[];
  exclusions: { constraint?: string; reason: string }[];
  reasons: string[];
  distanceKm: number | null;
  missingCompetences: { competence: string; mustHave: boolean }[];
  congrua: CongruaVerdict | null;
  candidate: { id: string; firstName: string; lastName: string; comune: string | null; province: string | null; programmes: string[]; cpiCode: string };
}

export interface NarrowingOption {
  label: string;
  remaining: number;
  filter: string;
}

export interface MatchesPage {
  total: number;
  page: number;
  pageSize: number;
  pool: { qualified: number; cap: number; exceedsCap: boolean; message: string | null; narrowing: NarrowingOption[] };
  items: Match[];
}

export interface ShortlistEntry {
  candidateId: string;
  name: string;
  comune: string | null;
  cpi: { code: string; name: string } | null;
  email: string | null;
  phone: string | null;
  availabilityLabel: string | null;
  sourceLabel: string;
  score: number | null;
  reason: string | null;
  exception: { constraint?: string; reason: string } | null;
  contactStatus: string;
  contactStatusLabel: string;
  sentToEmployer: boolean;
  outcome: string | null;
  outcomeLabel: string | null;
  removed: boolean;
  removedReason: string | null;
}

export interface Shortlist {
  id: string;
  status: string;
  statusLabel: string;
  cap: number;
  sentAt: string | null;
  outcomeCheckDue: string | null;
  declinedReason: string | null;
  counts: { onList: number; available: number; sentToEmployer: number; removed: number };
  entries: ShortlistEntry[];
  history?: { at: string; typeLabel: string; reason: string | null; byUserName: string | null }[];
}
