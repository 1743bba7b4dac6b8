import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import {
  proposalAcceptSchema,
  proposalCreateSchema,
  proposalDeclineSchema,
  proposalParams,
  proposalsQuery,
  proposalWithdrawSchema,
  vacancyProposalsQuery,
} from "../../proposals/proposal-schemas.js";
import { createProposal } from "../../proposals/create-proposal.js";
import { acceptProposal } from "../../proposals/accept-proposal.js";
import { declineProposal } from "../../proposals/decline-proposal.js";
import { withdrawProposal } from "../../proposals/withdraw-proposal.js";
import { listProposals, listVacancyProposals, proposalDetail, readProposal } from "../../proposals/read-proposals.js";
import { listProposalsResponseSchema, listVacancyProposalsResponseSchema, proposalViewSchema } from "../../proposals/proposal-schemas.js";

const tag = "Segnalazioni";
const decide = "il referente dell'offerta; admin (offerta senza referente assegnato: i referenti del suo CPI)";

export function proposalRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    {
      operationId: "createProposal",
      response: proposalViewSchema,
      errors: ["CONFLICT", "NOT_FOUND", "VACANCY_CLOSED"],
      method: "post",
      path: "/vacancies/:id/proposals",
      tag,
      summary: "Segnala al referente una persona seguita per l'offerta, con una nota; una segnalazione per persona e offerta; solo offerte aperte o in preselezione (altrimenti 409 VACANCY_CLOSED)",
      roles: "tutor e navigator, per le persone dei propri CPI o del proprio portafoglio",
      params: idParams,
      body: proposalCreateSchema,
      successStatus: 201,
    },
    async ({ actor, params, body, route }) => proposalDetail(ctx, await createProposal(ctx, actor, params.id, body, route)),
  );
  mountRoute(
    r,
    {
      operationId: "listVacancyProposals",
      response: listVacancyProposalsResponseSchema,
      errors: ["NOT_FOUND"],
      method: "get",
      path: "/vacancies/:id/proposals",
      tag,
      summary: "Segnalazioni dell'offerta, con lo stato e il motivo delle decisioni (lettura registrata)",
      roles: "il referente dell'offerta, admin, operatori del suo CPI; gli altri operatori solo le proprie",
      params: idParams,
      query: vacancyProposalsQuery,
    },
    ({ actor, params, query, route }) => listVacancyProposals(ctx, actor, params.id, query.status, route),
  );
  mountRoute(
    r,
    {
      operationId: "listProposals",
      response: listProposalsResponseSchema,
      method: "get",
      path: "/proposals",
      tag,
      summary: "Le mie segnalazioni (mine=true; sempre per tutor e navigator) o, per il referente, quelle da esaminare sulle sue offerte; filtro per stato (codice o etichetta)",
      roles: "operatori",
      query: proposalsQuery,
    },
    ({ actor, query, route }) => listProposals(ctx, actor, query, route),
  );
  mountRoute(
    r,
    { operationId: "getProposal", response: proposalViewSchema, errors: ["NOT_FOUND"], method: "get", path: "/proposals/:id", tag, summary: "Una segnalazione con la sua storia: chi, quando, quale decisione e perché (lettura registrata)", roles: "chi l'ha fatta; il referente dell'offerta, admin, operatori del suo CPI", params: proposalParams },
    ({ actor, params, route }) => readProposal(ctx, actor, params.id, route),
  );
  mountRoute(
    r,
    {
      operationId: "acceptProposal",
      response: proposalViewSchema,
      errors: ["CONFLICT", "EXCLUDED_NEEDS_CONFIRMATION", "INVALID_TRANSITION", "NOT_FOUND", "NOT_QUALIFIED", "VACANCY_CLOSED"],
      method: "post",
      path: "/proposals/:id/accept",
      tag,
      summary: "Accetta la segnalazione: la persona entra nella rosa in preparazione, entro il tetto; una persona esclusa da un vincolo solo confermando l'eccezione con il motivo",
      roles: decide,
      params: proposalParams,
      body: proposalAcceptSchema,
    },
    async ({ actor, params, body, route }) => proposalDetail(ctx, await acceptProposal(ctx, actor, params.id, body, route)),
  );
  mountRoute(
    r,
    {
      operationId: "declineProposal",
      response: proposalViewSchema,
      errors: ["INVALID_TRANSITION", "NOT_FOUND"],
      method: "post",
      path: "/proposals/:id/decline",
      tag,
      summary: "Rifiuta la segnalazione con un motivo dell'elenco (codice o etichetta: profilo_non_coerente, requisiti_mancanti, rosa_completa, persona_non_disponibile, offerta_chiusa, altro con nota obbligatoria)",
      roles: decide,
      params: proposalParams,
      body: proposalDeclineSchema,
    },
    async ({ actor, params, body, route }) => proposalDetail(ctx, await declineProposal(ctx, actor, params.id, body, route)),
  );
  mountRoute(
    r,
    { operationId: "withdrawProposal", response: proposalViewSchema, errors: ["INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/proposals/:id/withdraw", tag, summary: "Ritira la segnalazione finché è in attesa", roles: "chi l'ha fatta", params: proposalParams, body: proposalWithdrawSchema },
    async ({ actor, params, body, route }) => proposalDetail(ctx, await withdrawProposal(ctx, actor, params.id, body.note, route)),
  );
  return r;
}
