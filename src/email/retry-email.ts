import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import { AppError, notFound } from "../errors/app-error.js";
import { canRetryEmail } from "./email-policies.js";
import { EMAIL_STATUS_LABELS, type EmailStatus } from "./email-states.js";
import { toEmailView } from "./email-views.js";

/**
 * Queues a message given up ("non_inviata") again, due now, with all its attempts; its last error stays
 * until the next attempt. Conditional on the status, so two retries at once queue it once.
 */
export async function retryEmail(ctx: AppContext, actor: Actor, id: string) {
  assertAllowed(canRetryEmail(actor));
  const message = await ctx.db.emailMessage.findUnique({ where: { id }, select: { status: true } });
  if (!message) throw notFound("Messaggio");
  const from = message.status as EmailStatus;
  const refused = () =>
    new AppError("INVALID_TRANSITION", `Si rimette in coda solo un messaggio nello stato «${EMAIL_STATUS_LABELS.non_inviata}»: questo è nello stato «${EMAIL_STATUS_LABELS[from] ?? from}».`, [
      { field: "status", message: `Stato attuale: ${from}` },
    ]);
  if (from !== "non_inviata") throw refused();
  const { count } = await ctx.db.emailMessage.updateMany({ where: { id, status: "non_inviata" }, data: { status: "in_coda", attempts: 0, nextAttemptAt: new Date() } });
  if (count === 0) throw refused();
  return toEmailView(await ctx.db.emailMessage.findUniqueOrThrow({ where: { id } }), ctx.env.EMAIL_MAX_ATTEMPTS);
}
