import type { EmailMessage } from "../generated/prisma/client.js";
import { EMAIL_KIND_LABELS, type EmailKind } from "./email-kinds.js";
import { EMAIL_STATUS_LABELS, type EmailStatus } from "./email-states.js";

/** An outbox message as the API shows it, with Italian labels; the text only in the detail. */
export function toEmailView(m: EmailMessage, maxAttempts: number) {
  return {
    id: m.id,
    kind: m.kind,
    kindLabel: EMAIL_KIND_LABELS[m.kind as EmailKind] ?? m.kind,
    status: m.status,
    statusLabel: EMAIL_STATUS_LABELS[m.status as EmailStatus] ?? m.status,
    to: m.toAddress ? { address: m.toAddress, name: m.toName } : null,
    subject: m.subject,
    attempts: m.attempts,
    maxAttempts,
    // Only a queued message is waiting for a time; a claimed one's time is its lease.
    nextAttemptAt: m.status === "in_coda" ? m.nextAttemptAt.toISOString() : null,
    lastError: m.lastError,
    sentAt: m.sentAt?.toISOString() ?? null,
    smtpMessageId: m.smtpMessageId,
    eventSeq: m.eventSeq,
    createdAt: m.createdAt.toISOString(),
  };
}

/** An employer's link is a credential: only its recipient should hold it, so the outbox shows it masked. */
const maskLinkTokens = (text: string): string => text.replace(/(\/link\/)[A-Za-z0-9_-]+/g, "$1[riservato]");

export const toEmailDetail = (m: EmailMessage, maxAttempts: number) => ({ ...toEmailView(m, maxAttempts), body: maskLinkTokens(m.body) });
