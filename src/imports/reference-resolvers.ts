import type { Db } from "../db/client.js";
import type { Comune } from "../generated/prisma/client.js";
import { CPI_SEEDS } from "../reference/cpis.js";
import { foldName } from "../reference/fold-name.js";
import { comuneCodeOf } from "../reference/comune-names.js";

/**
 * Reference look-ups an import needs on every row (CPIs, comuni, employers, tutors), loaded or
 * memoised once per import: a 100,000-row file names a few hundred distinct comuni and a handful of
 * CPIs, so each is resolved against the store once, not once per row.
 */

export interface CpiRef {
  code: string;
  name: string;
  comuneIstatCode: string;
  /** As the source documents write it ("CPI CIRIE'"): the form the showcase export uses. */
  documentName: string;
}

// "CPI di Ciriè", "Centro per l'impiego di Novara", "C.P.I. Alba" all name the CPI of the comune.
const CPI_PREFIX = /^(?:c\.?\s?p\.?\s?i\.?|centro per l impiego|centro impiego)(?:\s+(?:di|della provincia di))?\s+/;

export class CpiResolver {
  private readonly byKey = new Map<string, CpiRef | null>();
  private readonly byCode = new Map<string, CpiRef>();

  constructor(cpis: { code: string; name: string; comuneIstatCode: string }[], comuneNames: Map<string, string>) {
    const documentNames = new Map(CPI_SEEDS.map((s) => [s.code, s.documentName]));
    for (const c of cpis) {
      const ref: CpiRef = { ...c, documentName: documentNames.get(c.code) ?? c.name };
      this.byCode.set(c.code, ref);
      this.add(foldName(c.code), ref);
      this.add(foldName(c.name), ref);
      this.add(foldName(ref.documentName), ref);
      this.add(foldName(c.name).replace(CPI_PREFIX, ""), ref);
      this.add(foldName(ref.documentName).replace(CPI_PREFIX, ""), ref);
      // Where a comune has one CPI, the comune's name alone is enough ("Moncalieri").
      const comune = comuneNames.get(c.comuneIstatCode);
      if (comune) this.add(foldName(comune), ref);
    }
  }

  /** A name two CPIs could answer to (Torino's sites) is remembered as ambiguous and never guessed. */
  private add(key: string, ref: CpiRef) {
    if (!key) return;
    const existing = this.byKey.get(key);
    this.byKey.set(key, existing === undefined || existing?.code === ref.code ? ref : null);
  }

  /** By code ("TO-CIRIE"), by document name ("CPI CIRIE'") or display name ("CPI Ciriè"), folding case and accents. */
  resolve(text: string): CpiRef | undefined {
    const exact = this.byCode.get(text.trim().toUpperCase());
    if (exact) return exact;
    const folded = foldName(text);
    return this.byKey.get(folded) ?? this.byKey.get(folded.replace(CPI_PREFIX, "")) ?? undefined;
  }

  byCodeOf(code: string): CpiRef | undefined {
    return this.byCode.get(code);
  }
}

export async function loadCpiResolver(db: Db): Promise<CpiResolver> {
  const cpis = await db.cpi.findMany({ include: { comune: { select: { name: true } } } });
  return new CpiResolver(
    cpis.map(({ code, name, comuneIstatCode }) => ({ code, name, comuneIstatCode })),
    new Map(cpis.map((c) => [c.comuneIstatCode, c.comune.name])),
  );
}

export type ComuneLookup = { comune: Comune } | { error: string };

/**
 * "Moncalieri (TO)", "Moncalieri" or the ISTAT code "001156", resolved once per distinct text. The
 * comuni are read in one query on first use: a large file names thousands of them, one query each
 * would cost more than reading the whole table.
 */
export class ComuneResolver {
  private readonly cache = new Map<string, ComuneLookup>();
  private byCode: Promise<Map<string, Comune>> | undefined;
  constructor(private readonly db: Db) {}

  async resolve(text: string): Promise<ComuneLookup> {
    const key = text.trim();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const found = await this.lookup(key);
    this.cache.set(key, found);
    return found;
  }

  private async lookup(text: string): Promise<ComuneLookup> {
    const code = comuneCodeOf(text);
    if ("problem" in code) return { error: code.problem };
    this.byCode ??= this.db.comune.findMany().then((all) => new Map(all.map((c) => [c.istatCode, c])));
    const comune = (await this.byCode).get(code.istatCode);
    return comune ? { comune } : { error: `Comune sconosciuto (codice ISTAT ${code.istatCode})` };
  }
}

/** Users who may be a person's tutor, by e-mail or id (the export writes the e-mail). */
export async function loadTutors(db: Db): Promise<{ byKey: Map<string, string>; emailOf: Map<string, string> }> {
  const users = await db.user.findMany({ where: { role: { in: ["tutor", "navigator", "referent"] } }, select: { id: true, email: true } });
  const byKey = new Map<string, string>();
  for (const u of users) {
    byKey.set(u.id, u.id);
    byKey.set(u.email.toLowerCase(), u.id);
  }
  return { byKey, emailOf: new Map(users.map((u) => [u.id, u.email])) };
}

/** Registered employers by tax code, so an imported offer of a known company is linked to it. */
export async function loadEmployersByTaxCode(db: Db): Promise<Map<string, string>> {
  const employers = await db.employer.findMany({ select: { id: true, taxCode: true } });
  return new Map(employers.map((e) => [e.taxCode, e.id]));
}
