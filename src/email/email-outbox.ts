import type { Db } from "../db/client.js";
import type { EmailMessage } from "../generated/prisma/client.js";
import { retryDelayMs } from "../jobs/retry-backoff.js";
import type { EmailStatus } from "./email-states.js";
import type { SmtpFailure } from "./smtp-failure.js";

/**
 * The sender's side of the outbox: claims and outcomes, each a conditional update, so with several
 * processes on one database a message is claimed by one of them only.
 */

/**
 * How long a claimed message is this process's: longer than one SMTP attempt can take (see the transport's
 * timeouts). A process that dies mid-send leaves the message to be claimed again once it lapses.
 */
export const SEND_LEASE_MS = 5 * 60_000;

/** A message claimed for one attempt (attempts already counts it). */
export type ClaimedEmail = EmailMessage & { status: "in_invio" };

/**
 * Claims the next due message: a queued one whose time has come, or one being sent whose lease lapsed.
 * The update only succeeds if the row is still as read (every claim counts an attempt, so status and
 * attempts tell), so of two processes reading the same row one wins and the other looks for the next.
 */
export async function claimNextDueEmail(db: Db, now: Date): Promise<ClaimedEmail | null> {
  for (;;) {
    const due = await db.emailMessage.findFirst({
      where: { status: { in: ["in_coda", "in_invio"] satisfies EmailStatus[] }, nextAttemptAt: { lte: now } },
      orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    });
    if (!due) return null;
    const claim = { status: "in_invio" as const, attempts: due.attempts + 1, nextAttemptAt: new Date(now.getTime() + SEND_LEASE_MS) };
    const { count } = await db.emailMessage.updateMany({
      where: { id: due.id, status: due.status, attempts: due.attempts },
      data: claim,
    });
    if (count === 1) return { ...due, ...claim };
  }
}

/** Still ours: not reclaimed by another process after our lease lapsed. */
const ownClaim = (m: ClaimedEmail) => ({ id: m.id, status: "in_invio", attempts: m.attempts });

export async function markEmailSent(db: Db, message: ClaimedEmail, smtpMessageId: string, now: Date): Promise<void> {
  await db.emailMessage.updateMany({ where: ownClaim(message), data: { status: "inviata", sentAt: now, smtpMessageId, lastError: null } });
}

/**
 * After a failed attempt: back in the queue after the exponential back-off of the job runner, or given up
 * ("non_inviata", error kept) once the attempts are used or the server refused the message for good.
 */
export async function markEmailFailed(db: Db, message: ClaimedEmail, failure: Pick<SmtpFailure, "message" | "permanent">, maxAttempts: number, now: Date): Promise<EmailStatus> {
  const final = failure.permanent || message.attempts >= maxAttempts;
  const lastError = `Tentativo ${message.attempts} di ${maxAttempts}: ${failure.message}`;
  await db.emailMessage.updateMany({
    where: ownClaim(message),
    data: final
      ? { status: "non_inviata", lastError }
      : { status: "in_coda", lastError, nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)) },
  });
  return final ? "non_inviata" : "in_coda";
}
