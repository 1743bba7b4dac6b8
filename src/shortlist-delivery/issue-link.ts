import { recordedUserId, type Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { AppError } from "../errors/app-error.js";
import { findOpenShortlist } from "../shortlists/shortlist-repository.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { canManageLinks } from "./link-policies.js";
import { linkExpiry, linkUrl, newLinkToken } from "./link-token.js";
import { linkRowSelect, toLinkView, type LinkView } from "./link-view.js";

export interface IssuedLink {
  link: LinkView;
  /** The only time the address (with its token) is given out: it is stored as a hash. */
  url: string;
}

/**
 * Writes a new link to a sent list for one recipient, in the caller's transaction. Called when the list is
 * sent (by the e-mail to the employer's contact, the one place the raw token goes) and by operators.
 */
export async function issueLink(
  tx: DbTx,
  ctx: Pick<AppContext, "env">,
  input: { shortlistId: string; recipientEmail: string | null; createdById: string | null },
  now = new Date(),
): Promise<IssuedLink> {
  const { token, tokenHash } = newLinkToken();
  const link = await tx.shortlistLink.create({ data: { ...input, tokenHash, expiresAt: linkExpiry(now), createdAt: now }, select: linkRowSelect });
  return { link: toLinkView(link, now), url: linkUrl(ctx.env, token) };
}

/**
 * An operator gives the list with the employer to another contact (or again to the same one): the list must
 * be the one sent, and the vacancy must belong to a registered employer (the link acts as that employer).
 */
export async function issueLinkForVacancy(ctx: AppContext, actor: Actor, vacancyId: string, recipientEmail: string, route: string): Promise<IssuedLink> {
  return ctx.db.$transaction(async (tx) => {
    const vacancy = await findVacancy(tx, vacancyId);
    assertAllowed(canManageLinks(actor, vacancy));
    if (!vacancy.employerId) {
      throw new AppError("CONFLICT", "L'offerta non è collegata a un'azienda registrata: il collegamento non potrebbe registrare esiti per suo conto.", [
        { field: "employerId", message: "Nessuna azienda registrata" },
      ]);
    }
    const list = await findOpenShortlist(tx, vacancyId);
    if (!list || list.status !== "sent") {
      throw new AppError("CONFLICT", "Nessuna rosa è ora presso l'azienda per questa offerta: il collegamento si rilascia per la rosa inviata.", [
        { field: "shortlist", message: list ? `Stato della rosa: ${list.status}` : "Nessuna rosa inviata" },
      ]);
    }
    const issued = await issueLink(tx, ctx, { shortlistId: list.id, recipientEmail, createdById: recordedUserId(actor) });
    await recordAudit(tx, actor, "token_issue", "vacancy", [vacancyId], route);
    return issued;
  });
}
