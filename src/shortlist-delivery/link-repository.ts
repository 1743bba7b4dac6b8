import type { DbTx } from "../db/client.js";
import { AppError } from "../errors/app-error.js";
import { hashToken } from "../auth/tokens.js";
import { linkState } from "./link-states.js";

/** One answer for unknown, expired and revoked links: nobody learns whether a token ever existed. */
export const UNUSABLE_LINK_MESSAGE =
  "Il collegamento non è valido, è scaduto o è stato revocato. Chiedere un nuovo collegamento al centro per l'impiego che ha inviato la rosa.";

export const unusableLink = () => new AppError("NOT_FOUND", UNUSABLE_LINK_MESSAGE);

/** The link a token opens, if it is still active (found by the token's SHA-256, never by the token). */
export async function findUsableLink(db: DbTx, token: string, now: Date) {
  const link = await db.shortlistLink.findUnique({ where: { tokenHash: hashToken(token) }, include: { shortlist: { select: { vacancyId: true } } } });
  if (!link || linkState(link, now) !== "attivo") throw unusableLink();
  return link;
}
export type UsableLink = Awaited<ReturnType<typeof findUsableLink>>;

/** Records that the employer used the link (any access, reading or writing). */
export async function markOpened(db: DbTx, linkId: string, at: Date): Promise<void> {
  await db.shortlistLink.update({ where: { id: linkId }, data: { lastOpenedAt: at } });
}
