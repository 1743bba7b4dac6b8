import type { CandidateCreateInput } from "../../src/candidates/candidate-schemas.js";
import { candidatesToCsv } from "../../src/imports/candidates-csv.js";
import type { AppContext } from "../../src/context.js";
import { codiceFiscale } from "../fixtures/italian-codes.js";

const SURNAMES = ["Rossi", "Bianchi", "Ferrero", "Gallo", "Bruno", "Ricci", "Marino", "Greco", "Conti", "Costa", "Fontana", "Rinaudo"];
const NAMES = ["Giulia", "Marco", "Anna", "Luca", "Sara", "Davide", "Chiara", "Paolo", "Elena", "Matteo"];
const PROFILES = ["Magazziniere", "Cuoco", "Addetto alle pulizie", "Impiegato amministrativo", "Operaio metalmeccanico", "Autista", "Commesso"];

interface Places {
  comuni: { istatCode: string; provinceAcronym: string; cadastralCode: string; name: string }[];
  cpis: { code: string; provinceAcronym: string }[];
}

/** Valid people of Torino, Cuneo, Asti and Milano, each with their own tax code (birth day and place vary with i). */
export async function loadPlaces(ctx: AppContext): Promise<Places> {
  const provinces = { provinceAcronym: { in: ["TO", "CN", "AT", "MI"] } };
  return { comuni: await ctx.db.comune.findMany({ where: provinces }), cpis: await ctx.db.cpi.findMany({ where: provinces }) };
}

export function generatedPeople({ comuni, cpis }: Places, count: number, first = 0): CandidateCreateInput[] {
  const people: CandidateCreateInput[] = [];
  for (let i = first; i < first + count; i++) {
    const comune = comuni[i % comuni.length]!;
    const cpi = cpis.find((c) => c.provinceAcronym === comune.provinceAcronym) ?? cpis[0]!;
    const year = 1960 + (i % 45);
    const surname = SURNAMES[i % SURNAMES.length]!;
    const name = NAMES[Math.floor(i / SURNAMES.length) % NAMES.length]!;
    const birth = `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((Math.floor(i / 12) % 28) + 1).padStart(2, "0")}`;
    const taxCode = codiceFiscale(surname, name, birth, i % 2 ? "F" : "M", comuni[Math.floor(i / 336) % comuni.length]!.cadastralCode);
    people.push({
      taxCode, firstName: name, lastName: surname, email: `p${i}@example.it`, domicileIstatCode: comune.istatCode, cpiCode: cpi.code,
      availabilityDeclaredAt: new Date("2026-01-05T00:00:00Z"),
      programmes: [{ programme: "NASPI", startDate: new Date("2026-01-10T00:00:00Z"), monthlyAmount: 850 + (i % 300) }],
      declaredProfiles: [{ title: PROFILES[i % PROFILES.length]! }], competences: ["lavoro di squadra", "pacchetto Office"],
      languages: [{ code: "001", level: "B1" }], drivingLicences: ["B"], educationLevel: String(i % 8),
      experiences: [{ profileTitle: PROFILES[(i + 3) % PROFILES.length]!, sector: "H", fromDate: new Date("2018-01-01T00:00:00Z"), toDate: new Date("2022-06-30T00:00:00Z") }],
      trainings: [], maxTravelKm: 20 + (i % 30), availability: "available", shareContactsConsent: i % 3 === 0,
    });
  }
  return people;
}

/** The people as the import file an operator would upload. */
export function peopleCsv(places: Places, people: readonly CandidateCreateInput[]): Buffer {
  const label = new Map(places.comuni.map((c) => [c.istatCode, `${c.name} (${c.provinceAcronym})`]));
  return Buffer.from(candidatesToCsv(people, (istat) => label.get(istat) ?? istat));
}
