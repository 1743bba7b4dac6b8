import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { MulterError } from "multer";
import { isStoreBusy } from "../db/store-busy.js";
import { AppError } from "../errors/app-error.js";
import { HTTP_STATUS } from "./error-status.js";

/** Seconds a client is asked to wait when the store stayed locked through every retry. */
const BUSY_RETRY_AFTER_S = 5;

/** Every failure becomes `{ code, message, fields }`; only the unexpected ones are 500 and logged as errors. */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = toAppError(err);
    const status = HTTP_STATUS[appError.code];
    if (appError.code === "UNAVAILABLE") {
      res.set("Retry-After", String(BUSY_RETRY_AFTER_S));
      log.warn({ url: req.originalUrl }, "archivio occupato: richiesta rifiutata dopo i tentativi");
    } else if (status >= 500) log.error({ err, url: req.originalUrl }, "richiesta fallita");
    res.status(status).json({ code: appError.code, message: appError.message, fields: appError.fields });
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof MulterError) {
    return err.code === "LIMIT_FILE_SIZE"
      ? new AppError("PAYLOAD_TOO_LARGE", "File troppo grande.", [{ field: err.field ?? "file", message: err.message }])
      : new AppError("VALIDATION_FAILED", "Caricamento non valido.", [{ field: err.field ?? "file", message: err.message }]);
  }
  if (isStoreBusy(err)) return new AppError("UNAVAILABLE", "Servizio momentaneamente occupato: nulla è stato scritto, riprovare tra qualche secondo.");
  const e = err as { type?: string; status?: number; code?: string; meta?: { target?: unknown } };
  // body-parser failures
  if (e?.type === "entity.parse.failed") return new AppError("MALFORMED_JSON", "Il corpo della richiesta non è JSON valido.");
  if (e?.type === "entity.too.large") return new AppError("PAYLOAD_TOO_LARGE", "Corpo della richiesta troppo grande.");
  if (e?.type === "encoding.unsupported" || e?.type === "charset.unsupported") {
    return new AppError("UNSUPPORTED_MEDIA_TYPE", "Codifica del corpo non supportata.");
  }
  // Prisma: a unique key raced past our own check
  if (e?.code === "P2002") return new AppError("CONFLICT", "Elemento già esistente.");
  if (e?.code === "P2025") return new AppError("NOT_FOUND", "Elemento non trovato.");
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500) {
    return new AppError("VALIDATION_FAILED", "Richiesta non valida.");
  }
  return new AppError("INTERNAL", "Errore interno: l'operazione non è stata eseguita.");
}
