import { AppError, notFound } from "../errors/app-error.js";
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { assertAllowed, canDeactivateUser, canManageUsers } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { toUserView } from "./create-user.js";

/**
 * Deactivates or reactivates a user, audited. A deactivated user's tokens stop working at once (every
 * request checks the user); reactivation gives back the tokens that are neither revoked nor expired.
 */
export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean, route: string) {
  assertAllowed(active ? canManageUsers(actor) : canDeactivateUser(actor, userId));
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("Utente");
    if (user.active === active) {
      throw new AppError("CONFLICT", active ? "L'utente è già attivo." : "L'utente è già disattivato.");
    }
    const updated = await tx.user.update({
      where: { id: userId },
      data: { active, deactivatedAt: active ? null : new Date() },
      include: { cpis: true },
    });
    await recordAudit(tx, actor, active ? "reactivate" : "deactivate", "user", [userId], route);
    return toUserView(updated);
  });
}
