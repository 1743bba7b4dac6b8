import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createUser } from "../src/users/create-user.js";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { allRows, waitForImport } from "./helpers/imports.js";
import { runCommand } from "./helpers/run-command.js";
import { run as cpisCommand } from "../src/cli/commands/cpis.js";

const SAMPLE = path.resolve("data/samples/cpi-emilia-romagna.csv");
const BOLOGNA = "037006";
const CASALECCHIO = "037011";
const CARPI = "036005";
const SASSUOLO = "036040";
const VERCELLI = "002158";

const h = useTestApp();
let taxCodes = 500;
const nextTaxCode = () => mariaRossiTaxCode(taxCodes++);

async function importCpis(token: string, data: Buffer | string, name = "cpi.csv") {
  const res = await request(h.t.app).post("/api/v1/cpis/import").set("authorization", `Bearer ${token}`).attach("file", Buffer.from(data), name);
  if (res.status !== 202) return { res, run: undefined, rows: [] };
  const run = await waitForImport(h.t.app, token, res.body.id);
  return { res, run, rows: await allRows(h.t.app, token, res.body.id) };
}

describe("CPIs as data: a region outside Piemonte and Lombardia, end to end", () => {
  it("imports Emilia-Romagna's CPIs from a spreadsheet, idempotently, and registers people and offers without naming a CPI", async () => {
    const first = await importCpis(h.p.admin, fs.readFileSync(SAMPLE), "cpi-emilia-romagna.csv");
    expect(first.res.status).toBe(202);
    expect(first.run!.status).toBe("succeeded");
    expect(first.run!.totals).toMatchObject({ rows: 3, created: 3, rejected: 0 });
    const again = await importCpis(h.p.admin, fs.readFileSync(SAMPLE), "cpi-emilia-romagna.csv");
    expect(again.run!.totals).toMatchObject({ rows: 3, unchanged: 3 });

    const bologna = await h.as(h.p.admin).get("/api/v1/cpis/BO-BOLOGNA");
    expect(bologna.status).toBe(200);
    expect(bologna.body).toMatchObject({ code: "BO-BOLOGNA", provinceAcronym: "BO", comune: { istatCode: BOLOGNA }, email: "cpi.bologna@example.it", provisional: false, closedAt: null, catchmentSize: 4 });
    const serving = await h.as(h.p.tutor).get(`/api/v1/cpis?comune=${CASALECCHIO}`);
    expect(serving.body.map((c: { code: string }) => c.code)).toEqual(["BO-BOLOGNA"]);

    // A referent of the new CPI publishes without naming it: the offer goes to the referent's CPI.
    const referent = await createUser(h.t.ctx.db, { name: "Referente Bologna", email: "referente.bologna@example.it", role: "referent", cpiCodes: ["BO-BOLOGNA"] });
    const { cpiCode: _v, ...offer } = vacancyBody({ workplaceIstatCode: BOLOGNA, employerId: h.p.employerId });
    const vacancy = await h.as(referent.token).post("/api/v1/vacancies", offer);
    expect(vacancy.status).toBe(201);
    expect(vacancy.body.cpi.code).toBe("BO-BOLOGNA");

    // A person living in Casalecchio di Reno goes to the CPI whose catchment holds it.
    const { cpiCode: _c, ...person } = candidateBody(nextTaxCode(), { domicileIstatCode: CASALECCHIO, competences: ["Conduzione carrelli elevatori"], shareContactsConsent: true });
    const candidate = await h.as(referent.token).post("/api/v1/candidates", person);
    expect(candidate.status).toBe(201);
    expect(candidate.body.cpi.code).toBe("BO-BOLOGNA");

    // Matches, a candidate list and the figures per CPI work for the new region.
    const matches = await h.as(referent.token).get(`/api/v1/vacancies/${vacancy.body.id}/matches`);
    expect(matches.status).toBe(200);
    expect(matches.body.items.map((m: { candidateId: string }) => m.candidateId)).toContain(candidate.body.id);
    const list = await h.as(referent.token).post(`/api/v1/vacancies/${vacancy.body.id}/shortlist`, {});
    expect(list.status).toBe(201);
    expect(JSON.stringify(list.body)).toContain(candidate.body.id);
    const figures = await h.as(h.p.admin).get(`/api/v1/figures?cpi=BO-BOLOGNA&from=${new Date().getUTCFullYear()}-01-01&to=${new Date().getUTCFullYear()}-12-31`);
    expect(figures.status).toBe(200);
    expect(figures.body.rows).toEqual([expect.objectContaining({ cpiCode: "BO-BOLOGNA", vacanciesReceived: 1, positionsRequested: 2 })]);
    // The new CPI is the referent's scope: they see their person, not Torino's.
    const people = await h.as(referent.token).get("/api/v1/candidates");
    expect(people.body.items.map((p: { id: string }) => p.id)).toEqual([candidate.body.id]);
  });

  it("refuses, saying so, a person in a comune no loaded CPI serves, and an offer whose referent has no CPI to go by", async () => {
    const { cpiCode: _c, ...person } = candidateBody(nextTaxCode(), { domicileIstatCode: SASSUOLO });
    const res = await h.as(h.p.admin).post("/api/v1/candidates", person);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("UNKNOWN_REFERENCE");
    expect(res.body.fields).toEqual([{ field: "domicileIstatCode", message: expect.stringContaining("Nessun CPI caricato serve il comune di Sassuolo (MO") }]);
    // An explicit CPI still wins.
    expect((await h.as(h.p.admin).post("/api/v1/candidates", { ...person, cpiCode: "MO-MODENA" })).status).toBe(201);
    // Vercelli: the seeds name no CPI of its province, so no seeded catchment holds it.
    const { cpiCode: _v, ...offer } = vacancyBody({ workplaceIstatCode: VERCELLI });
    const refused = await h.as(h.p.admin).post("/api/v1/vacancies", offer);
    expect(refused.status).toBe(422);
    expect(refused.body.fields[0]).toMatchObject({ field: "workplaceIstatCode", message: expect.stringContaining("Vercelli") });
  });

  it("closes a CPI: it takes nobody new, and its catchment can pass to another", async () => {
    const closed = await h.as(h.p.admin).post("/api/v1/cpis/MO-CARPI/close", { transferCatchmentTo: "MO-MODENA" });
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).not.toBeNull();
    expect(closed.body.catchmentSize).toBe(0);
    const { cpiCode: _c, ...person } = candidateBody(nextTaxCode(), { domicileIstatCode: CARPI });
    const moved = await h.as(h.p.admin).post("/api/v1/candidates", person);
    expect(moved.status).toBe(201);
    expect(moved.body.cpi.code).toBe("MO-MODENA");
    const refused = await h.as(h.p.admin).post("/api/v1/candidates", { ...candidateBody(nextTaxCode()), cpiCode: "MO-CARPI", domicileIstatCode: CARPI });
    expect(refused.status).toBe(409);
    expect(refused.body.fields[0]).toMatchObject({ field: "cpiCode", message: expect.stringContaining("è chiuso") });
    expect((await h.as(h.p.admin).post("/api/v1/cpis/MO-CARPI/close", {})).status).toBe(409);
    // Nor an offer moved there from another CPI.
    const offer = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ employerId: h.p.employerId }));
    const movedOffer = await h.as(h.p.admin).patch(`/api/v1/vacancies/${offer.body.id}`, { cpiCode: "MO-CARPI" });
    expect([movedOffer.status, movedOffer.body.fields?.[0]?.field]).toEqual([409, "cpiCode"]);
  });
});

describe("CPIs: administrators write, everyone reads", () => {
  it("creates, changes and sets the catchment of a CPI; the seeded CPIs have theirs", async () => {
    const created = await h.as(h.p.admin).post("/api/v1/cpis", { code: "re-reggio-emilia", name: "CPI Reggio Emilia", comuneIstatCode: "Reggio nell'Emilia", catchment: ["Scandiano", "Correggio"] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "RE-REGGIO-EMILIA", provinceAcronym: "RE", catchmentSize: 2, address: null });
    expect((await h.as(h.p.admin).post("/api/v1/cpis", { code: "RE-REGGIO-EMILIA", name: "Doppio", comuneIstatCode: "035033" })).status).toBe(409);
    const patched = await h.as(h.p.admin).patch("/api/v1/cpis/RE-REGGIO-EMILIA", { address: "Via Esempio 4", email: "cpi.re@example.it" });
    expect(patched.body).toMatchObject({ address: "Via Esempio 4", email: "cpi.re@example.it" });

    // Taking Formigine from Modena's catchment says so.
    const set = await request(h.t.app).put("/api/v1/cpis/RE-REGGIO-EMILIA/catchment").set("authorization", `Bearer ${h.p.admin}`).send({ comuni: ["Scandiano", "036015"] });
    expect(set.status).toBe(200);
    expect(set.body.comuni.map((c: { name: string }) => c.name)).toEqual(["Formigine", "Scandiano"]);
    expect(set.body.moved).toEqual([{ istatCode: "036015", fromCpiCode: "MO-MODENA" }]);
    const read = await h.as(h.p.navigator).get("/api/v1/cpis/RE-REGGIO-EMILIA/catchment");
    expect(read.body.comuni).toHaveLength(2);

    // Seeded: every comune of Torino's province has a CPI; Moncalieri's own comune is Moncalieri's.
    const moncalieri = await h.as(h.p.tutor).get("/api/v1/cpis/TO-MONCALIERI/catchment");
    expect(moncalieri.body.comuni.map((c: { name: string }) => c.name)).toContain("Moncalieri");
    const unservedInTorino = await h.t.ctx.db.comune.count({ where: { provinceAcronym: "TO", catchment: null } });
    expect(unservedInTorino).toBe(0);
  });

  it("refuses writes to everyone but the administrator, and a bad import row says why", async () => {
    expect((await h.as(h.p.referent).post("/api/v1/cpis", { code: "X-Y", name: "CPI X", comuneIstatCode: BOLOGNA })).status).toBe(403);
    expect((await h.as(h.p.referent).patch("/api/v1/cpis/BO-BOLOGNA", { name: "Altro" })).status).toBe(403);
    expect((await importCpis(h.p.referent, "Codice;Nome;Comune sede\nX;Y;Bologna\n")).res.status).toBe(403);
    const bad = await importCpis(h.p.admin, 'Codice;Nome;Provincia;Comune sede;Bacino\nFE-FERRARA;CPI Ferrara;FE;Ferrara;"Ferrara; Cittàinventata"\nPR-PARMA;CPI Parma;BO;Parma;\n');
    expect(bad.run!.totals).toMatchObject({ rows: 2, rejected: 2 });
    expect(bad.rows[0]!.errors![0]).toMatchObject({ column: "Bacino", message: expect.stringContaining("Cittàinventata") });
    expect(bad.rows[1]!.errors![0]).toMatchObject({ column: "Provincia", message: expect.stringContaining("in provincia di PR") });
  });
});

describe("CPIs on the command line", () => {
  it("creates, changes, closes and imports CPIs, printing what it did; a bad argument exits with 2", async () => {
    const created = await runCommand(() => cpisCommand(h.t.ctx, ["create", "--code", "PC-PIACENZA", "--name", "CPI Piacenza", "--comune", "Piacenza", "--bacino", "Piacenza; Podenzano"]));
    expect(created).toMatchObject({ code: 0, output: expect.stringContaining("PC-PIACENZA") });
    expect(created.output).toContain("bacino 2 comuni");
    expect((await runCommand(() => cpisCommand(h.t.ctx, ["update", "PC-PIACENZA", "--email", "cpi.pc@example.it"]))).code).toBe(0);
    expect((await h.t.ctx.db.cpi.findUniqueOrThrow({ where: { code: "PC-PIACENZA" } })).email).toBe("cpi.pc@example.it");
    const bacino = await runCommand(() => cpisCommand(h.t.ctx, ["bacino", "PC-PIACENZA"]));
    expect(bacino.output).toContain("Podenzano");
    const imported = await runCommand(() => cpisCommand(h.t.ctx, ["import", SAMPLE]));
    expect(imported.code).toBe(0);
    expect(imported.output).toMatch(/create \d+ · aggiornate \d+ · invariate \d+ · scartate 0/);
    const closed = await runCommand(() => cpisCommand(h.t.ctx, ["close", "PC-PIACENZA"]));
    expect(closed).toMatchObject({ code: 0, output: expect.stringContaining("chiuso") });
    expect((await runCommand(() => cpisCommand(h.t.ctx, ["close"]))).code).toBe(2);
    expect((await runCommand(() => cpisCommand(h.t.ctx, ["create", "--code", "X"]))).code).toBe(1);
  });
});
