import { AppError } from "../api/errors.js";
import type { Db } from "../db/client.js";
import { generateToken, hashToken } from "../auth/tokens.js";
import { assertReferencesExist } from "../validation/check-references.js";
import type { UserCreateInput } from "./user-schemas.js";

/** Creates a user with a first API token; the token is returned once and only its hash is kept. */
export async function createUser(db: Db, input: UserCreateInput, tokenLabel = "primo accesso") {
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw new AppError("CONFLICT", "Esiste già un utente con questa e-mail.", [{ field: "email", message: "Duplicato" }]);
    }
    await assertReferencesExist(tx, { employerId: input.employerId });
    for (const code of input.cpiCodes) await assertReferencesExist(tx, { cpiCode: code });
    const token = generateToken();
    const user = await tx.user.create({
      data: {
        name: input.name,
        email: input.email,
        role: input.role,
        employerId: input.employerId ?? null,
        cpis: { create: input.cpiCodes.map((cpiCode) => ({ cpiCode })) },
        tokens: { create: { tokenHash: hashToken(token), label: tokenLabel } },
      },
      include: { cpis: true },
    });
    return { user: toUserView(user), token };
  });
}

/** Issues a further token (for example after a loss); the old ones stay valid until revoked. */
export async function issueToken(db: Db, userId: string, label: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "Utente non trovato.");
  const token = generateToken();
  await db.apiToken.create({ data: { userId, tokenHash: hashToken(token), label } });
  return token;
}

export function toUserView(u: { id: string; name: string; email: string; role: string; employerId: string | null; active: boolean; cpis: { cpiCode: string }[] }) {
  return { id: u.id, name: u.name, email: u.email, role: u.role, employerId: u.employerId, active: u.active, cpiCodes: u.cpis.map((c) => c.cpiCode) };
}
