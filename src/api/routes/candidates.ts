import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { toCandidateView } from "../../candidates/candidate-repository.js";
import { candidateCreateSchema, candidateUpdateSchema } from "../../candidates/candidate-schemas.js";
import { registerCandidate } from "../../candidates/register-candidate.js";
import { readCandidate } from "../../candidates/read-candidate.js";
import { updateCandidate } from "../../candidates/update-candidate.js";
import { eraseCandidate } from "../../candidates/erase-candidate.js";
import { peopleSearchSchema, searchCandidates } from "../../candidates/search-candidates.js";
import { candidateViewSchema, searchCandidatesResponseSchema } from "../../candidates/candidate-view-schemas.js";

const tag = "Persone";

export function candidateRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "searchCandidates", response: searchCandidatesResponseSchema, errors: ["NOT_FOUND", "UNKNOWN_REFERENCE"], method: "get", path: "/candidates", tag, summary: "Cerca persone (stessa forma della vetrina: testo tollerante ai refusi, sinonimi, faccette con etichette)", roles: "operatori, nei propri CPI", query: peopleSearchSchema },
    ({ actor, query, route }) => searchCandidates(ctx, actor, query, route),
  );
  mountRoute(
    r,
    { operationId: "createCandidate", response: candidateViewSchema, errors: ["CONFLICT", "NOT_FOUND", "UNKNOWN_REFERENCE"], method: "post", path: "/candidates", tag, summary: "Registra una persona in cerca di lavoro", roles: "operatori del CPI competente", body: candidateCreateSchema, successStatus: 201 },
    async ({ actor, body, route }) => toCandidateView(await registerCandidate(ctx, actor, body, route)),
  );
  mountRoute(
    r,
    { operationId: "getCandidate", response: candidateViewSchema, errors: ["NOT_FOUND"], method: "get", path: "/candidates/:id", tag, summary: "Legge la scheda di una persona (lettura registrata)", roles: "operatori del CPI; il tutor della persona", params: idParams },
    async ({ actor, params, route }) => toCandidateView(await readCandidate(ctx, actor, params.id, route)),
  );
  mountRoute(
    r,
    { operationId: "updateCandidate", response: candidateViewSchema, errors: ["CONFLICT", "NOT_FOUND", "UNKNOWN_REFERENCE"], method: "patch", path: "/candidates/:id", tag, summary: "Aggiorna i campi inviati; le liste inviate sostituiscono quelle registrate", roles: "operatori del CPI", params: idParams, body: candidateUpdateSchema },
    async ({ actor, params, body, route }) => toCandidateView(await updateCandidate(ctx, actor, params.id, body, route)),
  );
  mountRoute(
    r,
    { operationId: "eraseCandidate", successStatus: 204, errors: ["CONFLICT", "NOT_FOUND"], method: "delete", path: "/candidates/:id", tag, summary: "Cancella la persona dall'archivio e dall'indice (diritto all'oblio)", roles: "admin; referente del CPI", params: idParams },
    async ({ actor, params, route }) => eraseCandidate(ctx, actor, params.id, route),
  );
  return r;
}
