import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor.js";
import { canReadCandidate, canWriteCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { candidateInclude, type CandidateRecord } from "../candidates/candidate-repository.js";
import type { CandidateCreateInput, CandidateUpdateInput } from "../candidates/candidate-schemas.js";
import { candidateWriteData } from "../candidates/candidate-write-data.js";
import { candidateChangedFields } from "../candidates/candidate-changes.js";
import { appendEvents } from "../events/append-events.js";
import type { DomainEventInput } from "../events/domain-events.js";
import { candidateRecordOf, insertCandidates } from "../candidates/insert-candidates.js";
import { candidateSearchDocument } from "../candidates/candidate-search-document.js";
import type { Cpi } from "../generated/prisma/client.js";
import type { SearchDocument } from "../indexing/search-index.js";
import { registerCandidate } from "../candidates/register-candidate.js";
import { updateCandidate } from "../candidates/update-candidate.js";
import { isStoreBusy } from "../db/store-busy.js";
import { letOthersThrough } from "../jobs/let-others-through.js";
import { writeWhileBusy } from "./busy-retry.js";
import { CANDIDATE_COLUMNS, CANDIDATE_HEADER, type CandidateColumn } from "./candidate-columns.js";
import { candidateColumnOf, mapCandidateRow, type CandidateRowRefs, type MappedCandidateRow } from "./candidate-row-mapping.js";
import { problemsFromError, rowReport, type RowReport } from "./import-report.js";
import { ComuneResolver, loadCpiResolver, loadTutors } from "./reference-resolvers.js";
import { CpiDirectory } from "../cpis/competent-cpi.js";
import { importNow, type ImportDefinition, type ImportFile, type ImportOptions, type ImportResult } from "./run-import.js";

/**
 * Imports job seekers, one person per tax code: unknown → created, known and identical → unchanged,
 * known and different → the fields the file gives are updated.
 *
 * Files run to 100,000 people, so rows are written in chunks: each chunk is checked first (schema,
 * references resolved once into maps, scope, the stored people fetched in one query), its new people's
 * records and search documents are built, then it is written in one transaction with its search-index
 * entries and audit rows, the same writes registerCandidate and updateCandidate make. Should a chunk's transaction fail anyway, it is rolled back whole and its rows
 * are replayed one by one through registerCandidate / updateCandidate, so each row still gets its own
 * verdict and no row is ever half-written. A store too busy to write is no verdict on the rows: the
 * chunk is written again after a pause (busy-retry.ts).
 */

// Large enough that per-transaction costs (the FTS flush at commit, the stored people read) are spread
// thin; small enough that the write lock and the event loop are freed every few hundred milliseconds.
const CHUNK = 500;
const CHUNK_TX_TIMEOUT_MS = 120_000;

interface Prepared {
  rowNumber: number;
  row: MappedCandidateRow;
  warnings: RowReport["warnings"];
}

export const candidatesImport: ImportDefinition<CandidateColumn> = {
  kind: "import-candidates",
  columns: CANDIDATE_COLUMNS,
  chunkSize: CHUNK,
  prepare: async (ctx, actor, opts) => {
    const tutors = await loadTutors(ctx.db);
    const refs: CandidateRowRefs = { cpis: await loadCpiResolver(ctx.db), comuni: new ComuneResolver(ctx.db), tutorsByKey: tutors.byKey, directory: await CpiDirectory.load(ctx.db) };
    const cpiRows = new Map((await ctx.db.cpi.findMany()).map((c) => [c.code, c]));
    const firstRowOfTaxCode = new Map<string, number>();
    return async (rows) => {
      const reports: RowReport[] = [];
      const prepared: Prepared[] = [];
      for (const { rowNumber, get } of rows) {
        await letOthersThrough();
        const mapped = await mapCandidateRow(get, refs);
        const warnings = mapped.issues.warnings;
        if (!mapped.ok) {
          reports.push(rowReport(rowNumber, "rejected", { label: mapped.label, errors: mapped.issues.errors, warnings }));
          continue;
        }
        const { input, label } = mapped.row;
        const scope = canWriteCandidate(actor, input.cpiCode);
        const first = firstRowOfTaxCode.get(input.taxCode);
        if (scope || first !== undefined) {
          const error = scope
            ? { column: CANDIDATE_HEADER.cpi, message: scope }
            : { column: CANDIDATE_HEADER.taxCode, message: `Codice fiscale già presente alla riga ${first} del file` };
          reports.push(rowReport(rowNumber, "rejected", { label, errors: [error], warnings }));
          continue;
        }
        firstRowOfTaxCode.set(input.taxCode, rowNumber);
        prepared.push({ rowNumber, row: mapped.row, warnings });
      }
      if (prepared.length > 0) {
        reports.push(...(await writeWhileBusy(prepared.map((p) => p.rowNumber), () => importChunk(ctx, actor, prepared, opts, refs.directory, cpiRows))));
      }
      return reports.sort((a, b) => a.row - b.row);
    };
  },
};

export function importCandidates(ctx: AppContext, actor: Actor, file: ImportFile, opts: ImportOptions): Promise<ImportResult> {
  return importNow(ctx, actor, candidatesImport, file, opts);
}

type Plan =
  | { kind: "create"; p: Prepared }
  | { kind: "update"; p: Prepared; current: CandidateRecord; changes: CandidateUpdateInput }
  | { kind: "done"; report: RowReport };

/** Safe to repeat after a busy store: the stored people are read again and a failed chunk wrote nothing. */
async function importChunk(
  ctx: AppContext,
  actor: Actor,
  prepared: Prepared[],
  opts: ImportOptions,
  directory: CpiDirectory,
  cpiRows: ReadonlyMap<string, Cpi>,
): Promise<RowReport[]> {
  const stored = await ctx.db.candidate.findMany({ where: { taxCode: { in: prepared.map((p) => p.row.input.taxCode) } }, include: candidateInclude });
  const byTaxCode = new Map(stored.map((c) => [c.taxCode, c]));
  const plans: Plan[] = prepared.map((p): Plan => {
    const current = byTaxCode.get(p.row.input.taxCode);
    if (!current) {
      // A closed CPI keeps its people but takes no new ones.
      const closed = directory.closedError(p.row.input.cpiCode);
      if (!closed) return { kind: "create", p };
      return { kind: "done", report: rowReport(p.rowNumber, "rejected", { label: p.row.label, warnings: p.warnings, errors: [{ column: CANDIDATE_HEADER.cpi, message: closed.fields[0]!.message }] }) };
    }
    const base = { id: current.id, label: p.row.label, warnings: p.warnings };
    // The same two checks as updateCandidate: the stored person must be the actor's to change.
    const scope = canReadCandidate(actor, current) ?? canWriteCandidate(actor, current.cpiCode);
    if (scope) return { kind: "done", report: rowReport(p.rowNumber, "rejected", { ...base, errors: [{ column: CANDIDATE_HEADER.cpi, message: scope }] }) };
    const changes = changedFields(current, p.row);
    if (!changes) return { kind: "done", report: rowReport(p.rowNumber, "unchanged", base) };
    return { kind: "update", p, current, changes };
  });
  if (opts.dryRun) return plans.map((plan) => planReport(plan));
  const people = await newPeople(plans, cpiRows);
  try {
    return await writeChunk(ctx, actor, plans, opts.route, people);
  } catch (err) {
    if (isStoreBusy(err)) throw err;
    ctx.log.warn({ err }, "importazione persone: blocco annullato, righe riprovate una per una");
    // One after the other: SQLite has one writer, concurrent transactions would only queue or time out.
    const reports: RowReport[] = [];
    for (const plan of plans) reports.push(await writeOne(ctx, actor, plan, opts.route));
    return reports;
  }
}

interface NewPerson {
  record: CandidateRecord;
  document: SearchDocument;
}

/** The new people's records and search documents, built before the transaction opens, yielding as it goes. */
async function newPeople(plans: Plan[], cpiRows: ReadonlyMap<string, Cpi>): Promise<Map<Plan, NewPerson>> {
  const now = new Date();
  const people = new Map<Plan, NewPerson>();
  for (const plan of plans) {
    if (plan.kind !== "create") continue;
    await letOthersThrough();
    const { input, domicile } = plan.p.row;
    const record = candidateRecordOf(randomUUID(), input, now, domicile, cpiRows.get(input.cpiCode)!);
    people.set(plan, { record, document: candidateSearchDocument(record) });
  }
  return people;
}

function planReport(plan: Plan, id?: string): RowReport {
  if (plan.kind === "done") return plan.report;
  const { rowNumber, row, warnings } = plan.p;
  const outcome = plan.kind === "create" ? "created" : "updated";
  return rowReport(rowNumber, outcome, { id: id ?? (plan.kind === "update" ? plan.current.id : undefined), label: row.label, warnings });
}

/**
 * The chunk in one transaction: rows, index entries and audit together. New people go in through the
 * bulk insert the demo data also uses (one multi-row insert per table: per-row nested creates are what
 * makes 100,000 rows slow); updates, rarer, go row by row with the use-case's write data.
 */
async function writeChunk(ctx: AppContext, actor: Actor, plans: Plan[], route: string, people: ReadonlyMap<Plan, NewPerson>): Promise<RowReport[]> {
  return ctx.db.$transaction(
    async (tx) => {
      const ids = new Map([...people].map(([plan, { record }]) => [plan, record.id]));
      const fresh = [...people.values()];
      await insertCandidates(ctx, tx, fresh.map((n) => n.record), { actor, route }, new Map(fresh.map((n) => [n.record.id, n.document])));
      const changed: DomainEventInput[] = [];
      for (const plan of plans) {
        if (plan.kind !== "update") continue;
        await tx.candidate.update({ where: { id: plan.current.id }, data: candidateWriteData(plan.changes, true) as never, select: { id: true } });
        ids.set(plan, plan.current.id);
        const fields = candidateChangedFields(plan.current, plan.changes);
        if (fields.length > 0) changed.push({ type: "candidate.changed", entityType: "candidate", entityId: plan.current.id, payload: { fields } });
      }
      await appendEvents({ ctx, tx, actor, route }, changed);
      const idsOf = (kind: Plan["kind"]) => plans.filter((p) => p.kind === kind).map((p) => ids.get(p)!);
      await recordAudit(tx, actor, "create", "candidate", idsOf("create"), route);
      await recordAudit(tx, actor, "update", "candidate", idsOf("update"), route);
      return plans.map((plan) => planReport(plan, ids.get(plan)));
    },
    { timeout: CHUNK_TX_TIMEOUT_MS },
  );
}

/** The slow, exact path: one row through the API's own use-case. */
async function writeOne(ctx: AppContext, actor: Actor, plan: Plan, route: string): Promise<RowReport> {
  if (plan.kind === "done") return plan.report;
  try {
    const id =
      plan.kind === "create"
        ? (await registerCandidate(ctx, actor, plan.p.row.input, route)).id
        : (await updateCandidate(ctx, actor, plan.current.id, plan.changes, route)).id;
    return planReport(plan, id);
  } catch (err) {
    const { rowNumber, row, warnings } = plan.p;
    return rowReport(rowNumber, "rejected", { label: row.label, errors: problemsFromError(err, candidateColumnOf), warnings });
  }
}

/**
 * The stored person in the create schema's shape, compared field by field with what the file gives.
 * Lists are compared as sets: the store keeps programmes by start date and experiences newest first.
 */
function storedInput(c: CandidateRecord): Record<keyof CandidateCreateInput, unknown> {
  return {
    taxCode: c.taxCode,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    domicileIstatCode: c.domicileIstatCode,
    cpiCode: c.cpiCode,
    availabilityDeclaredAt: c.availabilityDeclaredAt,
    declaredProfiles: c.declaredProfiles,
    competences: c.competences,
    languages: c.languages,
    drivingLicences: c.drivingLicences,
    educationLevel: c.educationLevel,
    maxTravelKm: c.maxTravelKm,
    maxTravelMinutes: c.maxTravelMinutes,
    householdHasChildrenUnder14: c.householdHasChildrenUnder14,
    householdHasDisabledMember: c.householdHasDisabledMember,
    lastContractHoursPerWeek: c.lastContractHoursPerWeek,
    availability: c.availability,
    shareContactsConsent: c.shareContactsConsent,
    tutorId: c.tutorId,
    programmes: c.programmes.map((p) => ({ programme: p.programme, startDate: p.startDate, endDate: p.endDate, monthlyAmount: p.monthlyAmount })),
    experiences: c.experiences.map((e) => ({ profileTitle: e.profileTitle, profileCode: e.profileCode, sector: e.sector, fromDate: e.fromDate, toDate: e.toDate })),
    trainings: c.trainings.map((t) => ({ title: t.title, completedAt: t.completedAt, hours: t.hours })),
  };
}

const SET_FIELDS = new Set(["programmes", "experiences", "trainings"]);

/** JSON with nulls dropped (the store's null is the file's empty cell) and dates as days. */
function canonical(value: unknown, asSet: boolean): string {
  const norm = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== null && x !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, norm(x)]),
      );
    }
    return v ?? null;
  };
  const n = norm(value);
  return JSON.stringify(asSet && Array.isArray(n) ? n.map((x) => JSON.stringify(x)).sort() : n);
}

function changedFields(current: CandidateRecord, row: MappedCandidateRow): CandidateUpdateInput | undefined {
  const stored = storedInput(current);
  const changes: Record<string, unknown> = {};
  for (const key of row.provided) {
    const next = row.input[key];
    if (next !== undefined && canonical(next, SET_FIELDS.has(key)) !== canonical(stored[key], SET_FIELDS.has(key))) changes[key] = next;
  }
  return Object.keys(changes).length ? (changes as CandidateUpdateInput) : undefined;
}
