import type { CandidateCreateInput } from "../candidates/candidate-schemas.js";
import { listAteco } from "../reference/code-lists.js";
import { addDays, addMonths, maxDate, minDate } from "./dates.js";
import { atecoUnder } from "./employer-generator.js";
import type { OccupationFamily, OccupationPool } from "./occupation-pool.js";
import { sentenceCase } from "./occupation-pool.js";
import { demoId, emailLocalPart, foreignName, italianName } from "./people.js";
import { SeededRandom } from "./seeded-random.js";
import type { DemoStaff } from "./staff-generator.js";
import { personTaxCode } from "./tax-codes.js";
import { pickArea, pickComuneNear, type Territory } from "./territory.js";
import { pickTitle } from "./vacancy-generator.js";

export interface DemoCandidate {
  id: string;
  /** What a CPI operator would have registered (validated shape). */
  /** The demo always names the person's CPI (the area it was drawn from). */
  input: CandidateCreateInput & { cpiCode: string };
  createdAt: Date;
  familyKey: string;
}

type Level = "A1" | "A2" | "B1" | "B2" | "C1" | "C2";
type Programme = CandidateCreateInput["programmes"][number];

const ADI_START = new Date("2024-01-01T00:00:00Z");
const SFL_START = new Date("2023-09-01T00:00:00Z");
const RDC_END = new Date("2023-12-31T00:00:00Z");
/** NASpI monthly ceiling (2025 figure, rounded). */
const NASPI_MAX = 1560;

const EDUCATION_BY_SKILL: Record<OccupationFamily["skill"], [string, number][]> = {
  low: [["0", 2], ["1", 4], ["2", 40], ["3", 22], ["4", 27], ["7", 5]],
  mid: [["2", 12], ["3", 25], ["4", 45], ["5", 4], ["6", 2], ["7", 12]],
  high: [["4", 20], ["6", 5], ["7", 55], ["8", 5], ["9", 8], ["10", 4], ["11", 3]],
};
const GENERAL_TRAININGS = ["Formazione generale sicurezza dei lavoratori (4 ore)", "Corso di informatica di base", "Corso di orientamento al lavoro e redazione del CV"];

function weightedCode(rng: SeededRandom, entries: [string, number][]): string {
  return rng.weighted(entries, (e) => e[1])[0];
}

function level(rng: SeededRandom, levels: Level[]): Level {
  return rng.pick(levels);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

let divisionLabels: Map<string, string> | undefined;
function sectorOf(rng: SeededRandom, family: OccupationFamily): string {
  divisionLabels ??= new Map(listAteco(1).map((e) => [e.code, sentenceCase(e.label)]));
  const code = rng.pick(atecoUnder(rng.pick(family.ateco))).code.slice(0, 2);
  return divisionLabels.get(code) ?? code;
}

/**
 * Job seekers as a CPI registers them: domicile near their CPI, a declared profile coherent with the
 * work history, the programmes they are on (NASpI with amount, AdR, ADI/SFL, GOL, L. 68/1999…), a DID
 * date, languages, licences, education, travel limits, consent, a tutor for some.
 */
export class PersonGenerator {
  private readonly taxCodes = new Set<string>();
  private readonly families: OccupationFamily[];

  constructor(
    private readonly seed: number,
    private readonly territory: Territory,
    pool: OccupationPool,
    private readonly staff: DemoStaff,
    private readonly today: Date,
  ) {
    this.families = pool.families;
  }

  /** The i-th person of the seed: each draws from a stream of its own, so batches can be generated in turn. */
  generate(index: number): DemoCandidate {
    return this.person(new SeededRandom(this.seed, "person", index));
  }

  private person(rng: SeededRandom): DemoCandidate {
    const today = this.today;
    const name = rng.chance(0.16) ? foreignName(rng) : italianName(rng);
    const area = pickArea(rng, this.territory);
    const domicile = pickComuneNear(rng, area);
    const cpiCode = area.cpi.code;

    const age = Math.round(rng.normal(40, 11, 18, 64));
    let birthDate = addDays(today, -Math.round(age * 365.25 + rng.int(0, 364)));
    const birthPlace = name.foreign
      ? name.foreign.birthCode
      : rng.pick(rng.chance(0.7) ? this.territory.birthComuni.north : rng.chance(0.8) ? this.territory.birthComuni.south : this.territory.birthComuni.all).cadastralCode;
    let taxCode = personTaxCode({ ...name, birthDate, birthPlaceCode: birthPlace });
    while (this.taxCodes.has(taxCode)) {
      birthDate = addDays(birthDate, 1);
      taxCode = personTaxCode({ ...name, birthDate, birthPlaceCode: birthPlace });
    }
    this.taxCodes.add(taxCode);

    const family = rng.weighted(this.families, (f) => f.weight);
    const second = rng.chance(0.35) ? rng.weighted(this.families, (f) => (f.skill === family.skill && f.key !== family.key ? f.weight : 0)) : null;

    // DID: within the last three years, most of them recent.
    const did = addDays(today, -Math.floor(1095 * rng.float() ** 2));
    const experiences = this.experiences(rng, family, second, did, age);
    const lastJobEnd = experiences[0]?.toDate;

    const declared = new Map<string, { title: string; code?: string }>();
    for (const e of experiences) declared.set(e.profileTitle, { title: e.profileTitle, code: e.profileCode });
    const headline = pickTitle(rng, family);
    if (declared.size < 3) declared.set(headline.title, { title: headline.title, code: headline.code });

    const programmes = this.programmes(rng, did, lastJobEnd, family);
    const has = (p: string) => programmes.some((x) => x.programme === p);
    const tutors = this.staff.tutorsByCpi.get(cpiCode) ?? [];
    const navigators = this.staff.navigatorsByCpi.get(cpiCode) ?? [];
    const tutor =
      has("ADR") && tutors.length ? rng.pick(tutors)
      : (has("ADI") || has("SFL")) && navigators.length && rng.chance(0.6) ? rng.pick(navigators)
      : tutors.length && rng.chance(0.25) ? rng.pick(tutors)
      : null;

    const competences = [...rng.sample(family.competences, rng.int(3, 7)), ...(second ? rng.sample(second.competences, rng.int(0, 2)) : [])];
    const languages: { code: string; level: Level }[] = [];
    if (name.foreign) {
      languages.push({ code: name.foreign.language, level: "C2" });
      languages.push({ code: "003", level: level(rng, ["A2", "B1", "B1", "B2", "C1"]) });
    } else {
      languages.push({ code: "003", level: "C2" });
    }
    if (rng.chance(family.skill === "high" ? 0.9 : 0.45)) languages.push({ code: "001", level: level(rng, family.skill === "high" ? ["B1", "B2", "C1"] : ["A1", "A2", "A2", "B1", "B2"]) });
    if (rng.chance(0.08) && !languages.some((l) => l.code === "005")) languages.push({ code: "005", level: level(rng, ["A2", "B1"]) });
    if (rng.chance(0.04)) languages.push({ code: "002", level: level(rng, ["A1", "A2", "B1"]) });
    if (rng.chance(0.05) && !languages.some((l) => l.code === "SPA")) languages.push({ code: "SPA", level: level(rng, ["A2", "B1"]) });

    const licences = new Set<string>();
    if (rng.chance(name.foreign ? 0.5 : 0.78)) licences.add("B");
    if (rng.chance(0.1)) licences.add("A");
    for (const l of family.licences) if (l.code !== "B" && rng.chance(l.p * 0.9)) licences.add(l.code);
    if (licences.has("E")) licences.add("C");
    if (licences.size > 0 && (licences.has("C") || licences.has("D"))) licences.add("B");

    const trainings = [
      ...rng.sample(family.trainings, rng.int(0, Math.min(2, family.trainings.length))),
      ...(rng.chance(0.3) ? [rng.pick(GENERAL_TRAININGS)] : []),
      ...(name.foreign && rng.chance(0.4) ? ["Corso di lingua italiana per stranieri (livello A2)"] : []),
    ].map((title) => {
      const completedAt = minDate(addDays(did, -rng.int(-120, 2000)), today);
      return { title, completedAt, hours: rng.pick([8, 12, 16, 40, 60, 120, 300, 1000]) };
    });

    const availability = rng.chance(0.84) ? "available" : rng.chance(0.5) ? "not_available" : "employed";
    const email = rng.chance(0.82)
      ? `${emailLocalPart(name.firstName, name.lastName)}${rng.chance(0.5) ? String(birthDate.getUTCFullYear()).slice(2) : ""}@${rng.pick(["example.com", "example.net", "example.org"])}`
      : undefined;

    const input: DemoCandidate["input"] = {
      taxCode,
      firstName: name.firstName,
      lastName: name.lastName,
      email,
      phone: rng.chance(0.9) ? `+39 3${rng.pick(["20", "28", "33", "34", "39", "40", "45", "47", "48", "49", "66", "80", "88", "92"])} ${rng.digits(7)}` : undefined,
      domicileIstatCode: domicile.istatCode,
      cpiCode,
      availabilityDeclaredAt: did,
      declaredProfiles: [...declared.values()].slice(0, 3),
      competences: [...new Set(competences)],
      languages,
      drivingLicences: [...licences].sort(),
      educationLevel: weightedCode(rng, EDUCATION_BY_SKILL[family.skill]),
      maxTravelKm: rng.pick([10, 15, 20, 25, 30, 30, 40, 50, 60]),
      maxTravelMinutes: rng.chance(0.5) ? rng.pick([30, 45, 60, 60, 90]) : undefined,
      availability,
      shareContactsConsent: rng.chance(0.72),
      tutorId: tutor?.id,
      programmes,
      experiences,
      trainings,
    };
    return { id: demoId(rng), input, createdAt: addDays(did, rng.int(0, 3)), familyKey: family.key };
  }

  private experiences(rng: SeededRandom, family: OccupationFamily, second: OccupationFamily | null, did: Date, age: number) {
    const count = age < 22 ? rng.int(0, 1) : rng.chance(0.08) ? 0 : rng.int(1, 4);
    const out: CandidateCreateInput["experiences"] = [];
    // The most recent job ended shortly before the DID (the usual way into NASpI).
    let end = addDays(did, -rng.int(0, 60));
    const careerStart = addDays(did, -Math.max(1, age - 18) * 365);
    for (let i = 0; i < count; i++) {
      const f = second && i > 0 && rng.chance(0.4) ? second : family;
      const title = pickTitle(rng, f);
      const months = rng.int(3, 60);
      const from = maxDate(addMonths(end, -months), careerStart);
      if (from >= end) break;
      out.push({ profileTitle: title.title, profileCode: title.code, sector: sectorOf(rng, f), fromDate: from, toDate: end });
      end = addDays(from, -rng.int(15, 365));
      if (end <= careerStart) break;
    }
    return out;
  }

  private programmes(rng: SeededRandom, did: Date, lastJobEnd: Date | undefined, family: OccupationFamily): Programme[] {
    const today = this.today;
    const out: Programme[] = [];
    const clamp = (d: Date) => minDate(d, today);
    const naspi = lastJobEnd !== undefined && rng.chance(0.5);
    if (naspi) {
      const start = clamp(addDays(did, rng.int(1, 10)));
      const months = rng.int(4, 24);
      const amount = round2(Math.min(NASPI_MAX, rng.between(family.pay[0], family.pay[1]) * 0.75 * rng.between(0.7, 1)));
      out.push({ programme: "NASPI", startDate: start, endDate: addMonths(start, months), monthlyAmount: amount });
      // AdR: for NASpI recipients unemployed for more than four months.
      const adrStart = addMonths(start, 4 + rng.int(0, 2));
      if (adrStart < today && rng.chance(0.2)) out.push({ programme: "ADR", startDate: adrStart, endDate: addMonths(adrStart, 6) });
    } else if (lastJobEnd !== undefined && rng.chance(0.03)) {
      const start = clamp(addDays(did, rng.int(1, 10)));
      out.push({ programme: "DISCOLL", startDate: start, endDate: addMonths(start, rng.int(3, 6)), monthlyAmount: round2(rng.between(600, 1100)) });
    }
    if (!naspi && rng.chance(0.22)) {
      if (rng.chance(0.6)) {
        const start = clamp(maxDate(ADI_START, addDays(did, -rng.int(0, 90))));
        out.push({ programme: "ADI", startDate: start, endDate: addMonths(start, 18), monthlyAmount: round2(rng.between(250, 750)) });
      } else {
        const start = clamp(maxDate(SFL_START, addDays(did, rng.int(0, 30))));
        out.push({ programme: "SFL", startDate: start, endDate: addMonths(start, 12), monthlyAmount: start >= new Date("2025-01-01T00:00:00Z") ? 500 : 350 });
      }
      // Many of them came from the Reddito di Cittadinanza, which ended with 2023.
      if (rng.chance(0.4)) {
        const start = addDays(RDC_END, -rng.int(300, 1500));
        out.push({ programme: "RDC", startDate: start, endDate: RDC_END, monthlyAmount: round2(rng.between(300, 780)) });
      }
    }
    if (rng.chance(naspi ? 0.55 : 0.3)) {
      const start = clamp(addDays(did, rng.int(5, 60)));
      out.push({ programme: "GOL", startDate: start, endDate: rng.chance(0.3) ? addMonths(start, rng.int(4, 12)) : undefined });
    }
    if (rng.chance(0.05)) out.push({ programme: "L68", startDate: addDays(did, -rng.int(0, 2000)) });
    return out.sort((a, b) => a.startDate.getTime() - b.startDate.getTime());
  }
}
