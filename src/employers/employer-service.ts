import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadEmployer, canWriteEmployer } from "../auth/policies.js";
import { AppError, notFound } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import type { Db } from "../db/client.js";
import { containsIgnoringCase } from "../db/sql-dialect.js";
import { appendEvents } from "../events/append-events.js";
import { changedFieldNames } from "../events/field-changes.js";
import { atecoLabel } from "../reference/code-lists.js";
import type { EmployerCreateInput, EmployerUpdateInput } from "./employer-schemas.js";

/**
 * Employers: the companies behind the offers, one per tax code. Their events name the changed fields
 * only: a sole proprietor's name and tax code are a person's data.
 */
export async function createEmployer(ctx: AppContext, actor: Actor, input: EmployerCreateInput, route: string) {
  assertAllowed(canWriteEmployer(actor));
  return ctx.db.$transaction(async (tx) => {
    if (await tx.employer.findUnique({ where: { taxCode: input.taxCode } })) {
      throw new AppError("CONFLICT", "Azienda già registrata con questo codice fiscale.", [{ field: "taxCode", message: "Duplicato" }]);
    }
    const employer = await tx.employer.create({ data: { ...input, atecoLabel: input.atecoLabel ?? labelFor(input.atecoCode) } });
    await appendEvents({ ctx, tx, actor, route }, [{ type: "employer.created", entityType: "employer", entityId: employer.id, payload: {} }]);
    return employer;
  });
}

export async function updateEmployer(ctx: AppContext, actor: Actor, id: string, input: EmployerUpdateInput, route: string) {
  assertAllowed(canWriteEmployer(actor));
  return ctx.db.$transaction(async (tx) => {
    const current = await getEmployer(tx, actor, id);
    const data = { ...input, atecoLabel: input.atecoLabel ?? labelFor(input.atecoCode) };
    const employer = await tx.employer.update({ where: { id }, data });
    const fields = changedFieldNames(current, data);
    if (fields.length > 0) await appendEvents({ ctx, tx, actor, route }, [{ type: "employer.changed", entityType: "employer", entityId: id, payload: { fields } }]);
    return employer;
  });
}

export async function getEmployer(db: Pick<Db, "employer">, actor: Actor, id: string) {
  assertAllowed(canReadEmployer(actor, id));
  const employer = await db.employer.findUnique({ where: { id } });
  if (!employer) throw notFound("Azienda");
  return employer;
}

export async function listEmployers(db: Db, actor: Actor, q: string | undefined, page: number, pageSize: number) {
  const where = {
    ...(actor.role === "employer" ? { id: actor.employerId ?? "-" } : {}),
    ...(q ? { OR: [{ name: containsIgnoringCase(db, q) }, { taxCode: { contains: q.toUpperCase() } }] } : {}),
  };
  const [total, items] = await Promise.all([
    db.employer.count({ where }),
    db.employer.findMany({ where, orderBy: { name: "asc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, page, pageSize, items };
}

const labelFor = (code: string | undefined) => (code ? (atecoLabel(code) ?? undefined) : undefined);
