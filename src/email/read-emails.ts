import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { notFound } from "../errors/app-error.js";
import { canReadEmail, seesEveryEmail } from "./email-policies.js";
import type { EmailListQuery } from "./email-schemas.js";
import { toEmailDetail, toEmailView } from "./email-views.js";

/** The caller's own address (every user has one). */
const addressOf = async (db: DbTx, actor: Actor) => (await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } })).email;

/** The outbox, newest first: everything for the agency, one's own messages for anyone else. */
export async function listEmails(ctx: AppContext, actor: Actor, query: EmailListQuery) {
  const own = seesEveryEmail(actor) ? {} : { toAddress: await addressOf(ctx.db, actor) };
  const where = { ...own, status: query.status, kind: query.kind };
  const [total, rows] = await Promise.all([
    ctx.db.emailMessage.count({ where }),
    ctx.db.emailMessage.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    // Without SMTP nothing leaves the outbox: said here so a long queue is not mistaken for a fault.
    smtpConfigured: ctx.env.SMTP_HOST !== undefined,
    items: rows.map((m) => toEmailView(m, ctx.env.EMAIL_MAX_ATTEMPTS)),
  };
}

export async function readEmail(ctx: AppContext, actor: Actor, id: string) {
  const message = await ctx.db.emailMessage.findUnique({ where: { id } });
  if (!message) throw notFound("Messaggio");
  assertAllowed(canReadEmail(actor, seesEveryEmail(actor) ? null : await addressOf(ctx.db, actor), message));
  return toEmailDetail(message, ctx.env.EMAIL_MAX_ATTEMPTS);
}
