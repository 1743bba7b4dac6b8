import { educationLevel } from "../reference/code-lists.js";
import type { ShortlistRecord } from "../shortlists/shortlist-repository.js";
import { toEmployerShortlistView, type ReferentContact } from "../shortlists/shortlist-views.js";
import type { VacancyRecord } from "../vacancies/vacancy-repository.js";
import { DISTANCE_BAND_LABELS, bandBetween } from "./distance-band.js";
import { relevantExperiences, type ExperienceFacts } from "./relevant-experiences.js";

/** A list the employer can still act on; a closed one is shown read-only, saying so. */
export const CLOSED_LIST_MESSAGE = "La rosa è chiusa: è consultabile ma non si registrano più esiti né rifiuti. Per informazioni contattare il centro per l'impiego.";

/** First name and the initial of the surname: enough to speak of the person, not to identify them elsewhere. */
export const shortName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName.trim().charAt(0).toUpperCase()}.`;

const strings = (json: unknown): string[] => (Array.isArray(json) ? json.filter((v): v is string => typeof v === "string") : []);
const profileTitles = (json: unknown): string[] =>
  Array.isArray(json) ? json.flatMap((p) => (p && typeof p === "object" && typeof (p as { title?: unknown }).title === "string" ? [(p as { title: string }).title] : [])) : [];

/**
 * What data minimisation lets the employer see of a sent list (the link, its .xlsx and its PDF): per person
 * the first name and initial, the occupations they are available for and their education, the past jobs most
 * like the vacancy's, their competences, a distance band, and their contacts only with their consent
 * (otherwise the CPI referent's, by the same rule as the employer's own view). Never the tax code, the
 * surname, the comune or address, programmes or scores.
 */
export function toMinimisedListView(
  list: ShortlistRecord,
  vacancy: VacancyRecord,
  referent: ReferentContact,
  experiences: ReadonlyMap<string, readonly ExperienceFacts[]>,
  now = new Date(),
) {
  const employerView = toEmployerShortlistView(list, vacancy, referent, now);
  const entryOf = new Map(list.entries.map((e) => [e.candidateId, e]));
  const readOnly = list.status !== "sent";
  return {
    shortlistId: list.id,
    status: list.status,
    statusLabel: employerView.statusLabel,
    readOnly,
    readOnlyMessage: readOnly ? CLOSED_LIST_MESSAGE : null,
    sentAt: employerView.sentAt,
    outcomeCheckDue: employerView.outcomeCheckDue,
    declinedReason: list.declinedReason,
    vacancy: {
      requestedProfile: vacancy.requestedProfile,
      companyName: vacancy.companyName,
      positions: vacancy.positions,
      workplace: vacancy.workplace?.name ?? null,
      contractOffer: vacancy.contractOfferText,
      cpi: vacancy.cpi.name,
    },
    referent,
    people: employerView.entries.map((shown) => {
      const entry = entryOf.get(shown.candidateId)!;
      const c = entry.candidate;
      const band = bandBetween(c.domicile, vacancy.workplace);
      return {
        entryId: entry.id,
        name: shortName(c),
        profile: {
          availableFor: profileTitles(c.declaredProfiles),
          education: c.educationLevel ? (educationLevel(c.educationLevel)?.label ?? null) : null,
        },
        experiences: relevantExperiences(experiences.get(c.id) ?? [], vacancy),
        competences: strings(c.competences),
        distanceBand: band,
        distanceBandLabel: band ? DISTANCE_BAND_LABELS[band] : null,
        contact: shown.contact,
        outcome: shown.outcome,
        outcomeLabel: shown.outcomeLabel,
      };
    }),
  };
}
export type MinimisedListView = ReturnType<typeof toMinimisedListView>;

/** The people a view shows, for the audit. */
export const candidateIdsShown = (list: ShortlistRecord) => list.entries.filter((e) => e.sentToEmployer).map((e) => e.candidateId);
