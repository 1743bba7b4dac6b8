import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { findLatestSentShortlist } from "../shortlists/shortlist-repository.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { canDownloadSentList } from "./link-policies.js";
import { loadMinimisedList } from "./load-minimised-list.js";
import type { MinimisedListView } from "./minimised-list-view.js";

/**
 * The list the employer last received, as the employer may see it (the minimised view), for a file: what the
 * referent prints or sends, and what the employer's own users download. Audited as an export of each person.
 */
export async function sentListForFile(ctx: AppContext, actor: Actor, vacancyId: string, route: string): Promise<MinimisedListView> {
  const vacancy = await findVacancy(ctx.db, vacancyId);
  assertAllowed(canDownloadSentList(actor, vacancy));
  const list = await findLatestSentShortlist(ctx.db, vacancyId);
  if (!list) throw new AppError("NOT_FOUND", "Nessuna rosa è stata ancora inviata per questa offerta.");
  const { view, candidateIds } = await loadMinimisedList(ctx.db, list, vacancy, new Date());
  await recordAudit(ctx.db, actor, "export", "candidate", candidateIds, route);
  return view;
}
