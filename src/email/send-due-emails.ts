import type { AppContext } from "../context.js";
import { claimNextDueEmail, markEmailFailed, markEmailSent, type ClaimedEmail } from "./email-outbox.js";
import { describeSmtpFailure } from "./smtp-failure.js";
import { smtpTransport, type SmtpTransport } from "./smtp-transport.js";

export interface SendOptions {
  /** The clock of the pass (tests move it past a back-off instead of waiting). */
  now?: () => Date;
}

export interface SendOutcome {
  smtpConfigured: boolean;
  sent: number;
  /** Failed this time, back in the queue after their back-off. */
  retrying: number;
  /** Given up: "non_inviata", error kept. */
  gaveUp: number;
  /** Left in the queue when the pass ended. */
  queued: number;
}

/** One pass sends at most this many, so a large backlog is spread over the minutes' passes. */
const MAX_PER_PASS = 500;
const INTERRUPTED_TOO_OFTEN = "Invio interrotto più volte: il processo che lo eseguiva si è fermato prima di finire.";

/** The Message-ID is the outbox id, so a message sent again after a crash is recognisably the same one. */
function messageIdOf(message: ClaimedEmail, mailFrom: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(mailFrom)?.[1] ?? "vetrina.local";
  return `<${message.id}@${domain}>`;
}

async function sendOne(transport: SmtpTransport, mailFrom: string, message: ClaimedEmail): Promise<string> {
  const info = await transport.sendMail({
    from: mailFrom,
    to: { name: message.toName ?? "", address: message.toAddress },
    subject: message.subject,
    text: message.body,
    messageId: messageIdOf(message, mailFrom),
    // RFC 3834: automatic mail, so out-of-office replies are not sent back to it.
    headers: { "Auto-Submitted": "auto-generated" },
  });
  return info.messageId;
}

/**
 * Drains the outbox through SMTP: claims each due message, sends it, records the outcome. Without
 * SMTP_HOST it sends nothing and leaves every message queued. A server that does not answer ends the
 * pass after recording that attempt, so the rest wait for the next pass without spending an attempt.
 */
export async function sendDueEmails(ctx: AppContext, opts: SendOptions = {}): Promise<SendOutcome> {
  const now = opts.now ?? (() => new Date());
  const outcome: SendOutcome = { smtpConfigured: ctx.env.SMTP_HOST !== undefined, sent: 0, retrying: 0, gaveUp: 0, queued: 0 };
  const transport = smtpTransport(ctx.env);
  if (transport) {
    try {
      for (let i = 0; i < MAX_PER_PASS; i++) {
        const message = await claimNextDueEmail(ctx.db, now());
        if (!message) break;
        if (message.attempts > ctx.env.EMAIL_MAX_ATTEMPTS) {
          await markEmailFailed(ctx.db, message, { message: INTERRUPTED_TOO_OFTEN, permanent: true }, ctx.env.EMAIL_MAX_ATTEMPTS, now());
          outcome.gaveUp += 1;
          continue;
        }
        let smtpMessageId: string;
        try {
          smtpMessageId = await sendOne(transport, ctx.env.MAIL_FROM, message);
        } catch (err) {
          const failure = describeSmtpFailure(err);
          const status = await markEmailFailed(ctx.db, message, failure, ctx.env.EMAIL_MAX_ATTEMPTS, now());
          if (status === "non_inviata") outcome.gaveUp += 1;
          else outcome.retrying += 1;
          ctx.log.warn({ emailId: message.id, attempt: message.attempts, status, error: failure.message }, "invio di un'e-mail non riuscito");
          if (failure.unreachable) break;
          continue;
        }
        // Outside the catch: a store that cannot record the success must not count as a failed send.
        await markEmailSent(ctx.db, message, smtpMessageId, now());
        outcome.sent += 1;
      }
    } finally {
      transport.close();
    }
  }
  outcome.queued = await ctx.db.emailMessage.count({ where: { status: "in_coda" } });
  return outcome;
}
