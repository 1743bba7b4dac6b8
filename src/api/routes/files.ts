import { Router, type Request, type Response } from "express";
import multer from "multer";
import { z } from "../../validation/zod-setup.js";
import { queryBoolean } from "../../validation/common-schemas.js";
import type { AppContext } from "../../context.js";
import { OPERATOR_ROLES } from "../../auth/actor.js";
import { actorOf } from "../../auth/authenticate.js";
import { assertAllowed, canImport, requireRole } from "../../auth/policies.js";
import { AppError, forbidden, notFound } from "../errors.js";
import { mountRoute } from "../route-contract.js";
import { vacancySearchSchema } from "../../vacancies/vacancy-schemas.js";
import { importVacancies } from "../../imports/import-vacancies.js";
import { importCandidates } from "../../imports/import-candidates.js";
import { formatFromName, unsupportedFile } from "../../imports/parse-spreadsheet.js";
import type { ImportFile } from "../../imports/run-import.js";
import { exportVacancies } from "../../exports/export-vacancies.js";
import { idParams } from "./vacancies.js";

/**
 * Imports and exports of the showcase and of job seekers. Uploads are multipart (field `file`),
 * held in memory up to UPLOAD_LIMIT_MB, and must be .xlsx or .csv. The role is checked before the
 * upload is read, so a refused caller never gets to send the whole file; scope (the referent's
 * CPIs) is checked row by row by the import, which reports the rows it refused.
 */

const tag = "Importazioni ed esportazioni";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const uploadBody = z
  .object({ file: z.any().optional().openapi({ type: "string", format: "binary", description: "Il file .xlsx o .csv" }) })
  .openapi("SpreadsheetUpload");
const importQuery = z
  .object({ dryRun: queryBoolean.optional().describe("Controlla e riporta l'esito senza scrivere") })
  .strict();

type Middleware = (req: Request, res: Response, next: (err?: unknown) => void) => void;

export function fileRoutes(ctx: AppContext): Router {
  const r = Router();

  const mayImport: Middleware = (_req, res, next) => {
    const reason = canImport(actorOf(res));
    next(reason ? forbidden(reason) : undefined);
  };
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: Math.floor(ctx.env.UPLOAD_LIMIT_MB * 1024 * 1024), files: 1 },
    fileFilter: (_req, file, cb) =>
      formatFromName(file.originalname, file.mimetype) ? cb(null, true) : cb(unsupportedFile(`«${file.originalname}» non è un file .xlsx o .csv.`)),
  }).single("file");

  const uploaded = (req: Request): ImportFile => {
    if (!req.file) throw new AppError("VALIDATION_FAILED", "Nessun file ricevuto.", [{ field: "file", message: "Allegare il file nel campo «file» (multipart/form-data)" }]);
    return { data: req.file.buffer, name: req.file.originalname, mimeType: req.file.mimetype };
  };

  mountRoute(
    r,
    { method: "post", path: "/imports/vacancies", tag, summary: "Importa la vetrina da .xlsx o .csv (colonne della vetrina regionale); riporta l'esito riga per riga", roles: "admin; referente (solo le righe dei propri CPI)", query: importQuery, body: uploadBody, upload: true },
    async ({ actor, req, query, route }) => {
      const { runId, report } = await importVacancies(ctx, actor, uploaded(req), { dryRun: query.dryRun ?? false, route });
      return { runId, report };
    },
    [mayImport, upload],
  );

  mountRoute(
    r,
    { method: "post", path: "/imports/candidates", tag, summary: "Importa persone da .xlsx o .csv (colonne in docs/import-persone.md); riporta l'esito riga per riga", roles: "admin; referente (solo le persone dei propri CPI)", query: importQuery, body: uploadBody, upload: true },
    async ({ actor, req, query, route }) => {
      const { runId, report } = await importCandidates(ctx, actor, uploaded(req), { dryRun: query.dryRun ?? false, route });
      return { runId, report };
    },
    [mayImport, upload],
  );

  mountRoute(
    r,
    { method: "get", path: "/imports/:id", tag, summary: "Legge un'importazione registrata, con il suo esito riga per riga", roles: "admin; referente (le proprie importazioni)", params: idParams },
    async ({ actor, params }) => {
      assertAllowed(canImport(actor));
      const run = await ctx.db.jobRun.findUnique({ where: { id: params.id } });
      if (!run || !run.kind.startsWith("import-")) throw notFound("Importazione");
      if (actor.role !== "admin" && run.byUserId !== actor.userId) throw forbidden("Un referente vede solo le proprie importazioni.");
      return {
        id: run.id,
        kind: run.kind,
        source: run.source,
        status: run.status,
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt?.toISOString() ?? null,
        byUserId: run.byUserId,
        counts: run.counts,
        report: run.report,
      };
    },
  );

  mountRoute(
    r,
    { method: "get", path: "/exports/vacancies.xlsx", tag, summary: "Esporta la vetrina in .xlsx (stesse colonne e stessi filtri della ricerca)", roles: "operatori (admin, referente, tutor, navigator)", query: vacancySearchSchema, produces: XLSX },
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
