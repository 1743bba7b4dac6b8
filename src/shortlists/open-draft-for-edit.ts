import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import type { DbTx } from "../db/client.js";
import { findVacancy, type VacancyRecord } from "../vacancies/vacancy-repository.js";
import { canManageShortlist } from "./shortlist-policies.js";
import { assertVacancyNotClosed, requireDraftShortlist, type ShortlistRecord } from "./shortlist-repository.js";

/** What every change to a list checks first: the vacancy is the actor's to manage, still open, with a draft list. */
export async function openDraftForEdit(tx: DbTx, actor: Actor, vacancyId: string): Promise<{ vacancy: VacancyRecord; list: ShortlistRecord }> {
  const vacancy = await findVacancy(tx, vacancyId);
  assertAllowed(canManageShortlist(actor, vacancy));
  assertVacancyNotClosed(vacancy);
  return { vacancy, list: await requireDraftShortlist(tx, vacancyId) };
}
