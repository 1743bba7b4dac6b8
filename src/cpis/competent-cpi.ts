import type { DbTx } from "../db/client.js";
import { AppError } from "../errors/app-error.js";

/**
 * Which CPI is competent for a person or an offer: the one named, if open; otherwise the one whose
 * catchment ("bacino") holds the comune. Every refusal names the field to fix and says why, in Italian.
 */

export interface CpiState {
  code: string;
  name: string;
  closedAt: Date | null;
}

const dayOf = (d: Date) => d.toLocaleDateString("it-IT", { timeZone: "Europe/Rome" });

/** A closed CPI keeps its records but takes no new people or offers. */
export function closedCpiError(cpi: CpiState, field = "cpiCode"): AppError {
  const message = `Il CPI ${cpi.code} (${cpi.name}) è chiuso dal ${dayOf(cpi.closedAt!)}: non accoglie nuove persone né nuove offerte`;
  return new AppError("CONFLICT", `${message}.`, [{ field, message }]);
}

export function unservedComuneError(comune: { istatCode: string; name: string; provinceAcronym: string }, field: string): AppError {
  const message =
    `Nessun CPI caricato serve il comune di ${comune.name} (${comune.provinceAcronym}, ${comune.istatCode}): ` +
    "indicare il CPI (cpiCode) oppure aggiungere il comune al bacino di un CPI";
  return new AppError("UNKNOWN_REFERENCE", `${message}.`, [{ field, message }]);
}

/** The CPI serving a comune, or null when no loaded catchment holds it. */
export async function cpiServingComune(db: DbTx, istatCode: string): Promise<CpiState | null> {
  const row = await db.cpiCatchment.findUnique({ where: { comuneIstatCode: istatCode }, include: { cpi: true } });
  return row ? { code: row.cpi.code, name: row.cpi.name, closedAt: row.cpi.closedAt } : null;
}

/** Refuses a named CPI that is closed (one that does not exist is check-references' 422). */
export async function assertCpiOpen(db: DbTx, code: string, field = "cpiCode"): Promise<void> {
  const cpi = await db.cpi.findUnique({ where: { code } });
  if (cpi?.closedAt) throw closedCpiError(cpi, field);
}

/**
 * The competent CPI of a record placed in a comune: `explicit` when given (and open), else the comune's.
 * `comuneField` is the field the error names when the comune is served by no CPI.
 */
export async function competentCpiOf(db: DbTx, explicit: string | undefined, comune: { field: string; istatCode: string }): Promise<string> {
  if (explicit !== undefined) {
    await assertCpiOpen(db, explicit);
    return explicit;
  }
  const serving = await cpiServingComune(db, comune.istatCode);
  if (serving?.closedAt) throw closedCpiError(serving, comune.field);
  if (serving) return serving.code;
  const found = await db.comune.findUnique({ where: { istatCode: comune.istatCode } });
  // An unknown comune is check-references' 422 on the same field; say it here too, since it comes first.
  if (!found) throw new AppError("UNKNOWN_REFERENCE", "Riferimenti non trovati: controllare i campi indicati.", [{ field: comune.field, message: `Comune sconosciuto (codice ISTAT ${comune.istatCode})` }]);
  throw unservedComuneError(found, comune.field);
}

/** Every catchment and every CPI in memory, for imports that resolve thousands of rows. */
export class CpiDirectory {
  private constructor(
    private readonly byCode: Map<string, CpiState>,
    private readonly servingOf: Map<string, string>,
  ) {}

  static async load(db: DbTx): Promise<CpiDirectory> {
    const [cpis, catchment] = await Promise.all([
      db.cpi.findMany({ select: { code: true, name: true, closedAt: true } }),
      db.cpiCatchment.findMany({ select: { comuneIstatCode: true, cpiCode: true } }),
    ]);
    return new CpiDirectory(new Map(cpis.map((c) => [c.code, c])), new Map(catchment.map((c) => [c.comuneIstatCode, c.cpiCode])));
  }

  /**
   * The CPI a row gets when it names none: the one serving the comune, or the error to report (none serves
   * it, or the one serving it is closed). `field` is what the error names.
   */
  servingOrError(comune: { istatCode: string; name: string; provinceAcronym: string }, field: string): string | AppError {
    const code = this.servingOf.get(comune.istatCode);
    const cpi = code === undefined ? undefined : this.byCode.get(code);
    if (!cpi) return unservedComuneError(comune, field);
    return cpi.closedAt ? closedCpiError(cpi, field) : cpi.code;
  }

  /** The refusal for a new record placed in a closed CPI; undefined when the CPI is open. */
  closedError(code: string, field = "cpiCode"): AppError | undefined {
    const cpi = this.byCode.get(code);
    return cpi?.closedAt ? closedCpiError(cpi, field) : undefined;
  }
}
