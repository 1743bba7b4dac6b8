import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { candidateMatchesQuerySchema, vacancyMatchesQuerySchema } from "../../matching/match-schemas.js";
import { computeVacancyMatches, explainMatch } from "../../matching/vacancy-matches.js";
import { computeCandidateMatches } from "../../matching/candidate-matches.js";

const tag = "Abbinamento";
const pairParams = z.object({ id: z.string().min(1).max(64), candidateId: z.string().min(1).max(64) }).strict();

export function matchRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    {
      method: "get",
      path: "/vacancies/:id/matches",
      tag,
      summary: "Persone in ordine di idoneità per l'offerta: punteggio, componenti, motivi, verdetto di congruità; parametri per restringere quando le idonee superano il tetto della rosa",
      roles: "admin e referenti del CPI dell'offerta (tutte le persone); altri operatori: le persone dei propri CPI o in carico, con posizioni e conteggi calcolati solo su di loro",
      params: idParams,
      query: vacancyMatchesQuerySchema,
    },
    ({ actor, params, query, route }) => computeVacancyMatches(ctx, actor, params.id, query, route),
  );
  mountRoute(
    r,
    {
      method: "get",
      path: "/vacancies/:id/matches/:candidateId",
      tag,
      summary: "Spiega il punteggio di una persona per l'offerta, esclusioni comprese («perché no»)",
      roles: "operatori che possono leggere la persona; i referenti del CPI dell'offerta",
      params: pairParams,
    },
    ({ actor, params, route }) => explainMatch(ctx, actor, params.id, params.candidateId, route),
  );
  mountRoute(
    r,
    {
      method: "get",
      path: "/candidates/:id/matches",
      tag,
      summary: "Offerte aperte più adatte alla persona, con competenze mancanti",
      roles: "operatori che possono leggere la persona",
      params: idParams,
      query: candidateMatchesQuerySchema,
    },
    ({ actor, params, query, route }) => computeCandidateMatches(ctx, actor, params.id, query, route),
  );
  return r;
}
