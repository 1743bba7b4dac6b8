import { recordedUserId, type Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import type { AppContext } from "../context.js";
import { dayOf, italianDay } from "../deadlines/calendar-day.js";
import { AppError } from "../errors/app-error.js";
import { appendEvents } from "../events/append-events.js";
import type { EventScope } from "../events/event-scope.js";
import type { Comune } from "../generated/prisma/client.js";
import { ComuneResolver } from "../imports/reference-resolvers.js";
import { isoDay } from "../congrua/months.js";
import { candidateFacts, vacancyFacts } from "../matching/build-facts.js";
import type { VacancyFacts } from "../matching/match-types.js";
import { vacancyInclude, type VacancyRecord } from "../vacancies/vacancy-repository.js";
import { CLOSED_STATUSES, VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { congruaOfferView, type CongruaOfferView } from "./congrua-offer-repository.js";
import type { ExternalTermsInput, RecordOfferInput } from "./congrua-offer-schemas.js";
import type { OfferChannel } from "./congrua-offer-states.js";
import { evaluateOfferCongrua } from "./offer-congrua.js";
import { externalOfferFacts, termsOfExternalOffer, termsOfVacancy, type OfferTerms } from "./offer-terms.js";

/** What was offered: a showcase vacancy (possibly from one of its list entries) or an external offer. */
export type OfferedJob = { vacancy: VacancyRecord; shortlistEntryId: string | null } | { external: ExternalTermsInput; workplace: Comune };

/** How and when the offer was made. */
export interface OfferMade {
  offeredAt: Date;
  channel: OfferChannel;
  offerNumber?: number | undefined;
}

/** A use-case's scope: always an operator, never the system. */
export type OperatorScope = EventScope & { actor: Actor };

/** POST /candidates/:id/congrua-offers: a showcase vacancy by id, or an external offer by its terms. */
export async function recordCongruaOffer(ctx: AppContext, actor: Actor, candidateId: string, input: RecordOfferInput, route: string): Promise<CongruaOfferView> {
  // The comune is looked up before the write transaction opens (the resolver reads outside it).
  const workplace = input.terms ? await resolveWorkplace(ctx, input.terms.workplaceComune) : null;
  return ctx.db.$transaction(async (tx) => {
    const job: OfferedJob = input.terms && workplace ? { external: input.terms, workplace } : { vacancy: await vacancyReference(tx, input.vacancyId ?? ""), shortlistEntryId: null };
    const id = await writeCongruaOffer({ ctx, tx, actor, route }, candidateId, job, input);
    return congruaOfferView(tx, id);
  });
}

/**
 * Evaluates the offer for the person on the day it was made and stores it with its verdict, the whole
 * evaluation and the rule-set versions, outcome "in attesa"; the caller holds the transaction.
 */
export async function writeCongruaOffer(scope: OperatorScope, candidateId: string, job: OfferedJob, made: OfferMade): Promise<string> {
  const { tx, actor, route } = scope;
  const candidate = await findCandidate(tx, candidateId);
  assertAllowed(canReadCandidate(actor, candidate));
  const day = isoDay(made.offeredAt);
  let terms: OfferTerms;
  let offerFacts: VacancyFacts;
  if ("vacancy" in job) {
    await assertVacancyOpenOn(tx, job.vacancy, day);
    terms = termsOfVacancy(job.vacancy);
    offerFacts = vacancyFacts(job.vacancy);
  } else {
    terms = termsOfExternalOffer(job.external, job.workplace);
    offerFacts = externalOfferFacts(terms, job.workplace, candidate.cpiCode, day);
  }
  const { congrua, ruleSetVersions } = evaluateOfferCongrua(offerFacts, candidateFacts(candidate), made.offeredAt);
  const vacancyId = "vacancy" in job ? job.vacancy.id : null;
  const offer = await tx.congruaOffer.create({
    data: {
      candidateId,
      cpiCode: candidate.cpiCode,
      vacancyId,
      shortlistEntryId: "vacancy" in job ? job.shortlistEntryId : null,
      terms: terms as object,
      offeredAt: made.offeredAt,
      channel: made.channel,
      offerNumber: made.offerNumber ?? null,
      verdict: congrua.verdict,
      evaluation: congrua as object,
      ruleSetVersions: ruleSetVersions as object[],
      outcome: "in_attesa",
      createdById: recordedUserId(actor),
    },
  });
  await tx.congruaOfferOutcomeChange.create({ data: { offerId: offer.id, fromState: null, toState: "in_attesa", byUserId: recordedUserId(actor) } });
  await recordAudit(tx, actor, "update", "candidate", [candidateId], route);
  await appendEvents(scope, [
    { type: "congrua_offer.recorded", entityType: "congrua_offer", entityId: offer.id, payload: { candidateId, vacancyId, verdict: congrua.verdict } },
  ]);
  return offer.id;
}

/** A vacancy named in the body: unknown is a 422 naming the field, as for every reference. */
async function vacancyReference(tx: EventScope["tx"], id: string): Promise<VacancyRecord> {
  const vacancy = await tx.vacancy.findUnique({ where: { id }, include: vacancyInclude });
  if (!vacancy) throw new AppError("UNKNOWN_REFERENCE", "Riferimenti non trovati: controllare i campi indicati.", [{ field: "vacancyId", message: "Offerta sconosciuta" }]);
  return vacancy;
}

/** An offer is made while the vacancy is in the showcase: not before it arrived, not after it closed. */
async function assertVacancyOpenOn(tx: EventScope["tx"], vacancy: VacancyRecord, day: string): Promise<void> {
  const arrival = isoDay(vacancy.arrivalDate);
  if (day < arrival) {
    throw new AppError("VALIDATION_FAILED", "Dati non validi: correggere i campi indicati.", [
      { field: "offeredAt", message: `La data dell'offerta precede l'arrivo dell'offerta in vetrina (${italianDay(arrival)})` },
    ]);
  }
  if (!CLOSED_STATUSES.includes(vacancy.status as VacancyStatus)) return;
  const closing = await tx.vacancyStatusChange.findFirst({ where: { vacancyId: vacancy.id, toState: { in: [...CLOSED_STATUSES] } }, orderBy: { at: "desc" } });
  const closedOn = dayOf(closing?.at ?? vacancy.updatedAt);
  if (day > closedOn) {
    throw new AppError(
      "VACANCY_CLOSED",
      `L'offerta è chiusa («${VACANCY_STATUS_LABELS[vacancy.status as VacancyStatus]}») dal ${italianDay(closedOn)}: non può essere stata proposta dopo. Un'offerta esterna alla vetrina si registra con le sue condizioni (terms).`,
      [{ field: "offeredAt", message: `Offerta chiusa il ${italianDay(closedOn)}` }],
    );
  }
}

async function resolveWorkplace(ctx: AppContext, text: string): Promise<Comune> {
  const found = await new ComuneResolver(ctx.db).resolve(text);
  if ("comune" in found) return found.comune;
  throw new AppError("UNKNOWN_REFERENCE", "Riferimenti non trovati: controllare i campi indicati.", [{ field: "terms.workplaceComune", message: found.error }]);
}
