import { buildShortlistBodySchema } from "../../matching/match-schemas.js";
import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import {
  shortlistAddSchema,
  shortlistContactSchema,
  shortlistDeclineSchema,
  shortlistEntryParams,
  shortlistNoBody,
  shortlistOutcomeSchema,
  shortlistRemoveSchema,
} from "../../shortlists/shortlist-schemas.js";
import { toShortlistView } from "../../shortlists/shortlist-views.js";
import { buildShortlist } from "../../shortlists/build-shortlist.js";
import { readShortlist } from "../../shortlists/read-shortlist.js";
import { addToShortlist } from "../../shortlists/add-to-shortlist.js";
import { removeFromShortlist } from "../../shortlists/remove-from-shortlist.js";
import { markContact } from "../../shortlists/mark-contact.js";
import { sendShortlist } from "../../shortlists/send-shortlist.js";
import { recordOutcome } from "../../shortlists/record-outcome.js";
import { listShortlistHistory } from "../../shortlists/list-shortlist-history.js";
import { declineShortlist } from "../../shortlists/decline-shortlist.js";
import { declineResultSchema, getShortlistHistoryResponseSchema, getShortlistResponseSchema, outcomeResultSchema, shortlistViewSchema } from "../../shortlists/shortlist-schemas.js";

const tag = "Rose di candidati";
const manage = "admin; referente del CPI dell'offerta";
/** Write flows answer with the list without personal contacts (those are read, and audited, through GET). */
const view = null;

export function shortlistRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "buildShortlist", response: shortlistViewSchema, errors: ["CONFLICT", "INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/vacancies/:id/shortlist", tag, summary: "Costruisce la rosa in preparazione dall'abbinamento (fino al tetto: 15 salvo diversa richiesta)", roles: manage, params: idParams, body: buildShortlistBodySchema, successStatus: 201 },
    async ({ actor, params, body, route }) => toShortlistView(await buildShortlist(ctx, actor, params.id, route, body.narrow), view),
  );
  mountRoute(
    r,
    { operationId: "getShortlist", response: getShortlistResponseSchema, errors: ["NOT_FOUND"], method: "get", path: "/vacancies/:id/shortlist", tag, summary: "Legge la rosa (gli operatori: tutta, con la storia; l'azienda: solo le persone inviate). Contatti delle persone fuori dai propri CPI solo al referente dell'offerta, a rosa aperta, per chi viene dall'abbinamento e non è stato tolto. Lettura registrata", roles: "operatori del CPI dell'offerta; l'azienda titolare, solo la rosa inviata", params: idParams },
    ({ actor, params, route }) => readShortlist(ctx, actor, params.id, route),
  );
  mountRoute(
    r,
    { operationId: "addShortlistEntry", response: shortlistViewSchema, errors: ["CONFLICT", "EXCLUDED_NEEDS_CONFIRMATION", "NOT_FOUND", "NOT_QUALIFIED"], method: "post", path: "/vacancies/:id/shortlist/entries", tag, summary: "Inserisce a mano una persona disponibile, con il motivo, entro il tetto; una persona di un CPI fuori dal proprio ambito solo se l'abbinamento la trova idonea; una persona esclusa da un vincolo (patente, distanza, L. 68) solo confermando l'eccezione con il motivo (altrimenti 422 EXCLUDED_NEEDS_CONFIRMATION)", roles: manage, params: idParams, body: shortlistAddSchema, successStatus: 201 },
    async ({ actor, params, body, route }) => toShortlistView(await addToShortlist(ctx, actor, params.id, body.candidateId, body, route), view),
  );
  mountRoute(
    r,
    { operationId: "removeShortlistEntry", response: shortlistViewSchema, errors: ["CONFLICT", "NOT_FOUND"], method: "post", path: "/vacancies/:id/shortlist/entries/:candidateId/remove", tag, summary: "Toglie una persona dalla rosa, con il motivo (resta nella storia)", roles: manage, params: shortlistEntryParams, body: shortlistRemoveSchema },
    async ({ actor, params, body, route }) => toShortlistView(await removeFromShortlist(ctx, actor, params.id, params.candidateId, body.reason, route), view),
  );
  mountRoute(
    r,
    { operationId: "recordShortlistContact", response: shortlistViewSchema, errors: ["CONFLICT", "INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/vacancies/:id/shortlist/entries/:candidateId/contact", tag, summary: "Registra l'esito del contatto (disponibile, non disponibile, non raggiungibile; da contattare per riprovare)", roles: manage, params: shortlistEntryParams, body: shortlistContactSchema },
    async ({ actor, params, body, route }) =>
      toShortlistView(await markContact(ctx, actor, params.id, params.candidateId, body.status, body.note, route), view),
  );
  mountRoute(
    r,
    { operationId: "recordShortlistOutcome", response: outcomeResultSchema, errors: ["CONFLICT", "INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/vacancies/:id/shortlist/entries/:candidateId/outcome", tag, summary: "Registra l'esito dell'azienda (colloquio, assunzione, …); l'assunzione rende la persona occupata", roles: "admin; referente del CPI; l'azienda titolare dell'offerta", params: shortlistEntryParams, body: shortlistOutcomeSchema },
    ({ actor, params, body, route }) => recordOutcome(ctx, actor, params.id, params.candidateId, body.outcome, body.note, route),
  );
  mountRoute(
    r,
    { operationId: "sendShortlist", response: shortlistViewSchema, errors: ["CONFLICT", "INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/vacancies/:id/shortlist/send", tag, summary: "Invia all'azienda le sole persone disponibili (mai oltre il tetto); verifica dell'esito entro DEADLINE_OUTCOME_CHECK_DAYS giorni (15 salvo configurazione)", roles: manage, params: idParams, body: shortlistNoBody },
    async ({ actor, params, route }) => toShortlistView(await sendShortlist(ctx, actor, params.id, route), view),
  );
  mountRoute(
    r,
    { operationId: "declineShortlist", response: declineResultSchema, errors: ["CONFLICT", "INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/vacancies/:id/shortlist/decline", tag, summary: "L'azienda rifiuta la rosa ricevuta, con il motivo: la rosa si chiude come rifiutata e l'offerta torna in preselezione", roles: "l'azienda titolare dell'offerta; admin; referente del CPI per conto dell'azienda", params: idParams, body: shortlistDeclineSchema },
    ({ actor, params, body, route }) => declineShortlist(ctx, actor, params.id, body.reason, route),
  );
  mountRoute(
    r,
    { operationId: "getShortlistHistory", response: getShortlistHistoryResponseSchema, errors: ["NOT_FOUND"], method: "get", path: "/vacancies/:id/shortlist/history", tag, summary: "Storia delle rose dell'offerta: chi ha cambiato cosa, quando e perché", roles: "operatori del CPI dell'offerta", params: idParams },
    ({ actor, params }) => listShortlistHistory(ctx, actor, params.id),
  );
  return r;
}
