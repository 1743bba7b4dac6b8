import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { emailListQuery, emailRetryBody } from "../../email/email-schemas.js";
import { listEmails, readEmail } from "../../email/read-emails.js";
import { retryEmail } from "../../email/retry-email.js";
import { emailViewSchema, getEmailResponseSchema, listEmailsResponseSchema } from "../../email/email-schemas.js";

const tag = "E-mail";
const readers = "admin: tutti i messaggi; gli altri utenti: i messaggi indirizzati al proprio indirizzo";

/** The e-mail outbox: what was queued, sent, given up or left without a recipient, and a retry. */
export function emailRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "listEmails", response: listEmailsResponseSchema, method: "get", path: "/emails", tag, summary: "Messaggi e-mail dal più recente, con stato (in coda, in invio, inviata, non inviata, senza destinatario), tentativi ed errore; filtri stato e tipo", roles: readers, query: emailListQuery },
    ({ actor, query }) => listEmails(ctx, actor, query),
  );
  mountRoute(
    r,
    { operationId: "getEmail", response: getEmailResponseSchema, errors: ["NOT_FOUND"], method: "get", path: "/emails/:id", tag, summary: "Un messaggio e-mail con il testo", roles: readers, params: idParams },
    ({ actor, params }) => readEmail(ctx, actor, params.id),
  );
  mountRoute(
    r,
    { operationId: "retryEmail", response: emailViewSchema, errors: ["INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/emails/:id/retry", tag, summary: "Rimette in coda un messaggio non inviato, con tutti i suoi tentativi", roles: "admin", params: idParams, body: emailRetryBody },
    ({ actor, params }) => retryEmail(ctx, actor, params.id),
  );
  return r;
}
