import { recordedUserId, type Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import { appendEvents } from "../events/append-events.js";
import type { EventScope } from "../events/event-scope.js";
import { Prisma } from "../generated/prisma/client.js";
import { isQualified } from "../matching/rank-vacancy-candidates.js";
import { evaluateForVacancy } from "../matching/vacancy-matches.js";
import { findVacancy, type VacancyRecord } from "../vacancies/vacancy-repository.js";
import type { EntrySource } from "./entry-sources.js";
import {
  confirmedException,
  exceptionNote,
  exclusionsNeedingConfirmation,
  type ExceptionConfirmation,
  type ExceptionExclusion,
} from "./hard-constraint-exceptions.js";
import { recordShortlistEvents } from "./shortlist-events.js";
import { openDraftForEdit } from "./open-draft-for-edit.js";
import { canManageShortlist } from "./shortlist-policies.js";
import { activeEntries, reloadShortlist, type ShortlistRecord } from "./shortlist-repository.js";
import { syncShortlistCap } from "./shortlist-transitions.js";
import { availabilityLabel } from "../candidates/availability-labels.js";

/** What the matching says of one person for the vacancy, judged before the transaction (it reads the index). */
export interface EntryJudgement {
  candidateId: string;
  cpiCode: string;
  /** The person is outside the operator's CPIs and caseload. */
  outside: boolean;
  score: number;
  /** Score and must-have competences enough, hard constraints aside. */
  qualified: boolean;
  /** The hard constraints that keep the person off unless the referent confirms an exception. */
  exclusions: ExceptionExclusion[];
  summary: string;
}

/** One person against the vacancy, as "explain" evaluates them; no access check, no audit (the callers do both). */
export async function judgeEntry(ctx: AppContext, actor: Actor, vacancy: VacancyRecord, candidateId: string): Promise<EntryJudgement> {
  const candidate = await findCandidate(ctx.db, candidateId);
  const { evaluation, summary } = await evaluateForVacancy(ctx, vacancy, candidate);
  return {
    candidateId,
    cpiCode: candidate.cpiCode,
    outside: canReadCandidate(actor, candidate) !== null,
    score: evaluation.score,
    qualified: isQualified(evaluation, ctx.matching.qualifyingScore),
    exclusions: exclusionsNeedingConfirmation(evaluation.exclusions),
    summary,
  };
}

export interface EntryRequest extends ExceptionConfirmation {
  /** The operator's reason, kept on the entry and in the history. */
  reason: string;
  /** The accepted proposal the person comes from: a legitimate way in, whatever the person's CPI. */
  proposalId?: string | undefined;
}

/**
 * Puts a person on the draft list by hand, with the operator's reason (see putOnDraftList for the rules).
 */
export async function addToShortlist(
  ctx: AppContext,
  actor: Actor,
  vacancyId: string,
  candidateId: string,
  request: EntryRequest,
  route: string,
): Promise<ShortlistRecord> {
  const vacancy = await findVacancy(ctx.db, vacancyId);
  assertAllowed(canManageShortlist(actor, vacancy));
  const judged = await judgeEntry(ctx, actor, vacancy, candidateId);
  return ctx.db.$transaction((tx) => putOnDraftList({ ctx, tx, actor, route }, vacancyId, judged, request));
}

/**
 * The rules of every way onto a draft list but the matching's (a hand-add, an accepted proposal), in the
 * caller's transaction:
 * - refused when the person is already on it, is not available, or the list would go past its cap;
 * - a person outside the referent's own CPIs goes on by hand only when the matching finds them qualified
 *   (the entry is then "manual_ranked", with the score); through an accepted proposal whatever the score
 *   (the entry is "proposal"); either way the referent may then reach them while the list is open;
 * - a person a hard constraint excludes (missing licence or language, beyond travel, not L. 68) goes on
 *   only with the referent's confirmed exception and its reason, stored on the entry;
 * - a person removed earlier is put back (the removal stays in the history).
 */
export async function putOnDraftList(scope: EventScope & { actor: Actor }, vacancyId: string, judged: EntryJudgement, request: EntryRequest): Promise<ShortlistRecord> {
  const { tx, actor, route } = scope;
  const { candidateId } = judged;
  const { vacancy, list } = await openDraftForEdit(tx, actor, vacancyId);
  const existing = list.entries.find((e) => e.candidateId === candidateId);
  if (existing && existing.removedAt === null) {
    throw new AppError("CONFLICT", "La persona è già nella rosa.", [{ field: "candidateId", message: "Già presente" }]);
  }
  const current = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { availability: true } });
  if (current.availability !== "available") {
    throw new AppError(
      "CONFLICT",
      `La persona non è disponibile (${current.availability === "employed" ? "risulta occupata/o" : "non disponibile"}): non può entrare nella rosa.`,
      [{ field: "candidateId", message: `Disponibilità: ${availabilityLabel(current.availability)}` }],
    );
  }
  const proposed = request.proposalId !== undefined;
  if (judged.outside && !proposed && !judged.qualified) {
    throw new AppError(
      "NOT_QUALIFIED",
      `La persona appartiene a un CPI fuori dall'ambito del referente (${judged.cpiCode}) e l'abbinamento non la indica tra le persone idonee per questa offerta: ${judged.summary} Si inseriscono a mano solo persone dei propri CPI o persone idonee.`,
      [{ field: "candidateId", message: judged.summary }],
    );
  }
  const exception = confirmedException(judged.exclusions, request);
  const cap = await syncShortlistCap(scope, list, vacancy);
  const onList = activeEntries(list).length;
  if (onList + 1 > cap) {
    throw new AppError(
      "CONFLICT",
      `La rosa ha già ${onList} persone: il tetto per questa offerta è ${cap}. Togliere qualcuno o chiedere all'azienda un numero diverso.`,
      [{ field: "candidateId", message: `Tetto della rosa: ${cap}` }],
    );
  }

  const source: EntrySource = proposed ? "proposal" : judged.outside ? "manual_ranked" : "manual";
  const entry = {
    source,
    reason: request.reason,
    score: source === "manual" ? null : judged.score,
    contactStatus: "to_contact",
    addedById: recordedUserId(actor),
    addedAt: new Date(),
    exceptionExclusions: exception ? (exception.exclusions as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
    exceptionReason: exception?.reason ?? null,
    proposalId: request.proposalId ?? null,
  };
  if (existing) {
    await tx.shortlistEntry.update({ where: { id: existing.id }, data: { ...entry, removedAt: null, removedReason: null, outcome: null } });
  } else {
    await tx.shortlistEntry.create({ data: { ...entry, shortlistId: list.id, candidateId } });
  }
  await recordShortlistEvents(tx, actor, list.id, [
    { type: existing ? "entry_restored" : "entry_added", candidateId, from: existing ? "removed" : null, to: source, reason: exceptionNote(request.reason, exception) },
  ]);
  await recordAudit(tx, actor, existing ? "update" : "create", "candidate", [candidateId], route);
  await appendEvents(scope, [
    { type: "shortlist.entry_added", entityType: "shortlist", entityId: list.id, payload: { vacancyId, candidateId, source, restored: Boolean(existing) } },
  ]);
  return reloadShortlist(tx, list.id);
}
