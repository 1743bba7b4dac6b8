import type { NextFunction, Request, Response } from "express";
import { AppError } from "../api/errors.js";
import type { Db } from "../db/client.js";
import type { Actor, Role } from "./actor.js";
import { hashToken } from "./tokens.js";

/** Resolves `Authorization: Bearer <token>` into the request's actor, or answers 401 with the reason. */
export function authenticate(db: Db) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError("UNAUTHENTICATED", "Autenticazione richiesta: inviare l'intestazione Authorization: Bearer <token>.");
    const token = await db.apiToken.findUnique({
      where: { tokenHash: hashToken(match[1]) },
      include: { user: { include: { cpis: true } } },
    });
    if (!token || token.revokedAt || !token.user.active) {
      throw new AppError("UNAUTHENTICATED", "Token non valido, revocato o utente disattivato.");
    }
    const actor: Actor = {
      userId: token.user.id,
      name: token.user.name,
      role: token.user.role as Role,
      cpiCodes: token.user.cpis.map((c) => c.cpiCode),
      employerId: token.user.employerId,
    };
    res.locals.actor = actor;
    next();
  };
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new AppError("UNAUTHENTICATED", "Autenticazione richiesta.");
  return actor;
}
