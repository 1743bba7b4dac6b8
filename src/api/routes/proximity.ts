import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { groupProximityRead } from "../../proximity/group-proximity.js";
import { personProximityRead } from "../../proximity/person-proximity.js";
import { groupProximityBodySchema, groupProximitySchema, personProximityQuerySchema, personProximitySchema } from "../../proximity/proximity-schemas.js";

const tag = "Prossimità";

/** Occupations of proximity and competence gaps, for a person or a group. */
export function proximityRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    {
      operationId: "getCandidateProximity",
      method: "get",
      path: "/candidates/:id/proximity",
      errors: ["NOT_FOUND"],
      tag,
      summary:
        "Professioni di prossimità della persona: offerte aperte raggiungibili, competenze possedute e mancanti, se una formazione breve la renderebbe idonea; ogni proposta spiegata",
      roles: "operatori che possono leggere la persona (tutor della persona, operatori dei suoi CPI, admin); registrata come lettura dei suoi dati",
      params: idParams,
      query: personProximityQuerySchema,
      response: personProximitySchema,
    },
    ({ actor, params, query, route }) => personProximityRead(ctx, actor, params.id, query, route),
  );
  mountRoute(
    r,
    {
      operationId: "computeGroupProximity",
      method: "post",
      path: "/proximity/group",
      errors: ["UNKNOWN_REFERENCE"],
      tag,
      summary:
        "Professioni di prossimità di un gruppo (le persone disponibili di un CPI, o un elenco come i lavoratori di un'azienda in crisi): le professioni con più offerte raggiungibili e le competenze la cui formazione qualificherebbe più persone",
      roles: "admin; referenti, tutor e navigator per i propri CPI o per persone che possono leggere; non modifica nulla (registra la lettura dei dati delle persone)",
      body: groupProximityBodySchema,
      response: groupProximitySchema,
      successStatus: 200,
    },
    ({ actor, body, route }) => groupProximityRead(ctx, actor, body, route),
  );
  return r;
}
