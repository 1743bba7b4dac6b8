import type { Actor } from "../auth/actor.js";
import { assertAllowed, canWriteCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { appendEvents } from "../events/append-events.js";
import { assertReferencesExist } from "../validation/check-references.js";
import { findCandidate, type CandidateRecord } from "./candidate-repository.js";
import { competentCpiOf } from "../cpis/competent-cpi.js";
import type { CandidateCreateInput } from "./candidate-schemas.js";
import { candidateWriteData } from "./candidate-write-data.js";

/**
 * Registers a job seeker of the actor's CPI; one person per tax code; `candidate.registered` in the same
 * transaction. Without a cpiCode the person goes to the CPI whose catchment holds the domicile; a closed
 * CPI takes nobody new.
 */
export async function registerCandidate(ctx: AppContext, actor: Actor, request: CandidateCreateInput, route: string): Promise<CandidateRecord> {
  const input = { ...request, cpiCode: await competentCpiOf(ctx.db, request.cpiCode, { field: "domicileIstatCode", istatCode: request.domicileIstatCode }) };
  assertAllowed(canWriteCandidate(actor, input.cpiCode));
  return ctx.db.$transaction(async (tx) => {
    await assertReferencesExist(tx, {
      cpiCode: input.cpiCode,
      comuni: [{ field: "domicileIstatCode", istatCode: input.domicileIstatCode }],
      tutorId: input.tutorId,
    });
    if (await tx.candidate.findUnique({ where: { taxCode: input.taxCode } })) {
      throw new AppError("CONFLICT", "Persona già registrata con questo codice fiscale.", [
        { field: "taxCode", message: "Codice fiscale già presente" },
      ]);
    }
    const created = await tx.candidate.create({ data: candidateWriteData(input, false) as never });
    const candidate = await readBackCandidateAndAudit(tx, actor, created.id, "create", route);
    await appendEvents({ ctx, tx, actor, route }, [{ type: "candidate.registered", entityType: "candidate", entityId: created.id, payload: {} }]);
    return candidate;
  });
}

/** The person as written, with its audit entry (the search document follows from the event). */
export async function readBackCandidateAndAudit(
  tx: DbTx,
  actor: Actor | null,
  id: string,
  action: "create" | "update",
  route: string,
): Promise<CandidateRecord> {
  const candidate = await findCandidate(tx, id);
  await recordAudit(tx, actor, action, "candidate", [id], route);
  return candidate;
}
