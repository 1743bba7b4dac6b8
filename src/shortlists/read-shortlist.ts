import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { canReadShortlist, canSeeEntryContacts } from "./shortlist-policies.js";
import { findCurrentShortlist, findLatestSentShortlist } from "./shortlist-repository.js";
import { loadEventViews } from "./list-shortlist-history.js";
import { toEmployerShortlistView, toShortlistView, type EmployerShortlistView, type ShortlistEventView, type ShortlistView } from "./shortlist-views.js";

export type OperatorShortlistRead = ShortlistView & { history: ShortlistEventView[] };

/**
 * Reads a vacancy's list.
 * - Operators of the vacancy's CPI (referent, tutor, navigator) and administrators: the current list with
 *   every entry (removed ones flagged), contact statuses, outcomes and the list's history; each person's
 *   contacts only as canSeeEntryContacts allows (otherwise the reason they are withheld).
 * - The employer owning the vacancy: only the list it received, only the people sent to it, and their own
 *   contacts only with their consent (otherwise the CPI referent's).
 * Every person shown is recorded in the audit as read.
 */
export async function readShortlist(
  ctx: AppContext,
  actor: Actor,
  vacancyId: string,
  route: string,
): Promise<OperatorShortlistRead | EmployerShortlistView> {
  const vacancy = await findVacancy(ctx.db, vacancyId);
  assertAllowed(canReadShortlist(actor, vacancy));

  if (actor.role === "employer") {
    const list = await findLatestSentShortlist(ctx.db, vacancyId);
    if (!list) throw new AppError("NOT_FOUND", "Nessuna rosa è stata ancora inviata per questa offerta.");
    const sender = list.sentById ? await ctx.db.user.findUnique({ where: { id: list.sentById } }) : null;
    const referent = {
      name: vacancy.referentName ?? sender?.name ?? null,
      email: vacancy.referentEmail ?? sender?.email ?? null,
      cpi: vacancy.cpi.name,
    };
    const view = toEmployerShortlistView(list, vacancy, referent);
    await recordAudit(ctx.db, actor, "read", "candidate", view.entries.map((e) => e.candidateId), route);
    return view;
  }

  const list = await findCurrentShortlist(ctx.db, vacancyId);
  if (!list) throw new AppError("NOT_FOUND", "Nessuna rosa per questa offerta: costruirla con POST /vacancies/:id/shortlist.");
  const history = await loadEventViews(ctx.db, { shortlistId: list.id });
  const view = toShortlistView(list, (entry) => canSeeEntryContacts(actor, vacancy, list, entry));
  await recordAudit(ctx.db, actor, "read", "candidate", view.entries.map((e) => e.candidateId), route);
  return { ...view, history };
}
