import type { Actor } from "../auth/actor.js";
import { canWriteVacancy } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import { showcaseRowOf } from "../exports/showcase-row.js";
import { changeVacancyStatusAlong, invalidTransitionMessage, statusPath } from "../vacancies/change-vacancy-status.js";
import { publishVacancy } from "../vacancies/publish-vacancy.js";
import { showcaseKey } from "../vacancies/showcase-key.js";
import { updateVacancy } from "../vacancies/update-vacancy.js";
import { toVacancyView, vacancyInclude, type VacancyRecord } from "../vacancies/vacancy-repository.js";
import type { VacancyCreateInput, VacancyUpdateInput } from "../vacancies/vacancy-schemas.js";
import { VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { isStoreBusy } from "../db/store-busy.js";
import { letOthersThrough } from "../jobs/let-others-through.js";
import { writeWhileBusy } from "./busy-retry.js";
import { problemsFromError, ROW, rowReport, type RowIssues, type RowProblem, type RowReport } from "./import-report.js";
import { ComuneResolver, loadCpiResolver, loadEmployersByTaxCode } from "./reference-resolvers.js";
import { importNow, type ImportDefinition, type ImportFile, type ImportOptions, type ImportResult } from "./run-import.js";
import { SHOWCASE_ALL_COLUMNS, SHOWCASE_HEADER, type ShowcaseColumn } from "./showcase-columns.js";
import { mapShowcaseRow, showcaseColumnOf, type MappedShowcaseRow, type ShowcaseRowRefs } from "./showcase-row-mapping.js";
import type { TableRow } from "./table-columns.js";

/**
 * Imports a showcase spreadsheet. Each row goes through the same use-cases as the API
 * (publishVacancy, updateVacancy, changeVacancyStatusAlong), so validation, scope and audit are the API's.
 * A row is the offer of its «Id Vetrina» when the file has that column and the store that offer;
 * otherwise the offer of its natural key (showcaseKey: company, CPI, profile, arrival day):
 *   - none: created, in the file's status;
 *   - found and the file says nothing new: unchanged (nothing written);
 *   - found and different: the differing fields are updated (by the id, a corrected arrival date or
 *     profile too, instead of a second offer), then the status moves to the file's through the
 *     transition table, step by step, each step in the history with the import as its source. A status
 *     the table cannot reach rejects the row before anything is written.
 * An updated row says how it was recognised. The showcase is small (hundreds of rows), so one
 * transaction per row costs nothing and keeps each row all-or-nothing.
 */
export const vacanciesImport: ImportDefinition<ShowcaseColumn> = {
  kind: "import-vacancies",
  columns: SHOWCASE_ALL_COLUMNS,
  chunkSize: 50,
  prepare: async (ctx, actor, opts, runId) => {
    const refs: ShowcaseRowRefs = {
      cpis: await loadCpiResolver(ctx.db),
      comuni: new ComuneResolver(ctx.db),
      employersByTaxCode: await loadEmployersByTaxCode(ctx.db),
    };
    const seen: SeenRows = { byKey: new Map(), byId: new Map() };
    return async (rows) => {
      const reports: RowReport[] = [];
      for (const row of rows) {
        reports.push(await importRow(ctx, actor, row, refs, seen, { ...opts, runId }));
        await letOthersThrough();
      }
      return reports;
    };
  },
};

export function importVacancies(ctx: AppContext, actor: Actor, file: ImportFile, opts: ImportOptions): Promise<ImportResult> {
  return importNow(ctx, actor, vacanciesImport, file, opts);
}

const WORKPLACE_FROM_CPI = "Sede di lavoro assente in vetrina: usato il comune del CPI (indicare «sede: <comune>» nelle note per precisarla)";
const STATUS_REASON = "Importazione vetrina";

/** The first row of each key and of each «Id Vetrina»: the same offer twice in one file is refused. */
interface SeenRows {
  byKey: Map<string, number>;
  byId: Map<string, number>;
}

type RowOptions = ImportOptions & { runId: string };

const rejectedRow = (rowNumber: number, row: MappedShowcaseRow, issues: RowIssues, column: string, message: string) =>
  rowReport(rowNumber, "rejected", { label: row.label, errors: [{ column, message }], warnings: issues.warnings });

async function importRow(ctx: AppContext, actor: Actor, table: TableRow<ShowcaseColumn>, refs: ShowcaseRowRefs, seen: SeenRows, opts: RowOptions): Promise<RowReport> {
  const rowNumber = table.rowNumber;
  const mapped = await mapShowcaseRow(table.get, refs, table.has);
  if (!mapped.ok) return rowReport(rowNumber, "rejected", { label: mapped.label, errors: mapped.issues.errors, warnings: mapped.issues.warnings });
  const { row, issues } = mapped;
  const reject = (column: string, message: string) => rejectedRow(rowNumber, row, issues, column, message);

  const scope = canWriteVacancy(actor, row.input.cpiCode);
  if (scope) return reject(SHOWCASE_HEADER.cpi, scope);

  const key = showcaseKey(row.input);
  const firstOfId = row.vetrinaId === undefined ? undefined : seen.byId.get(row.vetrinaId);
  if (firstOfId !== undefined) return reject(SHOWCASE_HEADER.vetrinaId, `Offerta ripetuta: stesso Id Vetrina della riga ${firstOfId}`);
  const first = seen.byKey.get(key);
  if (first !== undefined) return reject(ROW, `Offerta ripetuta: stessa azienda, CPI, profilo e data di arrivo della riga ${first}`);
  seen.byKey.set(key, rowNumber);
  if (row.vetrinaId !== undefined) seen.byId.set(row.vetrinaId, rowNumber);
  // Repeatable: a row whose write met a busy store is read and compared again before a new attempt.
  return writeWhileBusy([rowNumber], () => writeRow(ctx, actor, rowNumber, key, row, issues, refs, table.has, opts));
}

/** The stored offer a row stands for, and how it was recognised (said in the report of an updated row). */
async function findExisting(ctx: AppContext, row: MappedShowcaseRow, key: string): Promise<{ vacancy: VacancyRecord; how: RowProblem } | undefined> {
  if (row.vetrinaId !== undefined) {
    const vacancy = await ctx.db.vacancy.findUnique({ where: { id: row.vetrinaId }, include: vacancyInclude });
    if (vacancy) return { vacancy, how: { column: SHOWCASE_HEADER.vetrinaId, message: `Offerta riconosciuta dall'Id Vetrina ${vacancy.id}` } };
  }
  const vacancy = await ctx.db.vacancy.findUnique({ where: { showcaseKey: key }, include: vacancyInclude });
  if (!vacancy) return undefined;
  return { vacancy, how: { column: ROW, message: `Offerta riconosciuta da azienda, CPI, profilo e data di arrivo: ${vacancy.id}` } };
}

async function writeRow(
  ctx: AppContext,
  actor: Actor,
  rowNumber: number,
  key: string,
  row: MappedShowcaseRow,
  issues: RowIssues,
  refs: ShowcaseRowRefs,
  has: (key: ShowcaseColumn) => boolean,
  opts: RowOptions,
): Promise<RowReport> {
  const reject = (column: string, message: string) => rejectedRow(rowNumber, row, issues, column, message);
  try {
    const found = await findExisting(ctx, row, key);
    if (!found) {
      const warnings = row.workplaceFromCpi ? [...issues.warnings, { column: SHOWCASE_HEADER.cpi, message: WORKPLACE_FROM_CPI }] : issues.warnings;
      const id = opts.dryRun
        ? undefined
        : (await publishVacancy(ctx, actor, row.input, { status: row.status ?? "open", route: opts.route })).id;
      return rowReport(rowNumber, "created", { id, label: row.label, warnings });
    }

    const { vacancy: existing, how } = found;
    const current = existing.status as VacancyStatus;
    const steps = row.status === undefined ? [] : statusPath(current, row.status);
    if (!steps) return reject(SHOWCASE_HEADER.status, invalidTransitionMessage(current, row.status!));
    const changes = await changedFields(existing, row, refs, has);
    if (!changes && steps.length === 0) return rowReport(rowNumber, "unchanged", { id: existing.id, label: row.label, warnings: issues.warnings });
    if (!opts.dryRun) {
      if (changes) await updateVacancy(ctx, actor, existing.id, changes, opts.route);
      if (steps.length) {
        await changeVacancyStatusAlong(ctx, actor, existing.id, steps, STATUS_REASON, opts.route, { source: "importazione", importRunId: opts.runId });
      }
    }
    const notes = [how, ...(steps.length > 1 ? [statusStepsNote(current, steps)] : [])];
    return rowReport(rowNumber, "updated", { id: existing.id, label: row.label, warnings: [...notes, ...issues.warnings] });
  } catch (err) {
    if (!isStoreBusy(err) && (!(err instanceof Error) || !("code" in err))) ctx.log.error({ err, row: rowNumber }, "importazione vetrina: riga non scritta");
    return rowReport(rowNumber, "rejected", { label: row.label, errors: problemsFromError(err, (field) => showcaseColumnOf(field, has)), warnings: issues.warnings });
  }
}

/** "Da «Aperta» a «Coperta» passando per «In preselezione», «Rosa inviata»": the steps the file did not name. */
function statusStepsNote(from: VacancyStatus, steps: readonly VacancyStatus[]): RowProblem {
  const label = (s: VacancyStatus) => `«${VACANCY_STATUS_LABELS[s]}»`;
  const through = steps.slice(0, -1).map(label).join(", ");
  return { column: SHOWCASE_HEADER.status, message: `Da ${label(from)} a ${label(steps.at(-1)!)} passando per ${through}, come vuole la sequenza degli stati` };
}

/**
 * The fields the file would change. The stored vacancy is mapped through its own showcase row, the
 * way the export writes it and with the columns this file has, so both sides go through the same rules
 * (CPI's comune as workplace, the contract's derived terms…) and only what the file really says
 * differently counts. Fields the file does not carry (an empty cell, a missing column) are left alone.
 */
async function changedFields(
  existing: VacancyRecord,
  row: MappedShowcaseRow,
  refs: ShowcaseRowRefs,
  has: (key: ShowcaseColumn) => boolean,
): Promise<VacancyUpdateInput | undefined> {
  const asRow = showcaseRowOf(toVacancyView(existing));
  const stored = await mapShowcaseRow((key) => asRow[key], refs, has);
  const storedInput: Partial<VacancyCreateInput> = stored.ok ? stored.row.input : {};
  const changes: Record<string, unknown> = {};
  for (const key of row.provided) {
    const next = row.input[key];
    if (next !== undefined && JSON.stringify(next) !== JSON.stringify(storedInput[key])) changes[key] = next;
  }
  // The one field a sheet may empty, as the API may: a duration cleared in Vetrina's column (the offer became permanent).
  if (has("contractMonths") && row.input.contractMonths === undefined && existing.contractMonths !== null) changes.contractMonths = null;
  return Object.keys(changes).length ? (changes as VacancyUpdateInput) : undefined;
}
