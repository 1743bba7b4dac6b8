import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import {
  candidateFactsQuerySchema,
  conditionalityExportListQuerySchema,
  conditionalityExportSchema,
  conditionalityListQuerySchema,
  exportIdParams,
  noBody,
  recordFactSchema,
} from "../../conditionality/conditionality-schemas.js";
import { recordConditionalityFact } from "../../conditionality/record-conditionality-fact.js";
import { listCandidateConditionality } from "../../conditionality/read-candidate-conditionality.js";
import { listConditionalityEvents } from "../../conditionality/list-conditionality-events.js";
import { createConditionalityExport } from "../../conditionality/create-conditionality-export.js";
import { conditionalityExportFile, listConditionalityExports } from "../../conditionality/read-conditionality-exports.js";
import { markExportReported } from "../../conditionality/mark-export-reported.js";
import { conditionalityEventViewSchema, conditionalityExportViewSchema, listCandidateConditionalityEventsResponseSchema, listConditionalityEventsResponseSchema, listConditionalityExportsResponseSchema } from "../../conditionality/conditionality-schemas.js";

const tag = "Condizionalità";
const reporters = "admin; referenti del CPI";
const CSV = "text/csv; charset=utf-8";

export function conditionalityRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    {
      operationId: "recordConditionalityEvent",
      response: conditionalityEventViewSchema,
      errors: ["CONFLICT", "NOT_FOUND"],
      method: "post",
      path: "/candidates/:id/conditionality-events",
      tag,
      summary:
        "Registra un appuntamento mancato, una misura di politica attiva mancata o una conferma SFL mancata; senza giustificato motivo, per chi percepisce un beneficio che lo prevede, apre la segnalazione con la sanzione progressiva",
      roles: "admin; referenti del CPI della persona; tutor e navigator che seguono la persona",
      params: idParams,
      body: recordFactSchema,
      successStatus: 201,
    },
    ({ actor, params, body, route }) => recordConditionalityFact(ctx, actor, params.id, body, route),
  );
  mountRoute(
    r,
    {
      operationId: "listCandidateConditionalityEvents",
      response: listCandidateConditionalityEventsResponseSchema,
      errors: ["NOT_FOUND"],
      method: "get",
      path: "/candidates/:id/conditionality-events",
      tag,
      summary: "Fatti e segnalazioni di condizionalità della persona, dal più recente, anche quelli senza segnalazione (con il motivo). Lettura registrata",
      roles: "operatori che possono leggere la persona (i propri CPI o il proprio portafoglio; admin tutti)",
      params: idParams,
      query: candidateFactsQuerySchema,
    },
    ({ actor, params, query, route }) => listCandidateConditionality(ctx, actor, params.id, query, route),
  );
  mountRoute(
    r,
    {
      operationId: "listConditionalityEvents",
      response: listConditionalityEventsResponseSchema,
      errors: ["UNKNOWN_REFERENCE"],
      method: "get",
      path: "/conditionality-events",
      tag,
      summary: "Segnalazioni di condizionalità per ANPAL e INPS di un CPI (o dei propri), dalla più vecchia; filtri reported ed exported. Lettura registrata",
      roles: reporters,
      query: conditionalityListQuerySchema,
    },
    ({ actor, query, route }) => listConditionalityEvents(ctx, actor, query, route),
  );
  mountRoute(
    r,
    {
      operationId: "createConditionalityExport",
      response: conditionalityExportViewSchema,
      errors: ["CONFLICT", "UNKNOWN_REFERENCE"],
      method: "post",
      path: "/conditionality-events/exports",
      tag,
      summary: "Crea un'esportazione con tutte le segnalazioni del CPI non ancora esportate (mai una segnalazione in due esportazioni)",
      roles: reporters,
      body: conditionalityExportSchema,
      successStatus: 201,
    },
    ({ actor, body, route }) => createConditionalityExport(ctx, actor, body.cpi, route),
  );
  mountRoute(
    r,
    { operationId: "listConditionalityExports", response: listConditionalityExportsResponseSchema, errors: ["UNKNOWN_REFERENCE"], method: "get", path: "/conditionality-events/exports", tag, summary: "Esportazioni delle segnalazioni, dalla più recente, con lo stato della comunicazione", roles: reporters, query: conditionalityExportListQuerySchema },
    ({ actor, query }) => listConditionalityExports(ctx, actor, query),
  );
  mountRoute(
    r,
    {
      operationId: "downloadConditionalityExport",
      errors: ["NOT_FOUND"],
      method: "get",
      path: "/conditionality-events/exports/:id.csv",
      tag,
      summary: "Scarica l'esportazione in CSV (colonne in italiano; stesso contenuto a ogni scaricamento). Scaricamento registrato",
      roles: reporters,
      params: exportIdParams,
      produces: CSV,
    },
    async ({ actor, params, res, route }) => {
      const { filename, csv } = await conditionalityExportFile(ctx, actor, params.id, route);
      res.status(200).set({ "Content-Type": CSV, "Content-Disposition": `attachment; filename="${filename}"` }).send(csv);
    },
  );
  mountRoute(
    r,
    {
      operationId: "markConditionalityExportReported",
      response: conditionalityExportViewSchema,
      errors: ["CONFLICT", "NOT_FOUND"],
      method: "post",
      path: "/conditionality-events/exports/:id/reported",
      tag,
      summary: "Segna come comunicate ad ANPAL e INPS le segnalazioni dell'esportazione, con chi e quando (una volta sola)",
      roles: reporters,
      params: exportIdParams,
      body: noBody,
    },
    ({ actor, params, route }) => markExportReported(ctx, actor, params.id, route),
  );
  return r;
}
