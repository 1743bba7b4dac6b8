import { recordedUserId, type Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { AppError, notFound } from "../errors/app-error.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { canManageLinks } from "./link-policies.js";
import { linkRowSelect, toLinkView, type LinkView } from "./link-view.js";

/** Every link given out for the vacancy's lists, newest first, with its state and last use. */
export async function listLinks(ctx: AppContext, actor: Actor, vacancyId: string): Promise<LinkView[]> {
  assertAllowed(canManageLinks(actor, await findVacancy(ctx.db, vacancyId)));
  const links = await ctx.db.shortlistLink.findMany({
    where: { shortlist: { vacancyId } },
    select: linkRowSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const now = new Date();
  return links.map((l) => toLinkView(l, now));
}

/** Revokes a link at once: it opens nothing any more (an expired one may be revoked too, to say so). */
export async function revokeLink(ctx: AppContext, actor: Actor, linkId: string, route: string): Promise<LinkView> {
  return ctx.db.$transaction(async (tx) => {
    const found = await tx.shortlistLink.findUnique({ where: { id: linkId }, select: { revokedAt: true, shortlist: { select: { vacancyId: true } } } });
    if (!found) throw notFound("Collegamento");
    const vacancy = await findVacancy(tx, found.shortlist.vacancyId);
    assertAllowed(canManageLinks(actor, vacancy));
    if (found.revokedAt) throw new AppError("CONFLICT", "Il collegamento è già stato revocato.", [{ field: "id", message: "Già revocato" }]);
    const now = new Date();
    const link = await tx.shortlistLink.update({ where: { id: linkId }, data: { revokedAt: now, revokedById: recordedUserId(actor) }, select: linkRowSelect });
    await recordAudit(tx, actor, "token_revoke", "vacancy", [vacancy.id], route);
    return toLinkView(link, now);
  });
}
