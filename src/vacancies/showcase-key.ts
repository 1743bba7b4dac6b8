import { createHash } from "node:crypto";

/**
 * The natural key of a showcase row: the same company, CPI, profile and arrival day are the same offer.
 * It makes imports idempotent and stops the same offer being published twice through the API.
 */
export function showcaseKey(v: { companyTaxCode: string; cpiCode: string; requestedProfile: string; arrivalDate: Date }): string {
  const profile = v.requestedProfile.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  const parts = [v.companyTaxCode, v.cpiCode, profile, v.arrivalDate.toISOString().slice(0, 10)];
  return createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 32);
}
