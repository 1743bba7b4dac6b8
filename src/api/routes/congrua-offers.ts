import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { shortlistEntryParams } from "../../shortlists/shortlist-schemas.js";
import { offerFromListEntrySchema, offerListQuerySchema, offerOutcomeSchema, recordOfferSchema } from "../../congrua-offers/congrua-offer-schemas.js";
import { recordCongruaOffer } from "../../congrua-offers/record-congrua-offer.js";
import { offerFromListEntry } from "../../congrua-offers/offer-from-list-entry.js";
import { recordOfferOutcome } from "../../congrua-offers/record-offer-outcome.js";
import { listCandidateOffers, readCongruaOffer } from "../../congrua-offers/read-congrua-offers.js";
import { congruaOfferViewSchema, listCandidateCongruaOffersResponseSchema } from "../../congrua-offers/congrua-offer-schemas.js";

const tag = "Offerte congrue";
const readers = "operatori che possono leggere la persona (i propri CPI o il proprio portafoglio; admin tutti)";

export function congruaOfferRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    {
      operationId: "recordCongruaOffer",
      response: congruaOfferViewSchema,
      errors: ["NOT_FOUND", "UNKNOWN_REFERENCE", "VACANCY_CLOSED"],
      method: "post",
      path: "/candidates/:id/congrua-offers",
      tag,
      summary: "Registra un'offerta fatta alla persona (della vetrina o esterna) con giorno e canale; ne valuta e conserva la congruità a quel giorno, con le versioni delle regole",
      roles: readers,
      params: idParams,
      body: recordOfferSchema,
      successStatus: 201,
    },
    ({ actor, params, body, route }) => recordCongruaOffer(ctx, actor, params.id, body, route),
  );
  mountRoute(
    r,
    { operationId: "listCandidateCongruaOffers", response: listCandidateCongruaOffersResponseSchema, errors: ["NOT_FOUND"], method: "get", path: "/candidates/:id/congrua-offers", tag, summary: "Offerte congrue fatte alla persona, dalla più recente, con esiti e segnalazioni. Lettura registrata", roles: readers, params: idParams, query: offerListQuerySchema },
    ({ actor, params, query, route }) => listCandidateOffers(ctx, actor, params.id, query, route),
  );
  mountRoute(
    r,
    {
      operationId: "createCongruaOfferFromShortlistEntry",
      response: congruaOfferViewSchema,
      errors: ["NOT_FOUND", "VACANCY_CLOSED"],
      method: "post",
      path: "/vacancies/:id/shortlist/entries/:candidateId/congrua-offer",
      tag,
      summary: "Trasforma in un passo la persona della rosa in un'offerta congrua dell'offerta della vetrina (oggi, salvo altra data)",
      roles: readers,
      params: shortlistEntryParams,
      body: offerFromListEntrySchema,
      successStatus: 201,
    },
    ({ actor, params, body, route }) => offerFromListEntry(ctx, actor, params.id, params.candidateId, body, route),
  );
  mountRoute(
    r,
    { operationId: "getCongruaOffer", response: congruaOfferViewSchema, errors: ["NOT_FOUND"], method: "get", path: "/congrua-offers/:id", tag, summary: "Legge un'offerta congrua: condizioni, valutazione com'era al giorno dell'offerta, esito con la sua storia, segnalazioni. Lettura registrata", roles: readers, params: idParams },
    ({ actor, params, route }) => readCongruaOffer(ctx, actor, params.id, route),
  );
  mountRoute(
    r,
    {
      operationId: "recordCongruaOfferOutcome",
      response: congruaOfferViewSchema,
      errors: ["CONFLICT", "INVALID_TRANSITION", "NOT_FOUND"],
      method: "post",
      path: "/congrua-offers/:id/outcome",
      tag,
      summary: "Registra l'esito (accettata, rifiutata con giustificato motivo, rifiutata senza motivo, non presentata) o lo corregge; apre le segnalazioni di condizionalità previste",
      roles: readers,
      params: idParams,
      body: offerOutcomeSchema,
    },
    ({ actor, params, body, route }) => recordOfferOutcome(ctx, actor, params.id, body, route),
  );
  return r;
}
