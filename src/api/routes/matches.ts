import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { candidateMatchesQuerySchema, offerGapSchema, vacancyMatchesQuerySchema } from "../../matching/match-schemas.js";
import { computeVacancyMatches, explainMatch } from "../../matching/vacancy-matches.js";
import { computeCandidateMatches } from "../../matching/candidate-matches.js";
import { exclusionSchema } from "../../shortlists/shortlist-schemas.js";
import { congruaEvaluationSchema } from "../../congrua-offers/congrua-offer-schemas.js";

const tag = "Abbinamento";

const pairParams = z.object({ id: z.string().min(1).max(64), candidateId: z.string().min(1).max(64) }).strict();

export const competenceMatchSchema = z.strictObject({
  required: z.string(),
  offered: z.string(),
  similarity: z.number(),
  mustHave: z.boolean(),
});

// The matching types the evaluations loosely (unknown[]): they are the congruità evaluations of the person against the offer.
export const congruaVerdictSchema = z.strictObject({
  verdict: z.enum(["unknown", "pass", "fail", "not_applicable"]),
  evaluations: z.array(congruaEvaluationSchema),
});

export const scoreComponentSchema = z.strictObject({
  name: z.enum(["competences", "profile", "requirements", "territory", "priority"]),
  value: z.number(),
  weight: z.number(),
  points: z.number(),
  applicable: z.boolean(),
  reason: z.string(),
});

/** What every match says, whichever side it is read from: the score, its parts and its reasons. */
export const matchScoreSchema = z.strictObject({
  vacancyId: z.string(),
  candidateId: z.string(),
  score: z.number(),
  components: z.array(scoreComponentSchema),
  exclusions: z.array(exclusionSchema),
  distanceKm: z.number().nullable(),
  mustHaveCoverage: z.number().nullable(),
  matchedCompetences: z.array(competenceMatchSchema),
  missingCompetences: z.array(z.strictObject({ competence: z.string(), mustHave: z.boolean() })),
  congrua: congruaVerdictSchema.nullable(),
  reasons: z.array(z.string()),
});

export const explainMatchResponseSchema = matchScoreSchema.extend({
  qualified: z.boolean(),
  programmes: z.array(z.string()),
  candidate: z.strictObject({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    cpiCode: z.string(),
    comune: z.string(),
    province: z.string(),
  }),
  summary: z.string(),
});

export const listCandidateMatchesResponseSchema = z.strictObject({
  candidateId: z.string(),
  modelVersion: z.string(),
  computedAt: z.string(),
  travel: z.strictObject({ radiusKm: z.number(), basis: z.string() }),
  total: z.number(),
  excluded: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(matchScoreSchema.extend({
    isNew: z.boolean().optional(),
    previousScore: z.number().nullable().optional(),
    gap: offerGapSchema.nullable(),
    rank: z.number(),
    qualified: z.boolean(),
    vacancy: z.strictObject({
      id: z.string(),
      title: z.string(),
      companyName: z.string(),
      comune: z.string().nullable(),
      province: z.string().nullable(),
      cpiCode: z.string(),
      status: z.string(),
    }),
  })),
});

export const resolvedConceptSchema = z.strictObject({
  key: z.string(),
  label: z.string(),
  cp2011Unit: z.string().nullable(),
  cp2011Group: z.string().nullable(),
  iscoGroup: z.string().nullable(),
  escoCode: z.string().nullable(),
  confidence: z.number(),
  via: z.enum(["code", "exact", "acronym", "synonym", "fuzzy"]),
});

export const narrowingOptionSchema = z.strictObject({
  label: z.string(),
  remaining: z.number(),
  filter: z.string(),
  parameter: z.enum(["distanza", "anni_esperienza", "patente", "lingua", "titolo_studio", "competenza"]),
  value: z.string(),
});

export const listVacancyMatchesResponseSchema = z.strictObject({
  vacancyId: z.string(),
  modelVersion: z.string(),
  computedAt: z.string(),
  occupation: resolvedConceptSchema.nullable(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  pool: z.strictObject({
    qualified: z.number(),
    qualifiedIsLowerBound: z.boolean().describe("Il recupero si è fermato a un suo limite: le idonee e i conteggi delle opzioni per restringere sono stime per difetto"),
    relatedNearby: z
      .strictObject({
        radiusKm: z.number().describe("Raggio dell'ultimo recupero attorno al luogo di lavoro"),
        withinRadius: z.number().describe("Persone disponibili entro il raggio (e ciascuna entro la distanza che accetta) con un profilo affine all'offerta"),
        scored: z.number().describe("Quante di loro, le più vicine, sono state valutate"),
      })
      .nullable()
      .describe("Fin dove è arrivato il recupero tra le persone vicine con un profilo affine: dice quanto i conteggi per difetto possono essere lontani; null senza luogo di lavoro o quando risponde l'indice e non l'elenco in memoria"),
    cap: z.number(),
    exceedsCap: z.boolean(),
    message: z.string().nullable(),
    narrowing: z.array(narrowingOptionSchema),
  }),
  items: z.array(matchScoreSchema.extend({
    isNew: z.boolean().optional(),
    previousScore: z.number().nullable().optional(),
    candidate: z.strictObject({
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      id: z.string(),
      cpiCode: z.string(),
      tutorId: z.string().nullable(),
      comune: z.string(),
      province: z.string(),
      programmes: z.array(z.string()),
    }),
    rank: z.number(),
    qualified: z.boolean(),
    recentLists: z.number(),
    fairnessNote: z.string().nullable(),
  })),
});

export function matchRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    {
      operationId: "listVacancyMatches",
      response: listVacancyMatchesResponseSchema,
      errors: ["NOT_FOUND", "UNKNOWN_REFERENCE"],
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
      operationId: "explainMatch",
      response: explainMatchResponseSchema,
      errors: ["NOT_FOUND"],
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
      operationId: "listCandidateMatches",
      response: listCandidateMatchesResponseSchema,
      errors: ["NOT_FOUND"],
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
