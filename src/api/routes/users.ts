import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { assertAllowed, canManageUsers } from "../../auth/policies.js";
import { tokenCreateSchema, tokenParams, userActionNoBody, userCreateSchema } from "../../users/user-schemas.js";
import { createUser, toUserView } from "../../users/create-user.js";
import { issueTokenFor } from "../../users/issue-token.js";
import { listTokens, revokeTokens } from "../../users/manage-tokens.js";
import { setUserActive } from "../../users/set-user-active.js";
import { pagination } from "../../validation/common-schemas.js";
import { ROLES } from "../../auth/actor.js";
import { actorSchema, createUserResponseSchema, issueTokenResponseSchema, listTokensResponseSchema, listUsersResponseSchema, revokeTokenResponseSchema, userViewSchema } from "../../users/user-schemas.js";

const tag = "Utenti";
const selfOrAdmin = "admin; ogni utente per i propri token";

export function userRoutes(ctx: AppContext): Router {
  const r = Router();
  const ttlDays = ctx.env.TOKEN_TTL_DAYS;
  mountRoute(
    r,
    { operationId: "getCurrentUser", response: actorSchema, method: "get", path: "/users/me", tag, summary: "Chi sono: ruolo, CPI, azienda", roles: "tutti" },
    async ({ actor }) => actor,
  );
  mountRoute(
    r,
    { operationId: "listUsers", response: listUsersResponseSchema, method: "get", path: "/users", tag, summary: "Elenco degli utenti", roles: "admin", query: z.object({ role: z.enum(ROLES).optional(), ...pagination }).strict() },
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
    { operationId: "createUser", response: createUserResponseSchema, errors: ["CONFLICT", "UNKNOWN_REFERENCE"], method: "post", path: "/users", tag, summary: "Crea un utente e restituisce il suo token una sola volta (scade dopo TOKEN_TTL_DAYS giorni)", roles: "admin", body: userCreateSchema, successStatus: 201 },
    async ({ actor, body, route }) => {
      assertAllowed(canManageUsers(actor));
      return createUser(ctx.db, body, { actor, route, token: { ttlDays } });
    },
  );
  mountRoute(
    r,
    {
      operationId: "issueToken",
      response: issueTokenResponseSchema,
      errors: ["CONFLICT", "NOT_FOUND"],
      method: "post",
      path: "/users/:id/tokens",
      tag,
      summary: "Emette un nuovo token per l'utente, restituito una sola volta; scade dopo expiresInDays giorni (predefinito TOKEN_TTL_DAYS). Registrato se per un altro utente",
      roles: "admin",
      params: idParams,
      body: tokenCreateSchema,
      successStatus: 201,
    },
    async ({ actor, params, body, route }) => {
      assertAllowed(canManageUsers(actor));
      return issueTokenFor(ctx.db, actor, params.id, { ...body, ttlDays }, route);
    },
  );
  mountRoute(
    r,
    { operationId: "listTokens", response: listTokensResponseSchema, errors: ["NOT_FOUND"], method: "get", path: "/users/:id/tokens", tag, summary: "Elenca i token dell'utente: etichetta, creazione, scadenza, ultimo uso, revoca (mai il token)", roles: selfOrAdmin, params: idParams },
    async ({ actor, params }) => listTokens(ctx.db, actor, params.id, ttlDays),
  );
  mountRoute(
    r,
    { operationId: "revokeToken", response: revokeTokenResponseSchema, errors: ["NOT_FOUND"], method: "post", path: "/users/:id/tokens/:tokenId/revoke", tag, summary: "Revoca un token: smette subito di funzionare", roles: selfOrAdmin, params: tokenParams, body: userActionNoBody },
    async ({ actor, params, route }) => revokeTokens(ctx.db, actor, params.id, params.tokenId, ttlDays, route),
  );
  mountRoute(
    r,
    { operationId: "deactivateUser", response: userViewSchema, errors: ["CONFLICT", "NOT_FOUND"], method: "post", path: "/users/:id/deactivate", tag, summary: "Disattiva un utente: tutti i suoi token smettono subito di funzionare (non se stessi). Registrato", roles: "admin", params: idParams, body: userActionNoBody },
    async ({ actor, params, route }) => setUserActive(ctx.db, actor, params.id, false, route),
  );
  mountRoute(
    r,
    { operationId: "reactivateUser", response: userViewSchema, errors: ["CONFLICT", "NOT_FOUND"], method: "post", path: "/users/:id/reactivate", tag, summary: "Riattiva un utente: tornano validi i suoi token non revocati né scaduti. Registrato", roles: "admin", params: idParams, body: userActionNoBody },
    async ({ actor, params, route }) => setUserActive(ctx.db, actor, params.id, true, route),
  );
  return r;
}
