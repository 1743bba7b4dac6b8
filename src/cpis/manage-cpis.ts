import type { Actor } from "../auth/actor.js";
import { assertAllowed, requireRole } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { AppError, notFound, type FieldError } from "../errors/app-error.js";
import { closedCpiError } from "./competent-cpi.js";
import { readCatchment, readCpi, replaceCatchment } from "./cpi-repository.js";
import type { CatchmentView, CpiCloseInput, CpiCreateInput, CpiUpdateInput, CpiView } from "./cpi-schemas.js";

/** CPIs are the region's own data: only the regional agency (admin) writes them; everyone reads them. */
const assertAdmin = (actor: Actor) => assertAllowed(requireRole(actor, ["admin"]));

/** The comuni named, read in one query; every unknown one is named in a single 422. */
export async function comuniByCode(db: DbTx, codes: { field: string; istatCode: string }[]) {
  const found = await db.comune.findMany({ where: { istatCode: { in: [...new Set(codes.map((c) => c.istatCode))] } } });
  const byCode = new Map(found.map((c) => [c.istatCode, c]));
  const problems: FieldError[] = codes.filter((c) => !byCode.has(c.istatCode)).map((c) => ({ field: c.field, message: `Comune sconosciuto (codice ISTAT ${c.istatCode})` }));
  if (problems.length > 0) throw new AppError("UNKNOWN_REFERENCE", "Riferimenti non trovati: controllare i campi indicati.", problems);
  return byCode;
}

const catchmentFields = (field: string, codes: readonly string[]) => codes.map((istatCode, i) => ({ field: `${field}.${i}`, istatCode }));

export async function createCpi(ctx: AppContext, actor: Actor, input: CpiCreateInput): Promise<CpiView> {
  assertAdmin(actor);
  return ctx.db.$transaction(async (tx) => {
    const comuni = await comuniByCode(tx, [{ field: "comuneIstatCode", istatCode: input.comuneIstatCode }, ...catchmentFields("catchment", input.catchment ?? [])]);
    if (await tx.cpi.findUnique({ where: { code: input.code } })) {
      throw new AppError("CONFLICT", `Esiste già un CPI con il codice ${input.code}.`, [{ field: "code", message: "Codice già presente" }]);
    }
    await tx.cpi.create({
      data: {
        code: input.code,
        name: input.name,
        comuneIstatCode: input.comuneIstatCode,
        provinceAcronym: comuni.get(input.comuneIstatCode)!.provinceAcronym,
        address: input.address ?? null,
        email: input.email ?? null,
      },
    });
    if (input.catchment) await replaceCatchment(tx, input.code, input.catchment);
    return readCpi(tx, input.code);
  });
}

export async function updateCpi(ctx: AppContext, actor: Actor, code: string, input: CpiUpdateInput): Promise<CpiView> {
  assertAdmin(actor);
  return ctx.db.$transaction(async (tx) => {
    if (!(await tx.cpi.findUnique({ where: { code } }))) throw notFound("CPI");
    const comune = input.comuneIstatCode === undefined ? undefined : (await comuniByCode(tx, [{ field: "comuneIstatCode", istatCode: input.comuneIstatCode }])).get(input.comuneIstatCode)!;
    await tx.cpi.update({ where: { code }, data: { ...input, ...(comune ? { provinceAcronym: comune.provinceAcronym } : {}) } });
    return readCpi(tx, code);
  });
}

/**
 * Closes a CPI: its people and offers stay where they are, but it takes no new ones. Its catchment
 * moves to `transferCatchmentTo` when given; otherwise the comuni stay with it, and registering
 * someone there without naming a CPI is refused saying the CPI is closed.
 */
export async function closeCpi(ctx: AppContext, actor: Actor, code: string, input: CpiCloseInput): Promise<CpiView> {
  assertAdmin(actor);
  return ctx.db.$transaction(async (tx) => {
    const cpi = await tx.cpi.findUnique({ where: { code } });
    if (!cpi) throw notFound("CPI");
    if (cpi.closedAt) throw new AppError("INVALID_TRANSITION", closedCpiError(cpi).message);
    if (input.transferCatchmentTo !== undefined) {
      const target = await tx.cpi.findUnique({ where: { code: input.transferCatchmentTo } });
      const field = "transferCatchmentTo";
      if (!target || target.code === code) {
        throw new AppError("UNKNOWN_REFERENCE", "Riferimenti non trovati: controllare i campi indicati.", [{ field, message: target ? "Indicare un CPI diverso da quello che si chiude" : `CPI sconosciuto: ${input.transferCatchmentTo}` }]);
      }
      if (target.closedAt) throw closedCpiError(target, field);
      await tx.cpiCatchment.updateMany({ where: { cpiCode: code }, data: { cpiCode: target.code } });
    }
    await tx.cpi.update({ where: { code }, data: { closedAt: new Date() } });
    return readCpi(tx, code);
  });
}

export async function setCatchment(ctx: AppContext, actor: Actor, code: string, istatCodes: string[]): Promise<CatchmentView> {
  assertAdmin(actor);
  return ctx.db.$transaction(async (tx) => {
    if (!(await tx.cpi.findUnique({ where: { code } }))) throw notFound("CPI");
    await comuniByCode(tx, catchmentFields("comuni", istatCodes));
    const moved = await replaceCatchment(tx, code, istatCodes);
    return readCatchment(tx, code, moved);
  });
}
