import type { DbTx } from "../db/client.js";

/** What an e-mail says instead of an erased person's id («la persona cancellata»). */
export const ERASED_PERSON = "cancellata";

/**
 * When a person is erased: e-mails name people by id only (no name, code or contact ever), and a digest lists
 * feed items by title, so the outbox holds a person's id in subjects and bodies. Each one, sent or not, is
 * rewritten to say "cancellata" instead; the message stays, as the record of what was sent to whom. Returns
 * how many were rewritten.
 */
export async function anonymiseEmailsAbout(tx: DbTx, candidateId: string): Promise<number> {
  const messages = await tx.emailMessage.findMany({
    where: { OR: [{ subject: { contains: candidateId } }, { body: { contains: candidateId } }] },
    select: { id: true, subject: true, body: true },
  });
  for (const m of messages) {
    await tx.emailMessage.update({ where: { id: m.id }, data: { subject: m.subject.replaceAll(candidateId, ERASED_PERSON), body: m.body.replaceAll(candidateId, ERASED_PERSON) } });
  }
  return messages.length;
}
