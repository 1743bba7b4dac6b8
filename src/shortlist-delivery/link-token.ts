import { randomBytes } from "node:crypto";
import type { Env } from "../config/env.js";
import { hashToken } from "../auth/tokens.js";

/** How long an employer's link opens the list: 30 days, past the 15-day outcome check (Umbria E2) with margin. */
export const LINK_LIFETIME_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const linkExpiry = (from: Date): Date => new Date(from.getTime() + LINK_LIFETIME_DAYS * DAY_MS);

/** A fresh 256-bit secret for the URL and the SHA-256 stored in its place (the raw token is never stored). */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** The page the employer opens (its data come from /api/v1/link/…): PUBLIC_BASE_URL when set (behind a proxy), else the service's own host and port. */
export const linkUrl = (env: Pick<Env, "HOST" | "PORT" | "PUBLIC_BASE_URL">, token: string): string =>
  `${(env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/+$/, "")}/link/${token}`;
