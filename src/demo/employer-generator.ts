import { listAteco, type AtecoEntry } from "../reference/code-lists.js";
import { ITALIAN_SURNAMES } from "./names.js";
import type { OccupationFamily, OccupationPool } from "./occupation-pool.js";
import { sentenceCase } from "./occupation-pool.js";
import { demoId, EmailRegistry, emailLocalPart, italianName, slug } from "./people.js";
import type { SeededRandom } from "./seeded-random.js";
import type { DemoUser } from "./staff-generator.js";
import { vatNumber } from "./tax-codes.js";
import { pickArea, pickComuneNear, type Territory } from "./territory.js";

export interface DemoEmployer {
  id: string;
  name: string;
  /** Partita IVA with a correct check digit; office code = province ISTAT code of the seat. */
  taxCode: string;
  /** ATECO 2007 category (level 4) from the code list. */
  atecoCode: string;
  atecoLabel: string;
  /** Division label: the showcase's "Area economica". */
  sectorLabel: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  createdAt: Date;
  // Generator-only facts (not stored on the employer row): where it is and what it mostly hires.
  cpiCode: string;
  comuneIstatCode: string;
  familyKey: string;
}

const BRANDS = [
  "Alpina", "Padana", "Subalpina", "Lombarda", "Insubria", "Sabauda", "Orobica", "Ticino", "Monviso", "Brianza",
  "Langhe", "Lario", "Naviglio", "Sesia", "Adda", "Serio", "Oglio", "Dora", "Canavese", "Valtellina", "Roero",
  "Monferrato", "Verbano", "Eridania", "Nord Ovest", "Tre Valli", "Stura", "Tanaro", "Mincio", "Olona",
];
const COOP_NAMES = ["Il Girasole", "La Quercia", "Il Faro", "Arcobaleno", "La Rondine", "Il Ponte", "Insieme", "Il Sentiero", "La Bussola", "Spazio Aperto", "Il Melograno", "La Tenda"];
const LEGAL_FORMS = ["S.r.l.", "S.r.l.", "S.r.l.", "S.p.A.", "S.n.c.", "S.a.s.", "S.r.l.s."];
const AREA_CODES: Record<string, string> = {
  TO: "011", MI: "02", BS: "030", BG: "035", MB: "039", VA: "0332", CO: "031", NO: "0321", AL: "0131", CN: "0171",
  PV: "0382", CR: "0372", MN: "0376", AT: "0141", LC: "0341", LO: "0371", BI: "015", VB: "0323", SO: "0342", VC: "0161",
};

export function landlinePhone(rng: SeededRandom, province: string): string {
  return `+39 ${AREA_CODES[province] ?? "011"} ${rng.digits(7 - ((AREA_CODES[province]?.length ?? 3) - 3))}`;
}

let atecoCategories: AtecoEntry[] | undefined;

/** ATECO categories under a prefix ("81.2" → 81.21.00, 81.22.01…). */
export function atecoUnder(prefix: string): AtecoEntry[] {
  atecoCategories ??= listAteco(4).sort((a, b) => a.code.localeCompare(b.code));
  const found = atecoCategories.filter((e) => e.code.startsWith(prefix));
  if (found.length === 0) throw new Error(`Demo: nessuna categoria ATECO sotto ${prefix}`);
  return found;
}

function divisionLabel(code: string): string {
  const division = listAteco(1).find((e) => e.code === code.slice(0, 2));
  return sentenceCase(division?.label ?? code);
}

export class EmployerGenerator {
  private readonly names = new Set<string>();
  private readonly vatNumbers = new Set<string>();

  constructor(
    private readonly rng: SeededRandom,
    private readonly territory: Territory,
    private readonly pool: OccupationPool,
    private readonly emails: EmailRegistry,
    private readonly today: Date,
  ) {}

  /** One employer: a family it mostly hires for, a seat near a CPI, a sector that fits. */
  generate(): DemoEmployer {
    const rng = this.rng;
    const family = rng.weighted(this.pool.families, (f) => f.weight);
    const area = pickArea(rng, this.territory);
    const comune = pickComuneNear(rng, area);
    const ateco = rng.pick(atecoUnder(rng.pick(family.ateco)));
    const name = this.uniqueName(this.companyName(family, comune.name), comune.name);
    const domain = `${slug(name)}.example.it`;
    const contact = italianName(rng);
    let taxCode: string;
    do taxCode = vatNumber(rng.int(1_000_000, 9_999_999), comune.provinceCode);
    while (this.vatNumbers.has(taxCode));
    this.vatNumbers.add(taxCode);
    return {
      id: demoId(rng),
      name,
      taxCode,
      atecoCode: ateco.code,
      atecoLabel: sentenceCase(ateco.label),
      sectorLabel: divisionLabel(ateco.code),
      contactName: `${contact.firstName} ${contact.lastName}`,
      contactEmail: this.emails.claim(rng.pick(["selezione", "hr", "personale", "info", "amministrazione"]), domain),
      contactPhone: landlinePhone(rng, comune.provinceAcronym),
      createdAt: this.today,
      cpiCode: area.cpi.code,
      comuneIstatCode: comune.istatCode,
      familyKey: family.key,
    };
  }

  /** A user for the employer's HR contact (role employer). */
  employerUser(employer: DemoEmployer): DemoUser {
    const [first = "Referente", ...rest] = employer.contactName.split(" ");
    return {
      id: demoId(this.rng),
      name: employer.contactName,
      email: this.emails.claim(emailLocalPart(first, rest.join(" ")), employer.contactEmail.split("@")[1] ?? "example.it"),
      role: "employer",
      cpiCodes: [],
      employerId: employer.id,
      createdAt: this.today,
    };
  }

  private companyName(family: OccupationFamily, comuneName: string): string {
    const rng = this.rng;
    const word = rng.pick(family.businessWords);
    if (/cooperativa/i.test(word)) return `${word} ${rng.pick(COOP_NAMES)} a r.l.`;
    const surname = rng.pick(ITALIAN_SURNAMES);
    const r = rng.float();
    if (r < 0.4) return `${surname} ${word} ${rng.pick(LEGAL_FORMS)}`;
    if (r < 0.75) return `${rng.pick(BRANDS)} ${word} ${rng.pick(LEGAL_FORMS)}`;
    if (r < 0.9) return `${word} ${comuneName} S.n.c. di ${surname} & C.`;
    return `${surname} & ${rng.pick(ITALIAN_SURNAMES)} ${rng.pick(LEGAL_FORMS)}`;
  }

  private uniqueName(name: string, comuneName: string): string {
    let candidate = name;
    if (this.names.has(candidate)) candidate = `${name} - ${comuneName}`;
    for (let n = 2; this.names.has(candidate); n++) candidate = `${name} - ${comuneName} ${n}`;
    this.names.add(candidate);
    return candidate;
  }
}
