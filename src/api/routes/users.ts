import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { assertAllowed, canManageUsers } from "../../auth/policies.js";
import { userCreateSchema } from "../../users/user-schemas.js";
import { createUser, issueToken, toUserView } from "../../users/create-user.js";
import { pagination } from "../../validation/common-schemas.js";
import { ROLES } from "../../auth/actor.js";

const tag = "Utenti";

export function userRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { method: "get", path: "/users/me", tag, summary: "Chi sono: ruolo, CPI, azienda", roles: "tutti" },
    async ({ actor }) => actor,
  );
  mountRoute(
    r,
    { method: "get", path: "/users", tag, summary: "Elenco degli utenti", roles: "admin", query: z.object({ role: z.enum(ROLES).optional(), ...pagination }).strict() },
    async ({ actor, query }) => {
      assertAllowed(canManageUsers(actor));
      const where = query.role ? { role: query.role } : {};
      const [total, users] = await Promise.all([
        ctx.db.user.count({ where }),
        ctx.db.user.findMany({ where, include: { cpis: true }, orderBy: { name: "asc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      ]);
      return { total, page: query.page, pageSize: query.pageSize, items: users.map(toUserView) };
    },
  );
  mountRoute(
    r,
    { method: "post", path: "/users", tag, summary: "Crea un utente e restituisce il suo token una sola volta", roles: "admin", body: userCreateSchema, successStatus: 201 },
    async ({ actor, body }) => {
      assertAllowed(canManageUsers(actor));
      return createUser(ctx.db, body);
    },
  );
  mountRoute(
    r,
    { method: "post", path: "/users/:id/tokens", tag, summary: "Emette un nuovo token per l'utente", roles: "admin", params: idParams, body: z.object({ label: z.string().min(1).max(100) }).strict(), successStatus: 201 },
    async ({ actor, params, body }) => {
      assertAllowed(canManageUsers(actor));
      return { token: await issueToken(ctx.db, params.id, body.label) };
    },
  );
  return r;
}
