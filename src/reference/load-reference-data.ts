import type { Db } from "../db/client.js";
import { loadComuni, shippedComuni, type LoadComuniResult } from "./comuni.js";
import { loadCpis, type LoadCpisResult } from "./cpis.js";

export type ReferenceLog = (message: string) => void;

export interface ReferenceDataResult {
  comuni: LoadComuniResult;
  cpis: LoadCpisResult;
}

/** Loads the reference tables every other record points at: comuni first, then the CPIs sitting in them. */
export async function loadReferenceData(db: Db, log: ReferenceLog = () => {}): Promise<ReferenceDataResult> {
  const comuni = await loadComuni(db, shippedComuni());
  for (const r of comuni.rejected) log(`comuni: riga ${r.line} scartata: ${r.problems.join("; ")}`);
  log(
    comuni.skipped
      ? `comuni: ${comuni.fileRows} già presenti, nessuna modifica`
      : `comuni: ${comuni.fileRows} caricati (${comuni.created} nuovi)`,
  );
  const cpis = await loadCpis(db);
  log(`cpi: ${cpis.total} caricati (${cpis.created} nuovi), ${cpis.catchmentAdded} comuni aggiunti ai bacini`);
  return { comuni, cpis };
}
