import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, CPI_MILANO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { MILANO, MONCALIERI, TORINO, VALID_VAT_NUMBERS } from "./helpers/valid-codes.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { groupProximitySchema, personProximitySchema } from "../src/proximity/proximity-schemas.js";

const h = useTestApp();
const people: Record<string, string> = {};
const offers: Record<string, string> = {};

// A plumber near Torino: plumbing work is scarce, air-conditioning installers (same ISCO-08 group 7126) are
// wanted, and they ask for the F-gas licence the plumber lacks.
const PLUMBER = {
  declaredProfiles: [{ title: "Idraulico" }],
  experiences: [{ profileTitle: "Idraulico", fromDate: "2015-01-01", toDate: "2025-06-30" }],
  competences: ["Installazione sanitari", "Saldobrasatura", "Lettura disegni tecnici"],
  drivingLicences: ["B"],
  maxTravelKm: 40,
};
const CLIMA = { requestedProfile: "Installatore di impianti di condizionamento", mustHaveCompetences: ["Patentino F-gas"], niceToHaveCompetences: ["Saldobrasatura"], requiredLicences: ["B"] };

beforeAll(async () => {
  const admin = h.as(h.p.admin);
  const person = async (key: string, over: Record<string, unknown>, n: number) => {
    const res = await admin.post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(700 + n), over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    people[key] = res.body.id;
  };
  await person("plumber", { ...PLUMBER, tutorId: h.p.tutorId }, 1);
  await person("apprentice", { ...PLUMBER, domicileIstatCode: MONCALIERI, competences: ["Saldobrasatura"], experiences: [] }, 2);
  await person("milano", { ...PLUMBER, cpiCode: CPI_MILANO, domicileIstatCode: MILANO }, 3);
  let employer = 0;
  const offer = async (key: string, over: Record<string, unknown>) => {
    // One company each: the showcase refuses the same company, CPI, profile and day twice.
    const res = await admin.post("/api/v1/vacancies", vacancyBody({ companyName: `Impianti ${key} S.r.l.`, companyTaxCode: VALID_VAT_NUMBERS[employer++], ...over }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    offers[key] = res.body.id;
  };
  await offer("clima1", { ...CLIMA, workplaceIstatCode: TORINO });
  await offer("clima2", { ...CLIMA, workplaceIstatCode: MONCALIERI });
  // Same occupation, but a truck licence the plumber lacks: never counted as within reach.
  await offer("climaTruck", { ...CLIMA, requiredLicences: ["C"] });
  // Too far for a 40 km limit.
  await offer("climaMilano", { ...CLIMA, workplaceIstatCode: MILANO, cpiCode: CPI_MILANO });
  // A neighbouring occupation whose only offer is reserved under L. 68/1999.
  await offer("sewer", { requestedProfile: "Addetto manutenzione rete fognaria", profileCode: "6.1.5.2.0", mustHaveCompetences: ["Manutenzione impianti fognari"], reservedL68: true });
  // The plumber's own occupation: their matches, not a proximity.
  await offer("plumbing", { requestedProfile: "Idraulico", mustHaveCompetences: ["Installazione sanitari"] });
});

const proximity = (token: string, id: string, qs = "") => h.as(token).get(`/api/v1/candidates/${id}/proximity${qs}`);
type Suggestion = { occupation: { code: string | null }; [k: string]: unknown };

describe("occupations of proximity for a person", () => {
  it("lists the close occupation with its vacancies in reach, what the person has and lacks, and the small gap", async () => {
    const res = await proximity(h.p.tutor, people.plumber!);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The answer is exactly what the contract declares.
    expect(personProximitySchema.safeParse(res.body).error).toBeUndefined();
    expect(res.body.ownOccupationVacancies).toEqual({ inReach: 1, qualified: 1 });
    const clima = res.body.occupations.find((s: Suggestion) => s.occupation.code === "6.1.3.6.2");
    expect(clima).toMatchObject({
      relation: { level: "same_group", from: "Idraulico" },
      vacanciesInReach: 2,
      excludedVacancies: 1,
      qualifiedNow: 0,
      qualifiedOnceGapClosed: 2,
      smallGap: true,
      lack: [{ competence: "Patentino F-gas", mustHaveIn: 2, niceToHaveIn: 0 }],
      training: [{ competence: "Patentino F-gas", opens: 2 }],
    });
    expect(clima.have).toContain("Saldobrasatura");
    expect(clima.vacancies.map((v: { id: string }) => v.id).sort()).toEqual([offers.clima1, offers.clima2].sort());
    expect(clima.vacancies[0].gap).toMatchObject({ qualifiesOnceClosed: true, missing: [{ competence: "Patentino F-gas", mustHave: true }] });
    const why = clima.reasons.join("\n");
    expect(why).toMatch(/Vicina a «Idraulico»: stesso gruppo ISCO-08 7126/);
    expect(why).toMatch(/2 offerte aperte entro i 40 km dichiarati/);
    expect(why).toMatch(/Possiede già: .*«Saldobrasatura»/);
    expect(why).toMatch(/Manca: «Patentino F-gas» \(indispensabile per 2 su 2\)/);
    expect(why).toMatch(/divario piccolo: con «Patentino F-gas» acquisita risulterebbe idonea\/o per 2 offerte in più/);
    expect(why).toMatch(/1 offerta della professione esclusa da un vincolo: «Manca la patente richiesta: C»/);
    // The most useful suggestion comes first; its own occupation is never one.
    expect(res.body.occupations[0].occupation.code).toBe("6.1.3.6.2");
    expect(res.body.occupations.map((s: Suggestion) => s.occupation.code)).not.toContain("6.1.3.6.1");
  });

  it("never suggests an occupation a hard constraint rules out, and says why", async () => {
    const res = await proximity(h.p.admin, people.plumber!, "?limit=50");
    expect(res.body.occupations.map((s: Suggestion) => s.occupation.code)).not.toContain("6.1.5.2.0");
    expect(res.body.ruledOut).toContainEqual(
      expect.objectContaining({ occupation: expect.objectContaining({ code: "6.1.5.2.0" }), reason: expect.stringMatching(/collocamento mirato \(L\. 68\/1999\)/) }),
    );
  });

  it("is a read of the person's data: audited, nothing else stored, refused outside the operator's scope", async () => {
    const audits = () => h.t.ctx.db.auditLog.count({ where: { entityId: people.plumber!, action: "read", route: "GET /candidates/:id/proximity" } });
    const before = await audits();
    await proximity(h.p.navigator, people.plumber!);
    expect(await audits()).toBe(before + 1);
    expect(await h.t.ctx.db.matchResult.count()).toBe(0);
    expect((await proximity(h.p.tutor, people.milano!)).status).toBe(403);
    expect((await proximity(h.p.otherReferent, people.milano!)).status).toBe(200);
    expect((await proximity(h.p.employer, people.plumber!)).status).toBe(403);
    expect((await proximity(h.p.admin, "nessuno")).status).toBe(404);
  });
});

describe("the person's matches show what is missing", () => {
  it("tells, for an offer the person does not qualify for, the competences missing and that learning them would qualify", async () => {
    const res = await h.as(h.p.tutor).get(`/api/v1/candidates/${people.plumber}/matches`);
    expect(res.status).toBe(200);
    const clima = res.body.items.find((i: { vacancy: { id: string } }) => i.vacancy.id === offers.clima1);
    expect(clima.qualified).toBe(false);
    expect(clima.gap.summary).toMatch(/^Manca: «Patentino F-gas»; una volta acquisita la persona risulterebbe idonea \(punteggio \d+/);
    const own = res.body.items.find((i: { vacancy: { id: string } }) => i.vacancy.id === offers.plumbing);
    expect(own).toMatchObject({ qualified: true, gap: null });
  });
});

describe("occupations of proximity for a group", () => {
  it("adds up the people: the occupations with most vacancies in reach and the training that qualifies most people", async () => {
    const before = await h.t.ctx.db.auditLog.count();
    const res = await h.as(h.p.tutor).post("/api/v1/proximity/group", { candidateIds: [people.plumber, people.apprentice] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(groupProximitySchema.safeParse(res.body).error).toBeUndefined();
    expect(res.body.scope).toEqual({ cpiCode: null, people: 2 });
    expect(res.body).toMatchObject({ peopleWithoutOwnVacancies: 0, peopleWithSuggestion: 2 });
    expect(res.body.occupations[0]).toMatchObject({ occupation: { code: "6.1.3.6.2" }, vacanciesInReach: 2, people: 2 });
    expect(res.body.competences[0]).toMatchObject({ competence: "Patentino F-gas", people: 2, vacancies: 2 });
    expect(res.body.competences[0].reason).toMatch(/^Acquisendo «Patentino F-gas» 2 persone risulterebbero idonee/);
    expect(res.body.summary).toMatch(/la formazione che qualificherebbe più persone: «Patentino F-gas» \(2\)/);
    // Only the audit of the two reads is written.
    expect(await h.t.ctx.db.auditLog.count()).toBe(before + 2);
  });

  it("takes a CPI's people in the operator's scope, and refuses what it cannot do", async () => {
    const cpi = await h.as(h.p.tutor).post("/api/v1/proximity/group", { cpiCode: "TO-TORINO-VIA-BOLOGNA" });
    expect(cpi.status, JSON.stringify(cpi.body)).toBe(200);
    expect(cpi.body.scope.people).toBe(2);
    expect((await h.as(h.p.tutor).post("/api/v1/proximity/group", { cpiCode: CPI_MILANO })).status).toBe(403);
    const unknown = await h.as(h.p.admin).post("/api/v1/proximity/group", { cpiCode: "XX-NESSUNO" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.fields[0].field).toBe("cpiCode");
    const outside = await h.as(h.p.tutor).post("/api/v1/proximity/group", { candidateIds: [people.plumber, people.milano] });
    expect(outside.status).toBe(403);
    expect(outside.body.fields).toEqual([{ field: "candidateIds.1", message: expect.stringMatching(/fuori dai CPI/) }]);
    expect((await h.as(h.p.admin).post("/api/v1/proximity/group", { candidateIds: ["nessuno"] })).status).toBe(422);
    expect((await h.as(h.p.admin).post("/api/v1/proximity/group", {})).status).toBe(400);
    expect((await h.as(h.p.employer).post("/api/v1/proximity/group", { candidateIds: [people.plumber] })).status).toBe(403);
  });
});
