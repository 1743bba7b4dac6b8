import type { DbTx } from "../db/client.js";
import type { ShortlistRecord } from "../shortlists/shortlist-repository.js";
import type { ReferentContact } from "../shortlists/shortlist-views.js";
import type { VacancyRecord } from "../vacancies/vacancy-repository.js";
import { candidateIdsShown, toMinimisedListView, type MinimisedListView } from "./minimised-list-view.js";
import type { ExperienceFacts } from "./relevant-experiences.js";

/** Whom the employer asks about a person who did not consent: the vacancy's referent, else who sent the list. */
async function referentContact(db: DbTx, list: ShortlistRecord, vacancy: VacancyRecord): Promise<ReferentContact> {
  const sender = list.sentById ? await db.user.findUnique({ where: { id: list.sentById }, select: { name: true, email: true } }) : null;
  return { name: vacancy.referentName ?? sender?.name ?? null, email: vacancy.referentEmail ?? sender?.email ?? null, cpi: vacancy.cpi.name };
}

/** The minimised view of a sent list, with the people it shows (for the audit). */
export async function loadMinimisedList(
  db: DbTx,
  list: ShortlistRecord,
  vacancy: VacancyRecord,
  now: Date,
): Promise<{ view: MinimisedListView; candidateIds: string[] }> {
  const candidateIds = candidateIdsShown(list);
  const rows = await db.workExperience.findMany({ where: { candidateId: { in: candidateIds } } });
  const experiences = new Map<string, ExperienceFacts[]>();
  for (const row of rows) experiences.set(row.candidateId, [...(experiences.get(row.candidateId) ?? []), row]);
  return { view: toMinimisedListView(list, vacancy, await referentContact(db, list, vacancy), experiences, now), candidateIds };
}
