import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { requireRole } from "../../auth/policies.js";
import { mountRoute } from "../route-contract.js";
import { cpisImport } from "../../cpis/import-cpis.js";
import { mountSpreadsheetImport } from "../spreadsheet-import-route.js";
import { listCpis, readCatchment, readCpi } from "../../cpis/cpi-repository.js";
import { closeCpi, createCpi, setCatchment, updateCpi } from "../../cpis/manage-cpis.js";
import {
  catchmentSetSchema,
  catchmentViewSchema,
  cpiCloseSchema,
  cpiCodeParams,
  cpiCreateSchema,
  cpiListQuery,
  cpiUpdateSchema,
  cpiViewSchema,
} from "../../cpis/cpi-schemas.js";

const tag = "CPI";
const ADMIN = "admin";

/** CPIs and their catchment areas: created, changed, closed and imported by administrators; read by everyone. */
export function cpiRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "listCpis", response: z.array(cpiViewSchema), errors: [], method: "get", path: "/cpis", tag, summary: "Elenco dei CPI (anche chiusi); con comune=, il CPI il cui bacino comprende il comune", roles: "tutti", query: cpiListQuery },
    ({ query }) => listCpis(ctx.db, query),
  );
  mountRoute(
    r,
    { operationId: "createCpi", response: cpiViewSchema, errors: ["CONFLICT", "UNKNOWN_REFERENCE"], method: "post", path: "/cpis", tag, summary: "Crea un CPI, con il suo bacino (comuni serviti) se indicato", roles: ADMIN, body: cpiCreateSchema, successStatus: 201 },
    ({ actor, body }) => createCpi(ctx, actor, body),
  );

  // Before /cpis/:code, so "import" is not read as a CPI code.
  mountSpreadsheetImport(r, ctx, {
    operationId: "importCpis",
    path: "/cpis/import",
    tag,
    summary:
      "Importa l'elenco dei CPI da .xlsx o .csv (Codice, Nome, Provincia, Comune sede, Indirizzo, Email, Bacino); idempotente; risponde subito 202 con l'id dell'importazione (stato: GET /imports/:id, righe: GET /imports/:id/rows)",
    roles: ADMIN,
    definition: cpisImport,
    refusal: (actor) => requireRole(actor, ["admin"]),
  });

  mountRoute(
    r,
    { operationId: "getCpi", response: cpiViewSchema, errors: ["NOT_FOUND"], method: "get", path: "/cpis/:code", tag, summary: "Un CPI: sede, contatti, se provvisorio, se chiuso, quanti comuni nel bacino", roles: "tutti", params: cpiCodeParams },
    ({ params }) => readCpi(ctx.db, params.code),
  );
  mountRoute(
    r,
    { operationId: "updateCpi", response: cpiViewSchema, errors: ["NOT_FOUND", "UNKNOWN_REFERENCE"], method: "patch", path: "/cpis/:code", tag, summary: "Aggiorna i campi inviati di un CPI (il codice non cambia)", roles: ADMIN, params: cpiCodeParams, body: cpiUpdateSchema },
    ({ actor, params, body }) => updateCpi(ctx, actor, params.code, body),
  );
  mountRoute(
    r,
    {
      operationId: "closeCpi",
      response: cpiViewSchema,
      errors: ["CONFLICT", "INVALID_TRANSITION", "NOT_FOUND", "UNKNOWN_REFERENCE"],
      method: "post",
      path: "/cpis/:code/close",
      tag,
      summary: "Chiude un CPI: persone e offerte restano, ma non ne accoglie di nuove; il bacino passa a transferCatchmentTo se indicato",
      roles: ADMIN,
      params: cpiCodeParams,
      body: cpiCloseSchema,
    },
    ({ actor, params, body }) => closeCpi(ctx, actor, params.code, body),
  );
  mountRoute(
    r,
    { operationId: "getCpiCatchment", response: catchmentViewSchema, errors: ["NOT_FOUND"], method: "get", path: "/cpis/:code/catchment", tag, summary: "I comuni del bacino di un CPI", roles: "tutti", params: cpiCodeParams },
    ({ params }) => readCatchment(ctx.db, params.code),
  );
  mountRoute(
    r,
    {
      operationId: "setCpiCatchment",
      response: catchmentViewSchema,
      errors: ["NOT_FOUND", "UNKNOWN_REFERENCE"],
      method: "put",
      path: "/cpis/:code/catchment",
      tag,
      summary: "Sostituisce il bacino di un CPI: i comuni elencati passano a questo CPI (anche da un altro, indicato in moved), quelli tolti restano senza CPI",
      roles: ADMIN,
      params: cpiCodeParams,
      body: catchmentSetSchema,
    },
    ({ actor, params, body }) => setCatchment(ctx, actor, params.code, body.comuni),
  );
  return r;
}
