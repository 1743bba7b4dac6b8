import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { AppError } from "../errors/app-error.js";
import type { Db } from "../db/client.js";
import type { Actor, Role } from "./actor.js";
import { hashToken } from "./tokens.js";
import { effectiveExpiry, italianDay, tokenState, type TokenDates } from "./token-lifetime.js";
import { tokenUseRecorder } from "./record-token-use.js";

const MISSING = "Autenticazione richiesta: inviare l'intestazione Authorization: Bearer <token>.";

const unauthenticated = (message: string) => new AppError("UNAUTHENTICATED", message);

/** Why a stored token no longer opens the API, or null when it does. */
export function refusalOf(token: TokenDates & { user: { active: boolean } }, ttlDays: number, now: Date): string | null {
  const state = tokenState(token, ttlDays, now);
  if (state === "revoked") return `Token revocato il ${italianDay(token.revokedAt!)}: chiederne uno nuovo all'amministratore.`;
  if (state === "expired") return `Token scaduto il ${italianDay(effectiveExpiry(token, ttlDays))}: chiederne uno nuovo all'amministratore.`;
  if (!token.user.active) return "Utente disattivato: i suoi token non sono più validi. Rivolgersi all'amministratore.";
  return null;
}

export interface AuthenticationOptions {
  db: Db;
  log: Logger;
  /** Lifetime of tokens issued before expiry was stored (TOKEN_TTL_DAYS). */
  ttlDays: number;
}

/**
 * Resolves `Authorization: Bearer <token>` into the request's actor and token id, or keeps the reason for
 * refusing it, without answering: the rate limiters must know who calls before anyone is refused.
 * `requireActor` then answers 401 with that reason.
 */
export function identifyCaller({ db, log, ttlDays }: AuthenticationOptions) {
  const recordUse = tokenUseRecorder(db, log);
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get("authorization");
    if (header === undefined) return next();
    const refuse = (message: string) => {
      res.locals.authFailure = unauthenticated(message);
      next();
    };
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return refuse(MISSING);
    const token = await db.apiToken.findUnique({
      where: { tokenHash: hashToken(match[1]) },
      include: { user: { include: { cpis: true } } },
    });
    if (!token) return refuse("Token non valido: controllare di averlo copiato per intero.");
    const now = new Date();
    const refusal = refusalOf(token, ttlDays, now);
    if (refusal) return refuse(refusal);
    const actor: Actor = {
      userId: token.user.id,
      name: token.user.name,
      role: token.user.role as Role,
      cpiCodes: token.user.cpis.map((c) => c.cpiCode),
      employerId: token.user.employerId,
    };
    res.locals.actor = actor;
    res.locals.tokenId = token.id;
    recordUse(token, now);
    next();
  };
}

/** Refuses a request `identifyCaller` could not authenticate, with its reason. */
export function requireActor(_req: Request, res: Response, next: NextFunction): void {
  next(res.locals.actor ? undefined : (res.locals.authFailure ?? unauthenticated(MISSING)));
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw unauthenticated("Autenticazione richiesta.");
  return actor;
}

/** The id of the token that authenticated the request, the rate limit's key; never the token itself. */
export const tokenIdOf = (res: Response): string | undefined => res.locals.tokenId as string | undefined;
