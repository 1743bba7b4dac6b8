import { AppError } from "../errors/app-error.js";
import type { Db } from "../db/client.js";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor.js";
import { DEFAULT_TOKEN_TTL_DAYS } from "../auth/token-lifetime.js";
import { recordAudit } from "../audit/record-audit.js";
import { assertReferencesExist } from "../validation/check-references.js";
import { insertToken, issueTokenFor, type TokenRequest } from "./issue-token.js";
import type { UserCreateInput } from "./user-schemas.js";

export interface CreateUserOptions {
  actor: Actor;
  /** Recorded in the audit entry ("POST /users", "cli create-user"). */
  route: string;
  token?: Partial<TokenRequest>;
}

/** Users created by the service itself (demo data, tests). */
const BY_THE_SYSTEM: CreateUserOptions = { actor: SYSTEM_ACTOR, route: "sistema" };

/** Creates a user with a first API token; the token is returned once and only its hash is kept. */
export async function createUser(db: Db, input: UserCreateInput, options: CreateUserOptions = BY_THE_SYSTEM) {
  const { actor, route } = options;
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw new AppError("CONFLICT", "Esiste già un utente con questa e-mail.", [{ field: "email", message: "Duplicato" }]);
    }
    await assertReferencesExist(tx, { employerId: input.employerId });
    for (const code of input.cpiCodes) await assertReferencesExist(tx, { cpiCode: code });
    const user = await tx.user.create({
      data: {
        name: input.name,
        email: input.email,
        role: input.role,
        employerId: input.employerId ?? null,
        cpis: { create: input.cpiCodes.map((cpiCode) => ({ cpiCode })) },
      },
      include: { cpis: true },
    });
    const { token, expiresAt } = await insertToken(tx, actor, user.id, {
      label: options.token?.label ?? "primo accesso",
      ttlDays: options.token?.ttlDays ?? DEFAULT_TOKEN_TTL_DAYS,
      expiresInDays: options.token?.expiresInDays,
    });
    await recordAudit(tx, actor, "create", "user", [user.id], route);
    return { user: toUserView(user), token, tokenExpiresAt: expiresAt };
  });
}

/** A further token issued by the service itself (demo tokens, tests); returns the secret, shown once. */
export async function issueToken(db: Db, userId: string, label: string, ttlDays = DEFAULT_TOKEN_TTL_DAYS): Promise<string> {
  return (await issueTokenFor(db, SYSTEM_ACTOR, userId, { label, ttlDays }, BY_THE_SYSTEM.route)).token;
}

type UserRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  employerId: string | null;
  active: boolean;
  deactivatedAt: Date | null;
  cpis: { cpiCode: string }[];
};

export function toUserView(u: UserRow) {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    employerId: u.employerId,
    active: u.active,
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
    cpiCodes: u.cpis.map((c) => c.cpiCode),
  };
}
