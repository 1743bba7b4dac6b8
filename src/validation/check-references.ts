import { AppError, type FieldError } from "../errors/app-error.js";
import type { DbTx } from "../db/client.js";

export interface References {
  cpiCode?: string | undefined;
  comuni?: { field: string; istatCode: string | undefined }[];
  employerId?: string | undefined;
  tutorId?: string | undefined;
}

/** Search filters that name reference data: the same mistake as in a body gets the same answer. */
export interface FilterReferences {
  cpi?: string[] | undefined;
  nearComune?: string | undefined;
  /** A tutor id, or "me". */
  tutor?: string | undefined;
}

type Check = { kind: "cpi" | "comune" | "employer" | "tutor"; field: string; value: string };

const TUTOR_ROLES = ["tutor", "navigator", "referent"];

/** Rejects, in one 422, every reference to a CPI, comune, employer or tutor that does not exist. */
export async function assertReferencesExist(db: DbTx, refs: References): Promise<void> {
  await assertChecks(db, [
    ...optional("cpi", "cpiCode", refs.cpiCode),
    ...(refs.comuni ?? []).flatMap(({ field, istatCode }) => optional("comune", field, istatCode)),
    ...optional("employer", "employerId", refs.employerId),
    ...optional("tutor", "tutorId", refs.tutorId),
  ]);
}

/** The same 422 for search filters (`cpi`, `nearComune`, `tutor`), named as the query names them. */
export async function assertFilterReferencesExist(db: DbTx, refs: FilterReferences): Promise<void> {
  await assertChecks(db, [
    ...(refs.cpi ?? []).map((value, i): Check => ({ kind: "cpi", field: refs.cpi!.length > 1 ? `cpi.${i}` : "cpi", value })),
    ...optional("comune", "nearComune", refs.nearComune),
    ...optional("tutor", "tutor", refs.tutor === "me" ? undefined : refs.tutor),
  ]);
}

function optional(kind: Check["kind"], field: string, value: string | undefined): Check[] {
  return value === undefined ? [] : [{ kind, field, value }];
}

async function assertChecks(db: DbTx, checks: Check[]): Promise<void> {
  const fields: FieldError[] = [];
  for (const { kind, field, value } of checks) {
    const message = await missing(db, kind, value);
    if (message) fields.push({ field, message });
  }
  if (fields.length > 0) throw new AppError("UNKNOWN_REFERENCE", "Riferimenti non trovati: controllare i campi indicati.", fields);
}

async function missing(db: DbTx, kind: Check["kind"], value: string): Promise<string | null> {
  switch (kind) {
    case "cpi":
      return (await db.cpi.findUnique({ where: { code: value } })) ? null : `CPI sconosciuto: ${value}`;
    case "comune":
      return (await db.comune.findUnique({ where: { istatCode: value } })) ? null : `Comune sconosciuto (codice ISTAT ${value})`;
    case "employer":
      return (await db.employer.findUnique({ where: { id: value } })) ? null : "Azienda sconosciuta";
    case "tutor": {
      const tutor = await db.user.findUnique({ where: { id: value } });
      return tutor && TUTOR_ROLES.includes(tutor.role) ? null : "Tutor sconosciuto";
    }
  }
}
