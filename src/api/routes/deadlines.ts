import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { deadlineListQuerySchema, outcomeCheckSchema, selectionRequestSchema, selectionStartSchema } from "../../deadlines/deadline-schemas.js";
import { listDeadlines } from "../../deadlines/list-deadlines.js";
import { recordSelectionRequest } from "../../deadlines/record-selection-request.js";
import { recordSelectionStart } from "../../deadlines/record-selection-start.js";
import { recordOutcomeCheck } from "../../deadlines/record-outcome-check.js";
import { listDeadlinesResponseSchema, vacancyDeadlinesSchema } from "../../deadlines/deadline-schemas.js";

const tag = "Scadenze";
const manage = "admin; referente del CPI dell'offerta";

export function deadlineRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    {
      operationId: "listDeadlines",
      response: listDeadlinesResponseSchema,
      errors: ["UNKNOWN_REFERENCE"],
      method: "get",
      path: "/deadlines",
      tag,
      summary:
        "Scadenze in scadenza e scadute delle offerte aperte (rosa entro 20 giorni dall'arrivo, selezione entro 7 giorni dalla richiesta, verifica dell'esito entro 15 giorni dall'invio; giorni configurabili), con i conteggi per CPI e per referente",
      roles: "admin (tutti i CPI); operatori dei propri CPI; mine=true: le offerte di cui si è referente",
      query: deadlineListQuerySchema,
    },
    ({ actor, query }) => listDeadlines(ctx, actor, query),
  );
  mountRoute(
    r,
    { operationId: "recordSelectionRequest", response: vacancyDeadlinesSchema, errors: ["CONFLICT", "NOT_FOUND", "VACANCY_CLOSED"], method: "post", path: "/vacancies/:id/selection-request", tag, summary: "Registra la richiesta di selezione dell'azienda (da avviare entro 7 giorni); correggibile finché la selezione non è avviata", roles: manage, params: idParams, body: selectionRequestSchema },
    ({ actor, params, body, route }) => recordSelectionRequest(ctx, actor, params.id, body.requestedAt, route),
  );
  mountRoute(
    r,
    { operationId: "recordSelectionStart", response: vacancyDeadlinesSchema, errors: ["CONFLICT", "NOT_FOUND", "VACANCY_CLOSED"], method: "post", path: "/vacancies/:id/selection-start", tag, summary: "Registra l'avvio della selezione richiesta", roles: manage, params: idParams, body: selectionStartSchema },
    ({ actor, params, body, route }) => recordSelectionStart(ctx, actor, params.id, body.startedAt, route),
  );
  mountRoute(
    r,
    { operationId: "recordOutcomeCheck", response: vacancyDeadlinesSchema, errors: ["CONFLICT", "NOT_FOUND"], method: "post", path: "/vacancies/:id/shortlist/outcome-check", tag, summary: "Registra la verifica dell'esito con l'azienda per l'ultima rosa inviata (entro 15 giorni dall'invio)", roles: manage, params: idParams, body: outcomeCheckSchema },
    ({ actor, params, body, route }) => recordOutcomeCheck(ctx, actor, params.id, body, route),
  );
  return r;
}
