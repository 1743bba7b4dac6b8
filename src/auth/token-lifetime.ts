import { envSchema } from "../config/env.js";
import { z } from "../validation/zod-setup.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The configured default, read from the configuration schema so the two cannot disagree. */
export const DEFAULT_TOKEN_TTL_DAYS: number = envSchema.shape.TOKEN_TTL_DAYS.parse(undefined);

/** Ten years: long enough for a system integration, short enough that no token lives for ever. */
export const MAX_TOKEN_DAYS = 3650;

export const expiresInDays = z
  .number()
  .int("Numero intero di giorni")
  .min(1, "Almeno un giorno")
  .max(MAX_TOKEN_DAYS, `Al massimo ${MAX_TOKEN_DAYS} giorni`)
  .openapi({ description: "Durata del token in giorni (predefinita: TOKEN_TTL_DAYS)", example: 30 });

export const addDays = (from: Date, days: number): Date => new Date(from.getTime() + days * DAY_MS);

export interface TokenDates {
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Tokens issued before expiry existed have none stored: they last the configured lifetime from their creation. */
export const effectiveExpiry = (token: TokenDates, ttlDays: number): Date => token.expiresAt ?? addDays(token.createdAt, ttlDays);

export type TokenState = "active" | "revoked" | "expired";

export function tokenState(token: TokenDates, ttlDays: number, now: Date): TokenState {
  if (token.revokedAt) return "revoked";
  return effectiveExpiry(token, ttlDays) <= now ? "expired" : "active";
}

/** A day as Italian users read it ("3 marzo 2027"), in Italian time. */
export const italianDay = (d: Date): string =>
  d.toLocaleDateString("it-IT", { timeZone: "Europe/Rome", day: "numeric", month: "long", year: "numeric" });
