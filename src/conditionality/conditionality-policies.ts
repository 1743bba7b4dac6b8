import type { Actor } from "../auth/actor.js";

/**
 * Reporting conditionality events to ANPAL and INPS is the CPI's act: administrators and the referents of
 * the CPI list, export and mark them. Same convention as src/auth/policies.ts: a reason, or null.
 */
export function canReportConditionality(actor: Actor, cpiCode: string): string | null {
  if (actor.role !== "admin" && actor.role !== "referent") return "Solo l'amministratore e i referenti del CPI gestiscono le segnalazioni di condizionalità.";
  return actor.role === "admin" || actor.cpiCodes.includes(cpiCode) ? null : `Il referente non opera per il CPI ${cpiCode}.`;
}

/** The CPIs whose events the actor sees when no CPI is asked for: every CPI (null) or their own. */
export function reportableCpis(actor: Actor): string[] | null {
  return actor.role === "admin" ? null : actor.cpiCodes;
}
