import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { insertRows } from "../db/insert-rows.js";
import { appendEvents } from "../events/append-events.js";
import type { ScopeWithDocuments } from "../indexing/embedded-index-sync.js";
import type { SearchDocument } from "../indexing/search-index.js";
import type { Candidate, CandidateProgramme, Comune, Cpi, Training, WorkExperience } from "../generated/prisma/client.js";
import type { CandidateRecord } from "./candidate-repository.js";
import { candidateSearchDocument } from "./candidate-search-document.js";
import type { CandidateCreateInput } from "./candidate-schemas.js";

/** The record a validated input becomes, exactly as findCandidate would read it back (lists in its order). */
export function candidateRecordOf(id: string, input: CandidateCreateInput, at: Date, domicile: Comune, cpi: Cpi): CandidateRecord {
  const row: Candidate = {
    id,
    taxCode: input.taxCode,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    domicileIstatCode: input.domicileIstatCode,
    cpiCode: cpi.code,
    availabilityDeclaredAt: input.availabilityDeclaredAt ?? null,
    declaredProfiles: input.declaredProfiles,
    competences: input.competences,
    languages: input.languages,
    drivingLicences: input.drivingLicences,
    educationLevel: input.educationLevel ?? null,
    maxTravelKm: input.maxTravelKm ?? null,
    maxTravelMinutes: input.maxTravelMinutes ?? null,
    householdHasChildrenUnder14: input.householdHasChildrenUnder14 ?? null,
    householdHasDisabledMember: input.householdHasDisabledMember ?? null,
    lastContractHoursPerWeek: input.lastContractHoursPerWeek ?? null,
    availability: input.availability,
    shareContactsConsent: input.shareContactsConsent,
    tutorId: input.tutorId ?? null,
    createdAt: at,
    updatedAt: at,
  };
  const programmes: CandidateProgramme[] = input.programmes
    .map((p, n) => ({ id: `${id}p${n}`, candidateId: id, programme: p.programme, startDate: p.startDate, endDate: p.endDate ?? null, monthlyAmount: p.monthlyAmount ?? null }))
    .sort((a, b) => a.startDate.getTime() - b.startDate.getTime());
  const experiences: WorkExperience[] = input.experiences
    .map((e, n) => ({ id: `${id}e${n}`, candidateId: id, profileTitle: e.profileTitle, profileCode: e.profileCode ?? null, sector: e.sector ?? null, fromDate: e.fromDate, toDate: e.toDate ?? null }))
    .sort((a, b) => b.fromDate.getTime() - a.fromDate.getTime());
  const trainings: Training[] = input.trainings.map((t, n) => ({ id: `${id}t${n}`, candidateId: id, title: t.title, completedAt: t.completedAt ?? null, hours: t.hours ?? null }));
  return { ...row, domicile, cpi, programmes, experiences, trainings };
}

/** Who writes a bulk insert: the system (demo data) unless an import says which user runs it. */
export interface BulkSource {
  actor: Actor | null;
  route: string;
}

/**
 * Bulk path for new people (demo data, imports): multi-row inserts per table and one `candidate.registered`
 * per person (whose handlers index them), in the caller's transaction. References and scope are the caller's
 * to have checked. The records are what the store now holds, so their search documents are handed to the
 * index handler rather than read back: built here, or given by a caller that built them before opening its
 * transaction (so the write lock is held for the writes alone).
 */
export async function insertCandidates(
  ctx: AppContext,
  tx: DbTx,
  records: CandidateRecord[],
  source: BulkSource = { actor: null, route: "insert-candidates" },
  documents: ReadonlyMap<string, SearchDocument> = new Map(),
): Promise<void> {
  if (records.length === 0) return;
  await insertRows(tx, "Candidate", records.map(({ domicile: _d, cpi: _c, programmes: _p, experiences: _e, trainings: _t, ...row }) => row));
  await insertRows(tx, "CandidateProgramme", records.flatMap((r) => r.programmes));
  await insertRows(tx, "WorkExperience", records.flatMap((r) => r.experiences));
  await insertRows(tx, "Training", records.flatMap((r) => r.trainings));
  const byId = new Map(records.map((r) => [r.id, r]));
  const scope: ScopeWithDocuments = {
    ctx,
    tx,
    ...source,
    documentOf: (index, id) => {
      const record = index === "candidates" ? byId.get(id) : undefined;
      return record && (documents.get(id) ?? candidateSearchDocument(record));
    },
  };
  await appendEvents(
    scope,
    records.map((r) => ({ type: "candidate.registered" as const, entityType: "candidate" as const, entityId: r.id, payload: {} })),
  );
}
