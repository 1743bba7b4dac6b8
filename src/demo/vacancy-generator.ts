import type { VacancyCreateInput } from "../vacancies/vacancy-schemas.js";
import { showcaseKey } from "../vacancies/showcase-key.js";
import type { VacancyStatus } from "../vacancies/vacancy-status.js";
import { addDays, italianDate, minDate } from "./dates.js";
import type { DemoEmployer } from "./employer-generator.js";
import type { ContractType } from "./occupation-families.js";
import type { Occupation, OccupationFamily, OccupationPool } from "./occupation-pool.js";
import { demoId } from "./people.js";
import type { SeededRandom } from "./seeded-random.js";
import type { DemoStaff } from "./staff-generator.js";
import { pickComuneNear, type Territory } from "./territory.js";

export interface DemoStatusChange {
  fromState: VacancyStatus | null;
  toState: VacancyStatus;
  reason: string;
  at: Date;
  byUserId: string | null;
}

export interface DemoVacancy {
  id: string;
  /** What a referent would have sent to the API (validated shape). */
  input: VacancyCreateInput & { arrivalDate: Date; profileTitle: string; cpiCode: string };
  status: VacancyStatus;
  history: DemoStatusChange[];
  showcaseKey: string;
  createdById: string | null;
  /** The CPI's offer referent, who also published it. */
  referentUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
  familyKey: string;
}

const CONTRACT_LABELS: Record<ContractType, string> = {
  permanent: "Tempo indeterminato",
  fixed_term: "Tempo determinato",
  agency: "Somministrazione a tempo determinato",
  apprenticeship: "Apprendistato professionalizzante",
  internship: "Tirocinio extracurricolare",
  occasional: "Lavoro occasionale",
  self_employed: "Collaborazione con partita IVA",
  collaboration: "Collaborazione coordinata e continuativa",
};

const PART_TIME_HOURS = [20, 24, 25, 30, 30, 32, 36];
const FIXED_TERM_MONTHS = [3, 3, 4, 6, 6, 6, 9, 12, 12, 18, 24];
const NOTES = [
  "Possibilità di proroga e successiva trasformazione a tempo indeterminato.",
  "Sede raggiungibile con i mezzi pubblici.",
  "Inserimento immediato.",
  "Colloqui presso il CPI su appuntamento.",
  "Si valutano anche candidature senza esperienza, con formazione a carico dell'azienda.",
  "Disponibilità a trasferte in giornata.",
  "Mensa aziendale e buoni pasto.",
];

/** Status by how old the offer is: recent offers are mostly open, old ones mostly closed. */
function statusWeights(ageDays: number): [VacancyStatus, number][] {
  if (ageDays < 14) return [["open", 80], ["in_preselection", 20]];
  if (ageDays < 45) return [["open", 40], ["in_preselection", 30], ["list_sent", 18], ["filled", 5], ["cancelled", 7]];
  if (ageDays < 90) return [["open", 15], ["in_preselection", 15], ["list_sent", 20], ["filled", 30], ["cancelled", 8], ["expired", 12]];
  return [["open", 5], ["in_preselection", 5], ["list_sent", 8], ["filled", 45], ["cancelled", 12], ["expired", 25]];
}

/** The path through the transition table that ends in the given status. */
function pathTo(status: VacancyStatus, rng: SeededRandom): VacancyStatus[] {
  switch (status) {
    case "open":
      return ["open"];
    case "in_preselection":
      return ["open", "in_preselection"];
    case "list_sent":
      return ["open", "in_preselection", "list_sent"];
    case "filled":
      return ["open", "in_preselection", "list_sent", "filled"];
    case "cancelled":
      return rng.chance(0.5) ? ["open", "cancelled"] : ["open", "in_preselection", "cancelled"];
    case "expired":
      return rng.chance(0.6) ? ["open", "expired"] : ["open", "in_preselection", "list_sent", "expired"];
  }
}

const REASONS: Record<VacancyStatus, string> = {
  open: "Pubblicazione",
  in_preselection: "Avvio preselezione",
  list_sent: "Rosa inviata all'azienda",
  filled: "Assunzione comunicata dall'azienda",
  cancelled: "Richiesta ritirata dall'azienda",
  expired: "Scadenza dei termini senza esito",
};

function weightedEntry<T>(rng: SeededRandom, entries: [T, number][]): T {
  return rng.weighted(entries, (e) => e[1])[0];
}

export function pickTitle(rng: SeededRandom, family: OccupationFamily): Occupation {
  return family.others.length > 0 && rng.chance(0.25) ? rng.pick(family.others) : rng.pick(family.preferred);
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;
const euro = (value: number) => value.toLocaleString("it-IT", { maximumFractionDigits: 0 });

export class VacancyGenerator {
  private readonly keys = new Set<string>();
  private readonly employersByFamily = new Map<string, DemoEmployer[]>();

  constructor(
    private readonly rng: SeededRandom,
    private readonly territory: Territory,
    private readonly pool: OccupationPool,
    private readonly staff: DemoStaff,
    private readonly employers: DemoEmployer[],
    private readonly today: Date,
    /** How far back arrival dates go. */
    private readonly spanDays = 180,
  ) {
    for (const e of employers) this.employersByFamily.set(e.familyKey, [...(this.employersByFamily.get(e.familyKey) ?? []), e]);
  }

  generate(): DemoVacancy {
    const rng = this.rng;
    const employer = rng.pick(this.employers);
    // Mostly what the employer is known for; otherwise a job every business has.
    const family =
      rng.chance(0.8) || !this.pool.byKey.has("magazzino")
        ? this.pool.byKey.get(employer.familyKey)!
        : this.pool.byKey.get(rng.pick(["magazzino", "pulizie", "amministrazione", "autisti", "produzione"]))!;
    const occupation = pickTitle(rng, family);
    const requestedProfile = family.escoLabels.length > 0 && rng.chance(0.45) ? rng.pick(family.escoLabels) : occupation.title;
    const area = this.territory.byCpi.get(employer.cpiCode)!;
    const workplace = rng.chance(0.8) ? this.territory.comuneByCode.get(employer.comuneIstatCode)! : pickComuneNear(rng, area);
    const referent = this.staff.referentByCpi.get(area.cpi.code) ?? null;

    // Arrival: within the span, more offers recently.
    const ageDays = Math.floor(this.spanDays * rng.float() ** 1.4);
    let arrivalDate = addDays(this.today, -ageDays);
    const status = weightedEntry(rng, statusWeights(ageDays));

    const contractType = weightedEntry(rng, Object.entries(family.contracts) as [ContractType, number][]);
    const partTime = rng.chance(family.key === "pulizie" ? 0.6 : 0.22);
    const hoursPerWeek = partTime ? rng.pick(PART_TIME_HOURS) : 40;
    const contractMonths =
      contractType === "fixed_term" || contractType === "agency" ? rng.pick(FIXED_TERM_MONTHS)
      : contractType === "apprenticeship" ? rng.pick([24, 36])
      : contractType === "internship" ? rng.pick([3, 6])
      : contractType === "occasional" ? 1
      : undefined;
    const fullPay = rng.between(family.pay[0], family.pay[1]);
    const grossMonthlyPay =
      contractType === "internship" ? rng.pick([600, 700, 800]) : roundTo((fullPay * hoursPerWeek) / 40, 10);

    const competences = rng.sample(family.competences, rng.int(2, 6));
    const mustCount = Math.min(competences.length, rng.int(1, 3));
    const licences = family.licences.filter((l) => rng.chance(l.p)).map((l) => l.code);
    const languages = family.languages.filter((l) => rng.chance(l.p)).map((l) => ({ code: l.code, level: l.level as "A2" }));
    const positions = rng.chance(0.65) ? 1 : rng.chance(0.45) ? 2 : rng.chance(0.7) ? rng.int(3, 5) : rng.int(6, 20);
    const reservedL68 = rng.chance(0.04);
    const sourceService =
      positions >= 8 && rng.chance(0.7) ? "grandi_reclutamenti"
      : family.skill === "high" && rng.chance(0.6) ? "alte_professionalita"
      : rng.chance(0.02) ? "eures"
      : "cpi";
    if (sourceService === "eures") languages.push({ code: rng.pick(["001", "002", "005"]), level: "B2" as "A2" });

    const requirements = rng.sample(family.requirements, rng.int(1, 3));
    if (licences.length > 0) requirements.push(`Patente ${licences.join(" e ")}`);
    if (rng.chance(0.3)) requirements.push(rng.pick(["Esperienza di almeno 1 anno nella mansione", "Esperienza di almeno 2 anni nella mansione", "Anche prima esperienza"]));
    if (reservedL68) requirements.push("Offerta riservata agli iscritti al collocamento mirato (L. 68/1999)");

    // Same company, CPI, profile and day would be the same showcase row: move the day instead.
    let key = showcaseKey({ companyTaxCode: employer.taxCode, cpiCode: area.cpi.code, requestedProfile, arrivalDate });
    while (this.keys.has(key)) {
      arrivalDate = addDays(arrivalDate, -1);
      key = showcaseKey({ companyTaxCode: employer.taxCode, cpiCode: area.cpi.code, requestedProfile, arrivalDate });
    }
    this.keys.add(key);

    const closingDate = rng.chance(0.7) ? addDays(arrivalDate, rng.pick([30, 45, 60])) : undefined;
    const history = this.history(status, arrivalDate, referent?.id ?? null);
    const notes = [
      rng.chance(0.5) ? rng.pick(NOTES) : null,
      closingDate && rng.chance(0.5) ? `Candidature entro il ${italianDate(closingDate)}.` : null,
    ].filter(Boolean).join(" ");

    const input: DemoVacancy["input"] = {
      arrivalDate,
      requestedProfile,
      profileTitle: occupation.title,
      profileCode: occupation.code,
      positions,
      companyName: employer.name,
      companyTaxCode: employer.taxCode,
      employerId: employer.id,
      sectorLabel: employer.sectorLabel,
      atecoCode: employer.atecoCode,
      contractOfferText: this.contractText(contractType, contractMonths, hoursPerWeek, grossMonthlyPay, family.ccnl),
      competencesText: requirements.join(". ") + ".",
      mustHaveCompetences: competences.slice(0, mustCount),
      niceToHaveCompetences: competences.slice(mustCount),
      requiredEducationLevel: rng.chance(0.5) ? family.education : undefined,
      requiredLanguages: languages,
      requiredLicences: licences,
      contractType,
      contractMonths,
      hoursPerWeek,
      grossMonthlyPay,
      ccnl: family.ccnl,
      workplaceIstatCode: workplace.istatCode,
      cpiCode: area.cpi.code,
      referentName: referent?.name,
      referentEmail: referent?.email,
      notes: notes || undefined,
      sourceService,
      shortlistCap: positions >= 8 ? Math.min(200, positions * 3) : 15,
      reservedL68,
      publishedAt: arrivalDate,
      closingDate,
    };
    const last = history[history.length - 1]!;
    return {
      id: demoId(rng),
      input,
      status,
      history,
      showcaseKey: key,
      createdById: referent?.id ?? null,
      referentUserId: referent?.id ?? null,
      createdAt: arrivalDate,
      updatedAt: last.at,
      familyKey: family.key,
    };
  }

  private history(status: VacancyStatus, arrival: Date, byUserId: string | null): DemoStatusChange[] {
    const path = pathTo(status, this.rng);
    let at = arrival;
    return path.map((toState, i) => {
      if (i > 0) at = minDate(addDays(at, this.rng.int(3, 20)), this.today);
      return { fromState: i === 0 ? null : path[i - 1]!, toState, reason: REASONS[toState], at, byUserId };
    });
  }

  private contractText(type: ContractType, months: number | undefined, hours: number, pay: number, ccnl: string): string {
    const parts = [CONTRACT_LABELS[type] + (months && type !== "occasional" && type !== "apprenticeship" ? ` ${months} mesi` : "")];
    parts.push(hours >= 40 ? "full time 40 ore settimanali" : `part time ${hours} ore settimanali`);
    if (this.rng.chance(0.4)) parts.push(this.rng.pick(["su turni", "dal lunedì al venerdì", "anche nel fine settimana", "orario spezzato"]));
    if (type !== "internship" && type !== "occasional") parts.push(`CCNL ${ccnl}`);
    parts.push(type === "internship" ? `indennità mensile ${euro(pay)} €` : `retribuzione lorda mensile circa ${euro(pay)} €`);
    return parts.join(", ") + ".";
  }
}

