import type { Actor } from "../auth/actor.js";
import { assertAllowed, canWriteVacancy } from "../auth/policies.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import { fieldChanges } from "../events/field-changes.js";
import { assertReferencesExist } from "../validation/check-references.js";
import { assertCpiOpen } from "../cpis/competent-cpi.js";
import { readBackAndAudit } from "./publish-vacancy.js";
import { findVacancy, type VacancyRecord } from "./vacancy-repository.js";
import type { VacancyUpdateInput } from "./vacancy-schemas.js";
import { showcaseKey } from "./showcase-key.js";
import { CLOSED_STATUSES, type VacancyStatus } from "./vacancy-status.js";
import { assertVacancyTerms } from "./vacancy-terms.js";

/**
 * Changes the fields sent; a referent may neither edit another CPI's offer nor move one to another CPI.
 * The fields that really changed go in one `vacancy.changed` event, with before and after (the referent's
 * name and e-mail by field name only).
 */
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
    // A closed CPI keeps its offers but takes no new one, moved from another CPI included.
    if (input.cpiCode !== undefined && input.cpiCode !== current.cpiCode) await assertCpiOpen(tx, input.cpiCode);
    await assertReferencesExist(tx, {
      cpiCode: input.cpiCode,
      comuni: [{ field: "workplaceIstatCode", istatCode: input.workplaceIstatCode }],
      employerId: input.employerId,
    });
    const sent = stripUndefined(input);
    const merged = { ...current, ...sent };
    assertVacancyTerms(merged);
    // A corrected arrival date, profile, company or CPI changes the natural key: it must not become another offer's.
    const key = showcaseKey(merged);
    const other = key === current.showcaseKey ? null : await tx.vacancy.findUnique({ where: { showcaseKey: key }, select: { id: true } });
    if (other) {
      throw new AppError("CONFLICT", "Offerta già presente in vetrina (stessa azienda, CPI, profilo e data di arrivo).", [
        { field: "arrivalDate", message: `Con questi dati l'offerta coinciderebbe con l'offerta esistente ${other.id}` },
      ]);
    }
    await tx.vacancy.update({ where: { id }, data: { ...sent, showcaseKey: key } });
    const vacancy = await readBackAndAudit(tx, actor, id, "update", route);
    const changes = fieldChanges(current, sent as Partial<typeof current>, PERSONAL_FIELDS);
    if (changes.length > 0) await appendEvents({ ctx, tx, actor, route }, [{ type: "vacancy.changed", entityType: "vacancy", entityId: id, payload: { changes } }]);
    return vacancy;
  });
}

/** The fields of an offer that are a person's data (the referent's): events name them, without values. */
export const PERSONAL_FIELDS = ["referentName", "referentEmail"] as const;

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
