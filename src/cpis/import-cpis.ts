import type { Actor } from "../auth/actor.js";
import { assertAllowed, requireRole } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import type { Comune } from "../generated/prisma/client.js";
import { writeWhileBusy } from "../imports/busy-retry.js";
import { cellText, splitList } from "../imports/cell-values.js";
import { ROW, RowIssues, problemsFromError, rowReport, type RowReport } from "../imports/import-report.js";
import { ComuneResolver } from "../imports/reference-resolvers.js";
import { importNow, type ImportDefinition, type ImportFile, type ImportOptions, type ImportResult } from "../imports/run-import.js";
import type { TableRow } from "../imports/table-columns.js";
import { email, shortText } from "../validation/common-schemas.js";
import { CPI_COLUMNS, CPI_HEADER, type CpiColumn } from "./cpi-columns.js";
import { replaceCatchment } from "./cpi-repository.js";
import { newCpiCode } from "./cpi-schemas.js";

/**
 * Imports a region's CPI list, row by row (a region has tens of centres, not thousands): each row
 * creates or updates its CPI and, when "Bacino" is filled in, makes those comuni its whole catchment.
 * Idempotent: the same file again changes nothing and reports every row unchanged. Admin only.
 */

interface CpiRow {
  code: string;
  name: string;
  comune: Comune;
  address: string | null;
  email: string | null;
  /** Undefined: the cell was empty, the stored catchment stays. */
  catchment: Comune[] | undefined;
}

/** "Bologna" alone may name comuni of several provinces: the row's province decides first. */
async function resolveIn(comuni: ComuneResolver, text: string, province: string | undefined) {
  if (province && !/\(\s*[A-Za-z]{2}\s*\)$/.test(text) && !/^\d+$/.test(text)) {
    const inProvince = await comuni.resolve(`${text} (${province})`);
    if ("comune" in inProvince) return inProvince;
  }
  return comuni.resolve(text);
}

async function mapRow(get: TableRow<CpiColumn>["get"], comuni: ComuneResolver, issues: RowIssues): Promise<CpiRow | undefined> {
  const text = (key: CpiColumn) => cellText(get(key));
  const parse = <T>(column: CpiColumn, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: string | undefined) => {
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    issues.error(CPI_HEADER[column], parsed.error.issues[0]!.message);
    return undefined;
  };
  for (const key of ["code", "name", "comune"] as const) if (text(key) === undefined) issues.error(CPI_HEADER[key], "Campo obbligatorio");
  const code = parse("code", newCpiCode, text("code"));
  const name = parse("name", shortText, text("name"));
  const address = parse("address", shortText, text("address")) ?? null;
  const mail = parse("email", email, text("email")?.replace(/^mailto:/i, "").toLowerCase()) ?? null;
  const province = text("province")?.toUpperCase();
  if (province !== undefined && !/^[A-Z]{2}$/.test(province)) issues.error(CPI_HEADER.province, `Sigla di provincia non valida «${province}»: due lettere (es. BO)`);

  let seat: Comune | undefined;
  const seatText = text("comune");
  if (seatText !== undefined) {
    const found = await resolveIn(comuni, seatText, province);
    if ("comune" in found) seat = found.comune;
    else issues.error(CPI_HEADER.comune, found.error);
  }
  if (seat && province && seat.provinceAcronym !== province) {
    issues.error(CPI_HEADER.province, `Il comune della sede, ${seat.name}, è in provincia di ${seat.provinceAcronym}, non ${province}`);
  }

  let catchment: Comune[] | undefined;
  const items = splitList(text("catchment"));
  if (items.length > 0) {
    catchment = [];
    const unknown: string[] = [];
    for (const item of items) {
      const found = await resolveIn(comuni, item, province ?? seat?.provinceAcronym);
      if ("comune" in found) catchment.push(found.comune);
      else unknown.push(`«${item}» (${found.error})`);
    }
    if (unknown.length > 0) issues.error(CPI_HEADER.catchment, `Comuni non riconosciuti: ${unknown.join("; ")}`);
  }
  if (!issues.ok || !code || !name || !seat) return undefined;
  return { code, name, comune: seat, address, email: mail, catchment };
}

export const cpisImport: ImportDefinition<CpiColumn> = {
  kind: "import-cpis",
  columns: CPI_COLUMNS,
  chunkSize: 20,
  prepare: async (ctx, actor, opts) => {
    assertAllowed(requireRole(actor, ["admin"]));
    const comuni = new ComuneResolver(ctx.db);
    const firstRowOfCode = new Map<string, number>();
    const firstRowOfComune = new Map<string, number>();
    return async (rows) => {
      const reports: RowReport[] = [];
      for (const { rowNumber, get } of rows) {
        const issues = new RowIssues();
        const row = await mapRow(get, comuni, issues);
        const label = [cellText(get("code")), cellText(get("name"))].filter(Boolean).join(" – ");
        if (row) {
          const first = firstRowOfCode.get(row.code);
          if (first !== undefined) issues.error(CPI_HEADER.code, `Codice già presente alla riga ${first} del file`);
          const twice = (row.catchment ?? []).filter((c) => firstRowOfComune.has(c.istatCode));
          if (twice.length > 0) {
            issues.error(CPI_HEADER.catchment, `Comuni già nel bacino di un'altra riga: ${twice.map((c) => `${c.name} (riga ${firstRowOfComune.get(c.istatCode)})`).join(", ")}`);
          }
        }
        if (!row || !issues.ok) {
          reports.push(rowReport(rowNumber, "rejected", { label, errors: issues.errors, warnings: issues.warnings }));
          continue;
        }
        firstRowOfCode.set(row.code, rowNumber);
        for (const c of row.catchment ?? []) firstRowOfComune.set(c.istatCode, rowNumber);
        reports.push(await writeWhileBusy([rowNumber], () => writeRow(ctx, row, rowNumber, label, issues, opts)));
      }
      return reports;
    };
  },
};

async function writeRow(ctx: AppContext, row: CpiRow, rowNumber: number, label: string, issues: RowIssues, opts: ImportOptions): Promise<RowReport> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      const fields = { name: row.name, comuneIstatCode: row.comune.istatCode, provinceAcronym: row.comune.provinceAcronym, address: row.address, email: row.email, provisional: false };
      const stored = await tx.cpi.findUnique({ where: { code: row.code }, include: { catchment: { select: { comuneIstatCode: true } } } });
      const wanted = row.catchment?.map((c) => c.istatCode);
      const sameFields = stored && (Object.keys(fields) as (keyof typeof fields)[]).every((k) => stored[k] === fields[k]);
      const storedCatchment = new Set(stored?.catchment.map((c) => c.comuneIstatCode));
      const sameCatchment = wanted === undefined || (storedCatchment.size === new Set(wanted).size && wanted.every((c) => storedCatchment.has(c)));
      if (stored?.closedAt) issues.warn(CPI_HEADER.code, "CPI chiuso: aggiornato, resta chiuso");
      const outcome = !stored ? "created" : sameFields && sameCatchment ? "unchanged" : "updated";
      if (outcome === "unchanged" || opts.dryRun) return rowReport(rowNumber, outcome, { id: row.code, label, warnings: issues.warnings });
      if (stored) await tx.cpi.update({ where: { code: row.code }, data: fields });
      else await tx.cpi.create({ data: { code: row.code, ...fields } });
      if (wanted) {
        const moved = await replaceCatchment(tx, row.code, wanted);
        if (moved.length > 0) issues.warn(CPI_HEADER.catchment, `Comuni tolti al bacino di un altro CPI: ${moved.map((m) => `${m.istatCode} (da ${m.fromCpiCode})`).join(", ")}`);
      }
      return rowReport(rowNumber, outcome, { id: row.code, label, warnings: issues.warnings });
    });
  } catch (err) {
    return rowReport(rowNumber, "rejected", { label, errors: problemsFromError(err, () => ROW), warnings: issues.warnings });
  }
}

export function importCpis(ctx: AppContext, actor: Actor, file: ImportFile, opts: ImportOptions): Promise<ImportResult> {
  return importNow(ctx, actor, cpisImport, file, opts);
}
