import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { assertAllowed, requireRole } from "../../auth/policies.js";
import { pagination } from "../../validation/common-schemas.js";

const auditQuery = z
  .object({
    entityType: z.enum(["candidate", "vacancy", "employer", "user"]).optional(),
    entityId: z.string().max(64).optional(),
    userId: z.string().max(64).optional(),
    ...pagination,
  })
  .strict();

export const listAuditEntriesResponseSchema = z.strictObject({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(z.strictObject({
    at: z.string(),
    user: z.strictObject({ id: z.string(), name: z.string(), role: z.string() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    route: z.string(),
  })),
});

/** Who read or changed what: the regional agency answers a person's access request from here. */
export function auditRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "listAuditEntries", response: listAuditEntriesResponseSchema, method: "get", path: "/audit", tag: "Registro accessi", summary: "Registro di chi ha letto o modificato i dati", roles: "admin", query: auditQuery },
    async ({ actor, query }) => {
      assertAllowed(requireRole(actor, ["admin"]));
      const where = { entityType: query.entityType, entityId: query.entityId, userId: query.userId };
      const [total, rows] = await Promise.all([
        ctx.db.auditLog.count({ where }),
        ctx.db.auditLog.findMany({ where, include: { user: true }, orderBy: { at: "desc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      ]);
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((a) => ({
          at: a.at.toISOString(),
          user: a.user ? { id: a.user.id, name: a.user.name, role: a.user.role } : null,
          action: a.action,
          entityType: a.entityType,
          entityId: a.entityId,
          route: a.route,
        })),
      };
    },
  );
  return r;
}
