/**
 * An outbox message's life, as the job queue's (src/jobs/job-queue.ts): `in_coda` (waiting for its
 * nextAttemptAt) → `in_invio` (claimed by one process under a lease; claimed again once the lease lapses)
 * → `inviata`; a failed attempt puts it back `in_coda` after its back-off, or gives it up, `non_inviata`,
 * after EMAIL_MAX_ATTEMPTS or at once on a permanent refusal; an administrator may put a `non_inviata`
 * message back `in_coda`. `senza_destinatario`: no recipient could be determined; kept, visible, never sent.
 */
export const EMAIL_STATUSES = ["in_coda", "in_invio", "inviata", "non_inviata", "senza_destinatario"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  in_coda: "In coda",
  in_invio: "In invio",
  inviata: "Inviata",
  non_inviata: "Non inviata",
  senza_destinatario: "Senza destinatario",
};
