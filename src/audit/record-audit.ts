import { randomUUID } from "node:crypto";
import type { DbTx } from "../db/client.js";
import { insertRows } from "../db/insert-rows.js";
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

/**
 * Records who read or changed whose data; written in the caller's transaction for changes. A multi-row
 * insert, not createMany: an import writes one entry per person, and createMany costs ten times more.
 */
export async function recordAudit(
  db: DbTx,
  actor: Actor | null,
  action: AuditAction,
  entityType: AuditEntity,
  entityIds: string[],
  route: string,
): Promise<void> {
  if (entityIds.length === 0) return;
  const userId = recordedUserId(actor);
  const at = new Date();
  await insertRows(db, "AuditLog", entityIds.map((entityId) => ({ id: randomUUID(), at, userId, action, entityType, entityId, route })));
}
