import type { DbTx } from "../db/client.js";
import { recordedUserId, type Actor } from "../auth/actor.js";

export type AuditAction =
  | "read"
  | "create"
  | "update"
  | "delete"
  | "export"
  | "import"
  | "status"
  | "token_issue"
  | "token_revoke"
  | "deactivate"
  | "reactivate";
export type AuditEntity = "candidate" | "vacancy" | "employer" | "user";

/** Records who read or changed whose data; written in the caller's transaction for changes. */
export async function recordAudit(
  db: DbTx,
  actor: Actor | null,
  action: AuditAction,
  entityType: AuditEntity,
  entityIds: string[],
  route: string,
): Promise<void> {
  if (entityIds.length === 0) return;
  await db.auditLog.createMany({
    data: entityIds.map((entityId) => ({ userId: recordedUserId(actor), action, entityType, entityId, route })),
  });
}
