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

/**
 * Recording a missed appointment, active measure or SFL confirmation: administrators, the referents of
 * the person's CPI, and the tutor or navigator who follows the person (Candidate.tutorId) — who holds the
 * appointments and courses and is the first to know. What they record is reported only when an
 * administrator or a referent of the CPI exports it (canReportConditionality).
 */
export function canRecordConditionalityFact(actor: Actor, person: { cpiCode: string; tutorId: string | null }): string | null {
  if (actor.role === "admin") return null;
  if (actor.role === "referent") return actor.cpiCodes.includes(person.cpiCode) ? null : `Il referente non opera per il CPI ${person.cpiCode}.`;
  if (actor.role === "tutor" || actor.role === "navigator") {
    return person.tutorId === actor.userId ? null : "Tutor e navigator registrano questi fatti solo per le persone che seguono.";
  }
  return "Solo l'amministratore, i referenti del CPI e chi segue la persona registrano i fatti di condizionalità.";
}
