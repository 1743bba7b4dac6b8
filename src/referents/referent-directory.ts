import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadReferentDirectory } from "../auth/policies.js";
import type { Db } from "../db/client.js";
import { notFound } from "../errors/app-error.js";
import { assertFilterReferencesExist } from "../validation/check-references.js";
import type { ReferentUser } from "./find-referent.js";

export interface DirectoryEntry extends ReferentUser {
  cpis: { code: string; name: string }[];
}

/** Active referents, with the CPIs they work for, by name; only those of the given CPIs when some are named. */
async function activeReferents(db: Db, cpiCodes: string[] | undefined): Promise<DirectoryEntry[]> {
  const users = await db.user.findMany({
    where: { role: "referent", active: true, ...(cpiCodes?.length ? { cpis: { some: { cpiCode: { in: cpiCodes } } } } : {}) },
    select: { id: true, name: true, email: true, cpis: { select: { cpi: { select: { code: true, name: true } } }, orderBy: { cpiCode: "asc" } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return users.map((u) => ({ id: u.id, name: u.name, email: u.email, cpis: u.cpis.map((c) => c.cpi) }));
}

/**
 * The directory of offer referents: whom a tutor writes to about a vacancy of another CPI. Every
 * operator reads it (not employers); only active users, with name and e-mail.
 */
export async function listReferents(db: Db, actor: Actor, cpiCodes: string[] | undefined): Promise<{ items: DirectoryEntry[]; total: number }> {
  assertAllowed(canReadReferentDirectory(actor));
  await assertFilterReferencesExist(db, { cpi: cpiCodes });
  const items = await activeReferents(db, cpiCodes);
  return { items, total: items.length };
}

/** The referents of one CPI. */
export async function listCpiReferents(db: Db, actor: Actor, cpiCode: string) {
  assertAllowed(canReadReferentDirectory(actor));
  const cpi = await db.cpi.findUnique({ where: { code: cpiCode }, select: { code: true, name: true } });
  if (!cpi) throw notFound("CPI");
  const referents = (await activeReferents(db, [cpiCode])).map(({ id, name, email }) => ({ id, name, email }));
  return { cpi, referents };
}
