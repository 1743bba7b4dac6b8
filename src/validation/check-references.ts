import { AppError, type FieldError } from "../api/errors.js";
import type { DbTx } from "../db/client.js";

export interface References {
  cpiCode?: string | undefined;
  comuni?: { field: string; istatCode: string | undefined }[];
  employerId?: string | undefined;
  tutorId?: string | undefined;
}

/** Rejects, in one 422, every reference to a CPI, comune, employer or tutor that does not exist. */
export async function assertReferencesExist(db: DbTx, refs: References): Promise<void> {
  const fields: FieldError[] = [];
  if (refs.cpiCode !== undefined && !(await db.cpi.findUnique({ where: { code: refs.cpiCode } }))) {
    fields.push({ field: "cpiCode", message: `CPI sconosciuto: ${refs.cpiCode}` });
  }
  for (const { field, istatCode } of refs.comuni ?? []) {
    if (istatCode !== undefined && !(await db.comune.findUnique({ where: { istatCode } }))) {
      fields.push({ field, message: `Comune sconosciuto (codice ISTAT ${istatCode})` });
    }
  }
  if (refs.employerId !== undefined && !(await db.employer.findUnique({ where: { id: refs.employerId } }))) {
    fields.push({ field: "employerId", message: "Azienda sconosciuta" });
  }
  if (refs.tutorId !== undefined) {
    const tutor = await db.user.findUnique({ where: { id: refs.tutorId } });
    if (!tutor || !["tutor", "navigator", "referent"].includes(tutor.role)) {
      fields.push({ field: "tutorId", message: "Tutor sconosciuto" });
    }
  }
  if (fields.length > 0) throw new AppError("UNKNOWN_REFERENCE", "Riferimenti non trovati: controllare i campi indicati.", fields);
}
