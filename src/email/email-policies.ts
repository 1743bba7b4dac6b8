import type { Actor } from "../auth/actor.js";

/**
 * Who sees which outbox messages. Same convention as src/auth/policies.ts: a refusal reason in Italian, or
 * null. The regional agency sees every message; any other user the messages addressed to their own
 * address (the reminders and notices they received). Only the agency queues a given-up message again.
 */
type Reason = string | null;

export const seesEveryEmail = (actor: Actor): boolean => actor.role === "admin";

export function canReadEmail(actor: Actor, actorAddress: string | null, message: { toAddress: string }): Reason {
  if (seesEveryEmail(actor)) return null;
  return message.toAddress === actorAddress ? null : "Si vedono solo i messaggi indirizzati al proprio indirizzo e-mail.";
}

export const canRetryEmail = (actor: Actor): Reason =>
  actor.role === "admin" ? null : "Solo l'amministratore rimette in coda un messaggio non inviato.";
