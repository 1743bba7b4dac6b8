import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { reloadShortlist } from "../shortlists/shortlist-repository.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { linkRoute } from "./link-actor.js";
import { findUsableLink, markOpened } from "./link-repository.js";
import { loadMinimisedList } from "./load-minimised-list.js";
import type { MinimisedListView } from "./minimised-list-view.js";

export type LinkListView = MinimisedListView & { link: { expiresAt: string } };

/**
 * The employer opens its list through the link: the minimised view (a closed list read-only). Reading is
 * audited as a read of every person shown, a file as their export, with the link as the "who"; the link's
 * lastOpenedAt is set. These two writes are the only ones a GET through the link makes.
 */
export async function openThroughLink(ctx: AppContext, token: string, route: string, action: "read" | "export"): Promise<LinkListView> {
  const now = new Date();
  const link = await findUsableLink(ctx.db, token, now);
  const list = await reloadShortlist(ctx.db, link.shortlistId);
  const vacancy = await findVacancy(ctx.db, list.vacancyId);
  const { view, candidateIds } = await loadMinimisedList(ctx.db, list, vacancy, now);
  await ctx.db.$transaction(async (tx) => {
    await recordAudit(tx, null, action, "candidate", candidateIds, linkRoute(route, link.id));
    await markOpened(tx, link.id, now);
  });
  return { ...view, link: { expiresAt: link.expiresAt.toISOString() } };
}
