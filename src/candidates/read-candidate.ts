import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { findCandidate, type CandidateRecord } from "./candidate-repository.js";

/** Every read of a person's record is audited. */
export async function readCandidate(ctx: AppContext, actor: Actor, id: string, route: string): Promise<CandidateRecord> {
  const candidate = await findCandidate(ctx.db, id);
  assertAllowed(canReadCandidate(actor, candidate));
  await recordAudit(ctx.db, actor, "read", "candidate", [id], route);
  return candidate;
}
