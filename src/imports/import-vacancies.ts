import type { Actor } from "../auth/actor.js";
import { canWriteVacancy } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import { showcaseRowOf } from "../exports/showcase-row.js";
import { changeVacancyStatus } from "../vacancies/change-vacancy-status.js";
import { publishVacancy } from "../vacancies/publish-vacancy.js";
import { showcaseKey } from "../vacancies/showcase-key.js";
import { updateVacancy } from "../vacancies/update-vacancy.js";
import { toVacancyView, vacancyInclude, type VacancyRecord } from "../vacancies/vacancy-repository.js";
import type { VacancyCreateInput, VacancyUpdateInput } from "../vacancies/vacancy-schemas.js";
import { allowedTransitions, canTransition, VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { isStoreBusy } from "../db/store-busy.js";
import { letOthersThrough } from "../jobs/let-others-through.js";
import { writeWhileBusy } from "./busy-retry.js";
import { problemsFromError, ROW, rowReport, type RowIssues, type RowReport } from "./import-report.js";
import { ComuneResolver, loadCpiResolver, loadEmployersByTaxCode } from "./reference-resolvers.js";
import { importNow, type ImportDefinition, type ImportFile, type ImportOptions, type ImportResult } from "./run-import.js";
import { SHOWCASE_COLUMNS, SHOWCASE_HEADER, type ShowcaseColumn } from "./showcase-columns.js";
import { mapShowcaseRow, showcaseColumnOf, type MappedShowcaseRow, type ShowcaseRowRefs } from "./showcase-row-mapping.js";

/**
 * Imports a showcase spreadsheet. Each row goes through the same use-cases as the API
 * (publishVacancy, updateVacancy, changeVacancyStatus), so validation, scope and audit are the API's.
 * The natural key (showcaseKey) finds a row already in the store:
 *   - not there: created, in the file's status;
 *   - there and the file says nothing new: unchanged (nothing written);
 *   - there and different: the differing fields are updated, then the status moves if the transition
 *     table allows it. An illegal jump rejects the row before anything is written.
 * The showcase is small (hundreds of rows), so one transaction per row costs nothing and keeps each
 * row all-or-nothing.
 */
export const vacanciesImport: ImportDefinition<ShowcaseColumn> = {
  kind: "import-vacancies",
  columns: SHOWCASE_COLUMNS,
  chunkSize: 50,
  prepare: async (ctx, actor, opts) => {
    const refs: ShowcaseRowRefs = {
      cpis: await loadCpiResolver(ctx.db),
      comuni: new ComuneResolver(ctx.db),
      employersByTaxCode: await loadEmployersByTaxCode(ctx.db),
    };
    const firstRowOfKey = new Map<string, number>();
    return async (rows) => {
      const reports: RowReport[] = [];
      for (const row of rows) {
        reports.push(await importRow(ctx, actor, row.rowNumber, row.get, refs, firstRowOfKey, opts));
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

const rejectedRow = (rowNumber: number, row: MappedShowcaseRow, issues: RowIssues, column: string, message: string) =>
  rowReport(rowNumber, "rejected", { label: row.label, errors: [{ column, message }], warnings: issues.warnings });

async function importRow(
  ctx: AppContext,
  actor: Actor,
  rowNumber: number,
  get: Parameters<typeof mapShowcaseRow>[0],
  refs: ShowcaseRowRefs,
  firstRowOfKey: Map<string, number>,
  opts: ImportOptions,
): Promise<RowReport> {
  const mapped = await mapShowcaseRow(get, refs);
  if (!mapped.ok) return rowReport(rowNumber, "rejected", { label: mapped.label, errors: mapped.issues.errors, warnings: mapped.issues.warnings });
  const { row, issues } = mapped;
  const reject = (column: string, message: string) => rejectedRow(rowNumber, row, issues, column, message);

  const scope = canWriteVacancy(actor, row.input.cpiCode);
  if (scope) return reject(SHOWCASE_HEADER.cpi, scope);

  const key = showcaseKey({ ...row.input, arrivalDate: row.input.arrivalDate! });
  const first = firstRowOfKey.get(key);
  if (first !== undefined) return reject(ROW, `Offerta ripetuta: stessa azienda, CPI, profilo e data di arrivo della riga ${first}`);
  firstRowOfKey.set(key, rowNumber);
  // Repeatable: a row whose write met a busy store is read and compared again before a new attempt.
  return writeWhileBusy([rowNumber], () => writeRow(ctx, actor, rowNumber, key, mapped.row, issues, refs, opts));
}

async function writeRow(
  ctx: AppContext,
  actor: Actor,
  rowNumber: number,
  key: string,
  row: MappedShowcaseRow,
  issues: RowIssues,
  refs: ShowcaseRowRefs,
  opts: ImportOptions,
): Promise<RowReport> {
  const reject = (column: string, message: string) => rejectedRow(rowNumber, row, issues, column, message);
  try {
    const existing = await ctx.db.vacancy.findUnique({ where: { showcaseKey: key }, include: vacancyInclude });
    if (!existing) {
      const warnings = row.workplaceFromCpi ? [...issues.warnings, { column: SHOWCASE_HEADER.cpi, message: WORKPLACE_FROM_CPI }] : issues.warnings;
      const id = opts.dryRun
        ? undefined
        : (await publishVacancy(ctx, actor, row.input, { status: row.status ?? "open", route: opts.route })).id;
      return rowReport(rowNumber, "created", { id, label: row.label, warnings });
    }

    const current = existing.status as VacancyStatus;
    const target = row.status !== undefined && row.status !== current ? row.status : undefined;
    if (target && !canTransition(current, target)) {
      const allowed = allowedTransitions(current).map((s) => VACANCY_STATUS_LABELS[s]);
      return reject(
        SHOWCASE_HEADER.status,
        `Passaggio di stato non ammesso: da «${VACANCY_STATUS_LABELS[current]}» a «${VACANCY_STATUS_LABELS[target]}»` +
          (allowed.length ? ` (ammessi: ${allowed.join(", ")})` : " (l'offerta è chiusa)"),
      );
    }
    const changes = await changedFields(existing, row, refs);
    if (!changes && !target) return rowReport(rowNumber, "unchanged", { id: existing.id, label: row.label, warnings: issues.warnings });
    if (!opts.dryRun) {
      if (changes) await updateVacancy(ctx, actor, existing.id, changes, opts.route);
      if (target) await changeVacancyStatus(ctx, actor, existing.id, target, "Importazione vetrina", opts.route);
    }
    return rowReport(rowNumber, "updated", { id: existing.id, label: row.label, warnings: issues.warnings });
  } catch (err) {
    if (!isStoreBusy(err) && (!(err instanceof Error) || !("code" in err))) ctx.log.error({ err, row: rowNumber }, "importazione vetrina: riga non scritta");
    return rowReport(rowNumber, "rejected", { label: row.label, errors: problemsFromError(err, showcaseColumnOf), warnings: issues.warnings });
  }
}

/**
 * The fields the file would change. The stored vacancy is mapped through its own showcase row, the
 * way the export writes it, so both sides go through the same rules (CPI's comune as workplace, the
 * contract's derived terms…) and only what the file really says differently counts. Fields the file
 * does not carry (an empty cell, a missing column) are left alone.
 */
async function changedFields(existing: VacancyRecord, row: MappedShowcaseRow, refs: ShowcaseRowRefs): Promise<VacancyUpdateInput | undefined> {
  const asRow = showcaseRowOf(toVacancyView(existing));
  const stored = await mapShowcaseRow((key) => asRow[key], refs);
  const storedInput: Partial<VacancyCreateInput> = stored.ok ? stored.row.input : {};
  const changes: Record<string, unknown> = {};
  for (const key of row.provided) {
    const next = row.input[key];
    if (next !== undefined && JSON.stringify(next) !== JSON.stringify(storedInput[key])) changes[key] = next;
  }
  return Object.keys(changes).length ? (changes as VacancyUpdateInput) : undefined;
}
