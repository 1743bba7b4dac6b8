import type { Actor } from "../auth/actor.js";
import { assertAllowed, canWriteVacancy } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import { fieldChanges } from "../events/field-changes.js";
import { readBackAndAudit } from "./publish-vacancy.js";
import { PERSONAL_FIELDS } from "./update-vacancy.js";
import { findVacancy, type VacancyRecord } from "./vacancy-repository.js";
import { referentFieldsOf, requireActiveReferent } from "./vacancy-referent.js";

/**
 * Hands a vacancy to another referent of its CPI (an administrator, or a referent of the CPI, does it);
 * the showcase columns follow the new user. The change is a `vacancy.changed` event, field by field
 * (the user id before and after, name and e-mail by field name only) with the reason, so the vacancy's
 * history tells who handed it over, when and why. Closed vacancies too: late outcomes still need a
 * referent. Naming the current referent again changes nothing.
 */
export async function reassignReferent(
  ctx: AppContext,
  actor: Actor,
  vacancyId: string,
  referentUserId: string,
  reason: string | undefined,
  route: string,
): Promise<VacancyRecord> {
  return ctx.db.$transaction(async (tx) => {
    const current = await findVacancy(tx, vacancyId);
    assertAllowed(canWriteVacancy(actor, current.cpiCode));
    const next = referentFieldsOf(await requireActiveReferent(tx, current.cpiCode, referentUserId, "referentUserId"));
    const changes = fieldChanges(current, next, PERSONAL_FIELDS);
    if (changes.length === 0) return current;
    await tx.vacancy.update({ where: { id: vacancyId }, data: next });
    const vacancy = await readBackAndAudit(tx, actor, vacancyId, "update", route);
    await appendEvents({ ctx, tx, actor, route }, [
      { type: "vacancy.changed", entityType: "vacancy", entityId: vacancyId, payload: { changes, reason: reason ?? null } },
    ]);
    return vacancy;
  });
}
