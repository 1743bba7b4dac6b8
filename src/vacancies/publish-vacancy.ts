import { recordedUserId, type Actor } from "../auth/actor.js";
import { assertAllowed, canWriteVacancy } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { appendEvents } from "../events/append-events.js";
import { profileCodeForTitle } from "../reference/taxonomy-lookup.js";
import { assertReferencesExist } from "../validation/check-references.js";
import { vacancyCpiOf } from "../cpis/vacancy-cpi.js";
import { recordStatusChange } from "./record-status-change.js";
import { findVacancy, type VacancyRecord } from "./vacancy-repository.js";
import type { VacancyCreateInput } from "./vacancy-schemas.js";
import { showcaseKey } from "./showcase-key.js";
import { referentOnPublish } from "./vacancy-referent.js";
import type { VacancyStatus } from "./vacancy-status.js";
import { assertVacancyTerms } from "./vacancy-terms.js";

export interface PublishOptions {
  /** Imports bring rows that are already past "open". */
  status?: VacancyStatus;
  route: string;
}

/**
 * Settles the CPI (vacancyCpiOf: the one named, else the referent's), checks scope and references, resolves the profile code from the title when none is given (only when the
 * title reads as one occupation: profileCodeForTitle), then writes the vacancy with its referent (see referentOnPublish), its
 * first status, the audit and the `vacancy.published` event in one transaction (its handlers keep the
 * search index in step).
 */
export async function publishVacancy(
  ctx: AppContext,
  actor: Actor,
  request: VacancyCreateInput,
  opts: PublishOptions,
): Promise<VacancyRecord> {
  const input = { ...request, cpiCode: await vacancyCpiOf(ctx.db, actor, request) };
  assertAllowed(canWriteVacancy(actor, input.cpiCode));
  const arrivalDate = input.arrivalDate ?? todayUtc();
  const status = opts.status ?? "open";
  const publishedAt = input.publishedAt ?? (status === "open" ? arrivalDate : null);
  assertVacancyTerms({ ...input, arrivalDate, publishedAt });
  const key = showcaseKey({ ...input, arrivalDate });
  const profileTitle = input.profileTitle ?? input.requestedProfile;
  const profileCode = input.profileCode ?? profileCodeForTitle(profileTitle)?.code;
  return ctx.db.$transaction(async (tx) => {
    await assertReferencesExist(tx, {
      cpiCode: input.cpiCode,
      comuni: [{ field: "workplaceIstatCode", istatCode: input.workplaceIstatCode }],
      employerId: input.employerId,
    });
    const existing = await tx.vacancy.findUnique({ where: { showcaseKey: key } });
    if (existing) {
      throw new AppError("CONFLICT", "Offerta già presente in vetrina (stessa azienda, CPI, profilo e data di arrivo).", [
        { field: "requestedProfile", message: `Offerta esistente: ${existing.id}` },
      ]);
    }
    const created = await tx.vacancy.create({
      data: {
        ...input,
        ...(await referentOnPublish(tx, actor, input)),
        arrivalDate,
        status,
        profileTitle,
        profileCode,
        publishedAt,
        showcaseKey: key,
        createdById: recordedUserId(actor),
      },
    });
    const scope = { ctx, tx, actor, route: opts.route };
    const at = new Date();
    const statusChangeId = await recordStatusChange(scope, created.id, null, status, "Pubblicazione", at);
    const vacancy = await readBackAndAudit(tx, actor, created.id, "create", opts.route);
    await appendEvents(scope, [{ type: "vacancy.published", entityType: "vacancy", entityId: created.id, payload: { status, statusChangeId } }], at);
    return vacancy;
  });
}

/** The vacancy as written, with its audit entry; null actor: a scheduled job acting on its own. */
export async function readBackAndAudit(
  tx: DbTx,
  actor: Actor | null,
  id: string,
  action: "create" | "update" | "status",
  route: string,
): Promise<VacancyRecord> {
  const vacancy = await findVacancy(tx, id);
  await recordAudit(tx, actor, action, "vacancy", [id], route);
  return vacancy;
}

function todayUtc(): Date {
  return new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
}
