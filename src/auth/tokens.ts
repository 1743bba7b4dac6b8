import { createHash, randomBytes } from "node:crypto";

/** Tokens are random 256-bit secrets: a plain SHA-256 is enough to store them (no dictionary to guess from). */
export function generateToken(): string {
  return `vtr_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
