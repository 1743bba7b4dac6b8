import { Router, type Request, type Response } from "express";
import multer, { MulterError } from "multer";
import { z } from "../../validation/zod-setup.js";
import { pagination, queryBoolean } from "../../validation/common-schemas.js";
import type { AppContext } from "../../context.js";
import { OPERATOR_ROLES } from "../../auth/actor.js";
import { actorOf } from "../../auth/authenticate.js";
import { assertAllowed, canImport, requireRole } from "../../auth/policies.js";
import { AppError, forbidden } from "../../errors/app-error.js";
import { mountRoute } from "../route-contract.js";
import { vacancySearchSchema } from "../../vacancies/vacancy-schemas.js";
import { vacanciesImport } from "../../imports/import-vacancies.js";
import { candidatesImport } from "../../imports/import-candidates.js";
import { importLinks, importView } from "../../imports/import-view.js";
import { readRowReports } from "../../imports/import-row-store.js";
import { formatFromName, unsupportedFile } from "../../imports/parse-spreadsheet.js";
import { findImportRun, keptImport } from "../../imports/retry-import.js";
import { importInBackground, type ImportDefinition, type ImportFile } from "../../imports/run-import.js";
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

const uploadBody = z
  .object({ file: z.any().optional().openapi({ type: "string", format: "binary", description: "Il file .xlsx o .csv" }) })
  .openapi("SpreadsheetUpload");

const importQuery = z
  .object({ dryRun: queryBoolean.optional().describe("Controlla e riporta l'esito senza scrivere") })
  .strict();

const rowsQuery = z
  .object({
    page: pagination.page,
    pageSize: z.coerce.number().int().min(1).max(1000).default(100),
    outcome: z.enum(["created", "updated", "unchanged", "rejected"]).optional().describe("Solo le righe con questo esito"),
  })
  .strict();

type Middleware = (req: Request, res: Response, next: (err?: unknown) => void) => void;

/** What busboy says about a body it cannot read, in words for the caller. */
const MALFORMED_UPLOAD_DETAILS: [RegExp, string][] = [
  [/boundary not found|malformed content type/i, "Intestazione Content-Type multipart senza «boundary»."],
  [/unexpected end of (form|file)/i, "Modulo troncato: il corpo è finito prima della chiusura del file."],
  [/malformed part header/i, "Intestazione di una parte del modulo non valida."],
  [/request (aborted|closed|error)/i, "Invio interrotto prima della fine."],
];

function malformedUpload(err: unknown): AppError {
  const message = String((err as Error)?.message ?? "");
  const detail = MALFORMED_UPLOAD_DETAILS.find(([pattern]) => pattern.test(message))?.[1] ?? "Corpo multipart non leggibile.";
  return new AppError("MALFORMED_UPLOAD", `Caricamento non valido: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`, [{ field: "file", message: detail }]);
}

const accepted = (id: string) => ({ id, status: "queued", links: importLinks(id) });

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

export const importAcceptedSchema = z.strictObject({
  id: z.string(),
  status: z.string(),
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

  const mayImport: Middleware = (_req, res, next) => {
    const reason = canImport(actorOf(res));
    next(reason ? forbidden(reason) : undefined);
  };
  const multipart = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: Math.floor(ctx.env.UPLOAD_LIMIT_MB * 1024 * 1024), files: 1 },
    fileFilter: (_req, file, cb) =>
      formatFromName(file.originalname, file.mimetype) ? cb(null, true) : cb(unsupportedFile(`«${file.originalname}» non è un file .xlsx o .csv.`)),
  }).single("file");
  // A body multer's parser cannot read is the client's error, never a 500.
  const upload: Middleware = (req, res, next) =>
    multipart(req, res, (err?: unknown) => next(err === undefined || err instanceof AppError || err instanceof MulterError ? err : malformedUpload(err)));

  const uploaded = (req: Request): ImportFile => {
    if (!req.file) throw new AppError("VALIDATION_FAILED", "Nessun file ricevuto.", [{ field: "file", message: "Allegare il file nel campo «file» (multipart/form-data)" }]);
    return { data: req.file.buffer, name: req.file.originalname, mimeType: req.file.mimetype };
  };

  const importRoute = (operationId: string, path: string, summary: string, roles: string, definition: ImportDefinition) =>
    mountRoute(
      r,
      { operationId, response: importAcceptedSchema, errors: ["CONFLICT", "MALFORMED_UPLOAD", "TOO_MANY_ROWS"], method: "post", path, tag, summary, roles, query: importQuery, body: uploadBody, upload: true, successStatus: 202 },
      async ({ actor, req, query, route }) => accepted(await importInBackground(ctx, actor, definition, uploaded(req), { dryRun: query.dryRun ?? false, route })),
      [mayImport, upload],
    );
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
      return accepted(await importInBackground(ctx, actor, definition, file, opts));
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
