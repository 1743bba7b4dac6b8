import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadEmployer, canWriteEmployer } from "../auth/policies.js";
import { AppError, notFound } from "../errors/app-error.js";
import type { Db } from "../db/client.js";
import { atecoLabel } from "../reference/code-lists.js";
import type { EmployerCreateInput, EmployerUpdateInput } from "./employer-schemas.js";

/** Employers: the companies behind the offers, one per tax code. */
export async function createEmployer(db: Db, actor: Actor, input: EmployerCreateInput) {
  assertAllowed(canWriteEmployer(actor));
  if (await db.employer.findUnique({ where: { taxCode: input.taxCode } })) {
    throw new AppError("CONFLICT", "Azienda già registrata con questo codice fiscale.", [{ field: "taxCode", message: "Duplicato" }]);
  }
  return db.employer.create({ data: { ...input, atecoLabel: input.atecoLabel ?? labelFor(input.atecoCode) } });
}

export async function updateEmployer(db: Db, actor: Actor, id: string, input: EmployerUpdateInput) {
  assertAllowed(canWriteEmployer(actor));
  await getEmployer(db, actor, id);
  return db.employer.update({ where: { id }, data: { ...input, atecoLabel: input.atecoLabel ?? labelFor(input.atecoCode) } });
}

export async function getEmployer(db: Db, actor: Actor, id: string) {
  assertAllowed(canReadEmployer(actor, id));
  const employer = await db.employer.findUnique({ where: { id } });
  if (!employer) throw notFound("Azienda");
  return employer;
}

export async function listEmployers(db: Db, actor: Actor, q: string | undefined, page: number, pageSize: number) {
  const where = {
    ...(actor.role === "employer" ? { id: actor.employerId ?? "-" } : {}),
    ...(q ? { OR: [{ name: { contains: q } }, { taxCode: { contains: q.toUpperCase() } }] } : {}),
  };
  const [total, items] = await Promise.all([
    db.employer.count({ where }),
    db.employer.findMany({ where, orderBy: { name: "asc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, page, pageSize, items };
}

const labelFor = (code: string | undefined) => (code ? (atecoLabel(code) ?? undefined) : undefined);
