import type { Request, Response, Router } from "express";
import multer, { MulterError } from "multer";
import { z } from "../validation/zod-setup.js";
import { queryBoolean } from "../validation/common-schemas.js";
import type { AppContext } from "../context.js";
import type { Actor } from "../auth/actor.js";
import { actorOf } from "../auth/authenticate.js";
import { AppError, forbidden } from "../errors/app-error.js";
import { importLinks } from "../imports/import-view.js";
import { formatFromName, unsupportedFile } from "../imports/parse-spreadsheet.js";
import { importInBackground, type ImportDefinition, type ImportFile } from "../imports/run-import.js";
import { mountRoute } from "./route-contract.js";

/**
 * The upload route of every spreadsheet import (showcase, people, CPIs): multipart (field `file`), held in
 * memory up to UPLOAD_LIMIT_MB, .xlsx or .csv. The role is checked before the upload is read, so a refused
 * caller never gets to send the whole file; the import then runs in the background and answers 202 at once.
 */

export type Middleware = (req: Request, res: Response, next: (err?: unknown) => void) => void;

const uploadBody = z
  .object({ file: z.any().optional().openapi({ type: "string", format: "binary", description: "Il file .xlsx o .csv" }) })
  .openapi("SpreadsheetUpload");

const importQuery = z
  .object({ dryRun: queryBoolean.optional().describe("Controlla e riporta l'esito senza scrivere") })
  .strict();

export const importAcceptedSchema = z.strictObject({
  id: z.string(),
  status: z.string(),
  links: z.strictObject({ self: z.string(), rows: z.string() }),
});

export const acceptedImport = (id: string): z.infer<typeof importAcceptedSchema> => ({ id, status: "queued", links: importLinks(id) });

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

function uploadedFile(req: Request): ImportFile {
  if (!req.file) throw new AppError("VALIDATION_FAILED", "Nessun file ricevuto.", [{ field: "file", message: "Allegare il file nel campo «file» (multipart/form-data)" }]);
  return { data: req.file.buffer, name: req.file.originalname, mimeType: req.file.mimetype };
}

export interface SpreadsheetImportRoute {
  operationId: string;
  path: string;
  tag: string;
  summary: string;
  roles: string;
  definition: ImportDefinition;
  /** Why the caller may not import at all (null when they may), checked before the file is read. */
  refusal: (actor: Actor) => string | null;
}

export function mountSpreadsheetImport(r: Router, ctx: AppContext, route: SpreadsheetImportRoute): void {
  const mayImport: Middleware = (_req, res, next) => {
    const reason = route.refusal(actorOf(res));
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
  const { operationId, path, tag, summary, roles, definition } = route;
  mountRoute(
    r,
    { operationId, response: importAcceptedSchema, errors: ["CONFLICT", "MALFORMED_UPLOAD", "TOO_MANY_ROWS"], method: "post", path, tag, summary, roles, query: importQuery, body: uploadBody, upload: true, successStatus: 202 },
    async ({ actor, req, query, route: name }) => acceptedImport(await importInBackground(ctx, actor, definition, uploadedFile(req), { dryRun: query.dryRun ?? false, route: name })),
    [mayImport, upload],
  );
}
