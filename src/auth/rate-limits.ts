import type { NextFunction, Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { AppError } from "../errors/app-error.js";
import { tokenIdOf } from "./authenticate.js";

const WINDOW_MS = 60_000;

const passThrough: RequestHandler = (_req, _res, next) => next();

function limiter(perMinute: number, key: (req: Request, res: Response) => string, skip: (res: Response) => boolean): RequestHandler {
  if (perMinute === 0) return passThrough;
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: key,
    skip: (_req, res) => skip(res),
    handler: (_req: Request, _res: Response, next: NextFunction) => next(new AppError("RATE_LIMITED", "Troppe richieste: riprovare tra un minuto.")),
  });
}

/**
 * Requests without a valid token (the OpenAPI document, unknown paths, a missing, wrong or expired token),
 * per client address: guessing tokens is limited too. The address is `req.ip`, which honours TRUST_PROXY.
 */
export const anonymousRateLimit = (perMinute: number) =>
  limiter(perMinute, (req) => ipKeyGenerator(req.ip ?? ""), (res) => tokenIdOf(res) !== undefined);

/**
 * Authenticated requests, per token (its id, never the secret): one tutor using up their limit leaves
 * everyone else behind the same office address untouched.
 */
export const tokenRateLimit = (perMinute: number) =>
  limiter(perMinute, (_req, res) => `token:${tokenIdOf(res)}`, (res) => tokenIdOf(res) === undefined);
