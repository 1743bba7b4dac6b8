import type { Actor } from "../auth/actor.js";
import { assertAllowed, requireRole } from "../auth/policies.js";
import type { DbTx } from "../db/client.js";
import { assertFilterReferencesExist } from "../validation/check-references.js";
import { canReportConditionality, reportableCpis } from "./conditionality-policies.js";

/**
 * The CPIs a conditionality list covers: the one asked for (which must exist and be the actor's), or
 * every CPI the actor reports for (null = all, for an administrator).
 */
export async function conditionalityCpiScope(db: DbTx, actor: Actor, cpi: string | undefined): Promise<string[] | null> {
  assertAllowed(requireRole(actor, ["admin", "referent"]));
  if (cpi === undefined) return reportableCpis(actor);
  await assertFilterReferencesExist(db, { cpi: [cpi] });
  assertAllowed(canReportConditionality(actor, cpi));
  return [cpi];
}
