import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate, canWriteCandidate } from "../auth/policies.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import { assertReferencesExist } from "../validation/check-references.js";
import { assertCpiOpen } from "../cpis/competent-cpi.js";
import { candidateChangedFields } from "./candidate-changes.js";
import { findCandidate, type CandidateRecord } from "./candidate-repository.js";
import type { CandidateUpdateInput } from "./candidate-schemas.js";
import { candidateWriteData } from "./candidate-write-data.js";
import { readBackCandidateAndAudit } from "./register-candidate.js";
import { taxCodeDisagreements } from "./tax-code-consistency.js";

/** Changes the fields sent; `candidate.changed` names the fields that really changed, never their values. */
export async function updateCandidate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: CandidateUpdateInput,
  route: string,
): Promise<CandidateRecord> {
  return ctx.db.$transaction(async (tx) => {
    const current = await findCandidate(tx, id);
    assertAllowed(canReadCandidate(actor, current) ?? canWriteCandidate(actor, current.cpiCode));
    if (input.cpiCode !== undefined) assertAllowed(canWriteCandidate(actor, input.cpiCode));
    await assertReferencesExist(tx, {
      cpiCode: input.cpiCode,
      comuni: [{ field: "domicileIstatCode", istatCode: input.domicileIstatCode }],
      tutorId: input.tutorId,
    });
    // Moving a person to a closed CPI is refused; staying with one that closed is not a change.
    if (input.cpiCode !== undefined && input.cpiCode !== current.cpiCode) await assertCpiOpen(tx, input.cpiCode);
    assertTaxCodeAgrees(current, input);
    if (input.taxCode !== undefined && input.taxCode !== current.taxCode) {
      const other = await tx.candidate.findUnique({ where: { taxCode: input.taxCode } });
      if (other) throw new AppError("CONFLICT", "Codice fiscale già assegnato a un'altra persona.", [{ field: "taxCode", message: "Duplicato" }]);
    }
    await tx.candidate.update({ where: { id }, data: candidateWriteData(input, true) as never });
    const candidate = await readBackCandidateAndAudit(tx, actor, id, "update", route);
    const fields = candidateChangedFields(current, input);
    if (fields.length > 0) await appendEvents({ ctx, tx, actor, route }, [{ type: "candidate.changed", entityType: "candidate", entityId: id, payload: { fields } }]);
    return candidate;
  });
}

/**
 * A changed tax code, or changed names, must agree once merged with the stored person; a record that
 * disagreed before (older imports) may still be edited in its other fields.
 */
function assertTaxCodeAgrees(current: CandidateRecord, input: CandidateUpdateInput): void {
  const changes = (["taxCode", "firstName", "lastName"] as const).some((k) => input[k] !== undefined && input[k] !== current[k]);
  if (!changes) return;
  const problems = taxCodeDisagreements(input.taxCode ?? current.taxCode, {
    firstName: input.firstName ?? current.firstName,
    lastName: input.lastName ?? current.lastName,
  });
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", "Dati non validi: il codice fiscale non corrisponde alla persona.", problems);
}
