import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import { pagination } from "../../validation/common-schemas.js";
import type { AppContext } from "../../context.js";
import { OPERATOR_ROLES } from "../../auth/actor.js";
import { assertAllowed, canImport, requireRole } from "../../auth/policies.js";
import { mountRoute } from "../route-contract.js";
import { acceptedImport, importAcceptedSchema, mountSpreadsheetImport } from "../spreadsheet-import-route.js";
import { vacancySearchSchema } from "../../vacancies/vacancy-schemas.js";
import { vacanciesImport } from "../../imports/import-vacancies.js";
import { candidatesImport } from "../../imports/import-candidates.js";
import { importView } from "../../imports/import-view.js";
import { readRowReports } from "../../imports/import-row-store.js";
import { findImportRun, keptImport } from "../../imports/retry-import.js";
import { importInBackground, type ImportDefinition } from "../../imports/run-import.js";
import { exportVacancies } from "../../exports/export-vacancies.js";
import { idParams } from "./vacancies.js";

/**
 * Imports and exports of the showcase and of job seekers. Uploads are multipart (field `file`),
 * held in memory up to UPLOAD_LIMIT_MB, and must be .xlsx or .csv within the import bounds
 * (spreadsheet-bounds.ts). The role is checked before the upload is read, so a refused caller never
 * gets to send the whole file; the import itself runs in the background and its row report is read
 * page by page; scope (the referent's CPIs) is checked row by row by the import, which reports the
 * rows it refused.
 */

const tag = "Importazioni ed esportazioni";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const rowsQuery = z
  .object({
    page: pagination.page,
    pageSize: z.coerce.number().int().min(1).max(1000).default(100),
    outcome: z.enum(["created", "updated", "unchanged", "rejected"]).optional().describe("Solo le righe con questo esito"),
  })
  .strict();

export const fieldErrorSchema = z.strictObject({ field: z.string(), message: z.string() });

export const importCountsSchema = z.record(z.string(), z.number());

export const getImportResponseSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  fileName: z.string().nullable(),
  dryRun: z.boolean(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  byUserId: z.string().nullable(),
  progress: z.strictObject({ done: z.number(), total: z.number().nullable() }),
  totals: importCountsSchema.nullable(),
  fileWarnings: z.array(z.string()),
  error: z.strictObject({
    code: z.string().nullable(),
    message: z.string(),
    fields: z.array(fieldErrorSchema),
  }).nullable(),
  links: z.strictObject({ self: z.string(), rows: z.string() }),
});

export const rowProblemSchema = z.strictObject({ column: z.string(), message: z.string() });

export const rowReportSchema = z.strictObject({
  row: z.number(),
  outcome: z.enum(["created", "updated", "unchanged", "rejected"]),
  id: z.string().optional(),
  label: z.string().optional(),
  errors: z.array(rowProblemSchema).optional(),
  warnings: z.array(rowProblemSchema).optional(),
});

export const listImportRowsResponseSchema = z.strictObject({
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  items: z.array(rowReportSchema),
});
export function fileRoutes(ctx: AppContext): Router {
  const r = Router();

  const importRoute = (operationId: string, path: string, summary: string, roles: string, definition: ImportDefinition) =>
    mountSpreadsheetImport(r, ctx, { operationId, path, tag, summary, roles, definition, refusal: canImport });
  const background = "; risponde subito 202 con l'id dell'importazione, che prosegue in background (stato: GET /imports/:id, righe: GET /imports/:id/rows)";
  importRoute("importVacancies", "/imports/vacancies", `Importa la vetrina da .xlsx o .csv (colonne della vetrina regionale)${background}`, "admin; referente (solo le righe dei propri CPI)", vacanciesImport as ImportDefinition);
  importRoute("importCandidates", "/imports/candidates", `Importa persone da .xlsx o .csv (colonne in docs/import-persone.md)${background}`, "admin; referente (solo le persone dei propri CPI)", candidatesImport as ImportDefinition);

  mountRoute(
    r,
    { operationId: "getImport", response: getImportResponseSchema, errors: ["NOT_FOUND"], method: "get", path: "/imports/:id", tag, summary: "Legge un'importazione: stato, avanzamento, totali, errore; le righe con GET /imports/:id/rows", roles: "admin; referente (le proprie importazioni)", params: idParams },
    async ({ actor, params }) => importView(await findImportRun(ctx, actor, params.id)),
  );

  mountRoute(
    r,
    { operationId: "listImportRows", response: listImportRowsResponseSchema, errors: ["NOT_FOUND"], method: "get", path: "/imports/:id/rows", tag, summary: "L'esito riga per riga di un'importazione, a pagine, filtrabile per esito", roles: "admin; referente (le proprie importazioni)", params: idParams, query: rowsQuery },
    async ({ actor, params, query }) => {
      await findImportRun(ctx, actor, params.id);
      const { total, items } = await readRowReports(ctx.db, params.id, query);
      return { page: query.page, pageSize: query.pageSize, total, items };
    },
  );

  mountRoute(
    r,
    { operationId: "retryImport", response: importAcceptedSchema, errors: ["CONFLICT", "INVALID_TRANSITION", "NOT_FOUND", "TOO_MANY_ROWS"], method: "post", path: "/imports/:id/retry", tag, summary: "Ripete un'importazione fallita o interrotta dal file conservato (le righe già scritte risultano invariate); risponde 202 con la nuova importazione", roles: "admin; referente (le proprie importazioni)", params: idParams, successStatus: 202 },
    async ({ actor, params, route }) => {
      const { definition, file, opts } = await keptImport(ctx, actor, params.id, route);
      return acceptedImport(await importInBackground(ctx, actor, definition, file, opts));
    },
  );

  mountRoute(
    r,
    { operationId: "exportVacancies", errors: ["NOT_FOUND", "UNKNOWN_REFERENCE"], method: "get", path: "/exports/vacancies.xlsx", tag, summary: "Esporta la vetrina in .xlsx (stesse colonne e stessi filtri della ricerca)", roles: "operatori (admin, referente, tutor, navigator)", query: vacancySearchSchema, produces: XLSX },
    async ({ actor, query, res, route }) => {
      assertAllowed(requireRole(actor, OPERATOR_ROLES));
      const { data, runId } = await exportVacancies(ctx, actor, query, route);
      const day = new Date().toISOString().slice(0, 10);
      res
        .status(200)
        .set({ "Content-Type": XLSX, "Content-Disposition": `attachment; filename="vetrina-${day}.xlsx"`, "X-Export-Run-Id": runId })
        .send(data);
    },
  );

  return r;
}
