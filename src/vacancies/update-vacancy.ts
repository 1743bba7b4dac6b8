import type { Actor } from "../auth/actor.js";
import { assertAllowed, canWriteVacancy } from "../auth/policies.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { assertReferencesExist } from "../validation/check-references.js";
import { indexAndAudit } from "./publish-vacancy.js";
import { findVacancy, type VacancyRecord } from "./vacancy-repository.js";
import type { VacancyUpdateInput } from "./vacancy-schemas.js";
import { showcaseKey } from "./showcase-key.js";
import { CLOSED_STATUSES, type VacancyStatus } from "./vacancy-status.js";
import { assertVacancyTerms } from "./vacancy-terms.js";

/** Changes the fields sent; a referent may neither edit another CPI's offer nor move one to another CPI. */
export async function updateVacancy(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: VacancyUpdateInput,
  route: string,
): Promise<VacancyRecord> {
  return ctx.db.$transaction(async (tx) => {
    const current = await findVacancy(tx, id);
    assertAllowed(canWriteVacancy(actor, current.cpiCode));
    if (input.cpiCode !== undefined) assertAllowed(canWriteVacancy(actor, input.cpiCode));
    if (CLOSED_STATUSES.includes(current.status as VacancyStatus)) {
      throw new AppError("INVALID_TRANSITION", "Un'offerta chiusa non si modifica.");
    }
    await assertReferencesExist(tx, {
      cpiCode: input.cpiCode,
      comuni: [{ field: "workplaceIstatCode", istatCode: input.workplaceIstatCode }],
      employerId: input.employerId,
    });
    const merged = { ...current, ...stripUndefined(input) };
    assertVacancyTerms(merged);
    await tx.vacancy.update({
      where: { id },
      data: { ...stripUndefined(input), showcaseKey: showcaseKey(merged) },
    });
    return indexAndAudit(ctx, tx, actor, id, "update", route);
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
