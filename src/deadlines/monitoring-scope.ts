import { OPERATOR_ROLES, type Actor } from "../auth/actor.js";
import { assertAllowed, requireRole } from "../auth/policies.js";
import type { DbTx } from "../db/client.js";
import { assertFilterReferencesExist } from "../validation/check-references.js";

/** Deadlines and figures of a CPI: its operators (referents, tutors, navigators) and the administrator; never employers. */
export function canMonitorCpi(actor: Actor, cpiCode: string): string | null {
  const role = requireRole(actor, OPERATOR_ROLES);
  if (role) return role;
  return actor.role === "admin" || actor.cpiCodes.includes(cpiCode) ? null : `L'operatore non opera per il CPI ${cpiCode}.`;
}

/**
 * The CPIs a monitoring read covers: those asked for (each must exist, 422, and be the caller's, 403),
 * else every CPI for the administrator (null) and the operator's own CPIs for everyone else.
 */
export async function monitoringScope(db: DbTx, actor: Actor, requested: readonly string[] | undefined): Promise<string[] | null> {
  assertAllowed(requireRole(actor, OPERATOR_ROLES));
  if (!requested || requested.length === 0) return actor.role === "admin" ? null : [...actor.cpiCodes];
  await assertFilterReferencesExist(db, { cpi: [...requested] });
  for (const code of requested) assertAllowed(canMonitorCpi(actor, code));
  return [...new Set(requested)];
}
