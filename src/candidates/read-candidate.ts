import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { openListingsOf } from "../shortlists/list-membership.js";
import { findCandidate, type CandidateRecord } from "./candidate-repository.js";

/**
 * Every read of a person's record is audited. Beyond the person's CPIs and tutor, the referent of a
 * vacancy whose open list holds the person may read them (the person's lists are looked up only then).
 */
export async function readCandidate(ctx: AppContext, actor: Actor, id: string, route: string): Promise<CandidateRecord> {
  const candidate = await findCandidate(ctx.db, id);
  const listings = canReadCandidate(actor, candidate) === null ? [] : await openListingsOf(ctx.db, id);
  assertAllowed(canReadCandidate(actor, candidate, listings));
  await recordAudit(ctx.db, actor, "read", "candidate", [id], route);
  return candidate;
}
