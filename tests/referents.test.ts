import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, CPI_MILANO, CPI_MONCALIERI, CPI_TORINO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { TORINO } from "./helpers/valid-codes.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { importViaApi } from "./helpers/imports.js";
import { showcaseCsv } from "./fixtures/make-fixtures.js";
import { createUser } from "../src/users/create-user.js";

const V = "/api/v1/vacancies";

describe("offer referents", () => {
  const h = useTestApp();
  const referent = () => h.as(h.p.referent);
  const users = { referent: "", second: "", inactive: "", milano: "", milanoTutor: "" };
  let secondToken = "";

  beforeAll(async () => {
    const id = async (email: string) => (await h.t.ctx.db.user.findUniqueOrThrow({ where: { email } })).id;
    users.referent = await id("referente.torino@example.it");
    users.milano = await id("referente.milano@example.it");
    const second = await createUser(h.t.ctx.db, { name: "Carla Seconda", email: "carla.seconda@cpi-torino.example.it", role: "referent", cpiCodes: [CPI_TORINO] });
    users.second = second.user.id;
    secondToken = second.token;
    const inactive = await createUser(h.t.ctx.db, { name: "Bruno Cessato", email: "bruno.cessato@cpi-torino.example.it", role: "referent", cpiCodes: [CPI_TORINO] });
    await h.t.ctx.db.user.update({ where: { id: inactive.user.id }, data: { active: false, deactivatedAt: new Date() } });
    users.inactive = inactive.user.id;
    users.milanoTutor = (await createUser(h.t.ctx.db, { name: "Giulia Tutor Milano", email: "giulia.tutor@cpi-milano.example.it", role: "tutor", cpiCodes: [CPI_MILANO] })).user.id;
  });

  describe("the directory", () => {
    it("lists the active referents of a CPI, with name and e-mail, to every operator and never to employers", async () => {
      for (const token of [h.p.tutor, h.p.navigator, h.p.otherReferent, h.p.admin]) {
        const res = await h.as(token).get(`/api/v1/cpis/${CPI_TORINO}/referents`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.cpi).toEqual({ code: CPI_TORINO, name: expect.stringMatching(/\S/) });
        expect(res.body.referents).toEqual([
          { id: users.second, name: "Carla Seconda", email: "carla.seconda@cpi-torino.example.it" },
          { id: users.referent, name: "Referente Torino", email: "referente.torino@example.it" },
        ]);
      }
      expect((await h.as(h.p.employer).get(`/api/v1/cpis/${CPI_TORINO}/referents`)).status).toBe(403);
      const unknown = await h.as(h.p.tutor).get("/api/v1/cpis/XX-NESSUNO/referents");
      expect(unknown.status).toBe(404);
    });

    it("answers the whole regional directory, or the CPIs asked for, with each referent's CPIs", async () => {
      const milano = await h.as(h.p.tutor).get(`/api/v1/referents?cpi=${CPI_MILANO}`);
      expect(milano.status).toBe(200);
      expect(milano.body.items).toEqual([{ id: users.milano, name: "Referente Milano", email: "referente.milano@example.it", cpis: [{ code: CPI_MILANO, name: expect.any(String) }] }]);
      const all = await h.as(h.p.navigator).get("/api/v1/referents");
      const names = (all.body.items as { name: string; cpis: { code: string }[] }[]).map((r) => r.name);
      expect(names).toEqual(["Carla Seconda", "Referente Milano", "Referente Torino"]);
      expect((all.body.items as { name: string; cpis: { code: string }[] }[]).find((r) => r.name === "Referente Torino")!.cpis.map((c) => c.code)).toEqual(
        [CPI_MONCALIERI, CPI_TORINO].sort(),
      );
      const bad = await h.as(h.p.tutor).get("/api/v1/referents?cpi=XX-NESSUNO");
      expect(bad.status).toBe(422);
      expect(bad.body).toMatchObject({ code: "UNKNOWN_REFERENCE", fields: [{ field: "cpi" }] });
      expect((await h.as(h.p.employer).get("/api/v1/referents")).status).toBe(403);
    });
  });

  describe("on publish", () => {
    const publish = (token: string, overrides: Record<string, unknown> = {}) => h.as(token).post(V, vacancyBody(overrides));

    it("is the publishing referent by default, and the showcase columns name them", async () => {
      const res = await publish(h.p.referent);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        referent: { id: users.referent, name: "Referente Torino", email: "referente.torino@example.it" },
        referentName: "Referente Torino",
        referentEmail: "referente.torino@example.it",
        positions: 2,
        positionsFilled: 0,
      });
      expect((await referent().get(`${V}/${res.body.id}`)).body.referent.id).toBe(users.referent);
    });

    it("is the user named by referentUserId, or the referent whose e-mail is referentEmail", async () => {
      const named = await publish(h.p.referent, { referentUserId: users.second });
      expect(named.status, JSON.stringify(named.body)).toBe(201);
      expect(named.body).toMatchObject({ referent: { id: users.second }, referentName: "Carla Seconda", referentEmail: "carla.seconda@cpi-torino.example.it" });
      const byEmail = await publish(h.p.admin, { referentEmail: "Carla.Seconda@cpi-torino.example.it".toLowerCase(), referentName: "C. Seconda" });
      expect(byEmail.body).toMatchObject({ referent: { id: users.second }, referentName: "Carla Seconda" });
    });

    it("refuses a referentUserId who is not an active referent of the vacancy's CPI, naming the field", async () => {
      for (const who of [users.milano, users.inactive, users.milanoTutor, "nessuno"]) {
        const res = await publish(h.p.referent, { referentUserId: who });
        expect(res.status, JSON.stringify(res.body)).toBe(422);
        expect(res.body).toMatchObject({ code: "UNKNOWN_REFERENCE", fields: [{ field: "referentUserId", message: expect.stringContaining(CPI_TORINO) }] });
      }
    });

    it("keeps the columns as written when they name nobody registered, the publisher being the user; an administrator names nobody", async () => {
      const written = await publish(h.p.referent, { referentName: "Anna Bianchi", referentEmail: "anna.bianchi@cpi.example.it" });
      expect(written.body).toMatchObject({ referent: { id: users.referent }, referentName: "Anna Bianchi", referentEmail: "anna.bianchi@cpi.example.it" });
      const byAdmin = await publish(h.p.admin);
      expect(byAdmin.body).toMatchObject({ referent: null, referentName: null, referentEmail: null });
    });

    it("assigns the referent of an imported row by its «Mail referente», like the API", async () => {
      const row = (profile: string, email: string) =>
        ["Aperta", "02/02/2026", profile, 1, "Logistica Sabauda S.r.l.", "00743110157", "52.10", "Tempo indeterminato full time", "Carrelli", "CPI TORINO - VIA BOLOGNA", "Referente", email, ""] as [
          string, string, string, number, string, string, string, string, string, string, string, string, string,
        ];
      const res = await importViaApi(h.t.app, h.p.referent, "vacancies", showcaseCsv([row("Mulettista", "carla.seconda@cpi-torino.example.it"), row("Carrellista", "ignota@cpi.example.it")]), "vetrina.csv");
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      expect(res.report.totals).toMatchObject({ created: 2, rejected: 0 });
      const imported = await h.t.ctx.db.vacancy.findMany({ where: { requestedProfile: { in: ["Mulettista", "Carrellista"] } }, orderBy: { requestedProfile: "asc" } });
      expect(imported.map((v) => [v.requestedProfile, v.referentUserId, v.referentName, v.referentEmail])).toEqual([
        ["Carrellista", users.referent, "Referente", "ignota@cpi.example.it"],
        ["Mulettista", users.second, "Carla Seconda", "carla.seconda@cpi-torino.example.it"],
      ]);
    });
  });

  describe("reassigning", () => {
    it("hands the vacancy to another referent of its CPI with a reason, and the history tells who, when and what", async () => {
      const id = (await referent().post(V, vacancyBody())).body.id as string;
      const res = await referent().post(`${V}/${id}/referent`, { referentUserId: users.second, reason: "Ferie del referente" });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ referent: { id: users.second, name: "Carla Seconda" }, referentName: "Carla Seconda", referentEmail: "carla.seconda@cpi-torino.example.it" });

      const history = (await h.as(h.p.tutor).get(`${V}/${id}/history`)).body as { type: string; reason: string | null; byUserName: string; changes: { field: string; before?: unknown; after?: unknown }[] }[];
      const handed = history.filter((e) => e.type === "changed");
      expect(handed).toHaveLength(1);
      expect(handed[0]).toMatchObject({ reason: "Ferie del referente", byUserName: "Referente Torino" });
      expect(handed[0]!.changes).toEqual([
        { field: "referentUserId", before: users.referent, after: users.second },
        { field: "referentName" },
        { field: "referentEmail" },
      ]);

      // The new referent can hand it back; naming the current one again changes nothing.
      expect((await h.as(secondToken).post(`${V}/${id}/referent`, { referentUserId: users.second })).status).toBe(200);
      expect((await h.as(h.p.tutor).get(`${V}/${id}/history`)).body.filter((e: { type: string }) => e.type === "changed")).toHaveLength(1);
      const back = await h.as(secondToken).post(`${V}/${id}/referent`, { referentUserId: users.referent });
      expect(back.body.referent.id).toBe(users.referent);
    });

    it("is for an administrator or a referent of the CPI, towards an active referent of that CPI", async () => {
      const id = (await referent().post(V, vacancyBody())).body.id as string;
      for (const token of [h.p.tutor, h.p.navigator, h.p.otherReferent, h.p.employer]) {
        expect((await h.as(token).post(`${V}/${id}/referent`, { referentUserId: users.second })).status).toBe(403);
      }
      const toMilano = await h.as(h.p.admin).post(`${V}/${id}/referent`, { referentUserId: users.milano });
      expect(toMilano.status).toBe(422);
      expect(toMilano.body.fields[0].field).toBe("referentUserId");
      expect((await referent().post(`${V}/${id}/referent`, { referentUserId: users.second, note: "x" })).status).toBe(400);
      expect((await h.as(h.p.admin).post(`${V}/${id}/referent`, { referentUserId: users.second })).status).toBe(200);
    });
  });

  describe("reaching the people on one's own vacancy's list", () => {
    const warehouse = (n: number, cpiCode: string, extra: Record<string, unknown> = {}) =>
      candidateBody(mariaRossiTaxCode(900 + n), {
        cpiCode,
        // Living in Torino: distance never decides who is on the list.
        domicileIstatCode: TORINO,
        email: `lista.${n}@example.it`,
        phone: `+39 333 444 ${String(n).padStart(4, "0")}`,
        declaredProfiles: [{ title: "Magazziniere" }],
        competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"],
        ...extra,
      });

    it("lets the vacancy's referent read a person of another CPI while the list is open, audited; 403 before, once removed and once closed", async () => {
      const milanese = (await h.as(h.p.admin).post("/api/v1/candidates", warehouse(1, CPI_MILANO, { tutorId: users.milanoTutor }))).body.id as string;
      const torinese = (await h.as(h.p.admin).post("/api/v1/candidates", warehouse(2, CPI_TORINO))).body.id as string;
      const record = (token: string) => h.as(token).get(`/api/v1/candidates/${milanese}`);
      expect((await record(h.p.referent)).status).toBe(403);

      const id = (await referent().post(V, vacancyBody({ profileTitle: "Magazziniere", workplaceIstatCode: TORINO }))).body.id as string;
      const built = await referent().post(`${V}/${id}/shortlist`, {});
      expect(built.status, JSON.stringify(built.body)).toBe(201);
      expect((built.body.entries as { candidateId: string }[]).map((e) => e.candidateId)).toEqual(expect.arrayContaining([milanese, torinese]));

      const list = await referent().get(`${V}/${id}/shortlist`);
      const entry = (list.body.entries as { candidateId: string; cpi: { code: string; name: string }; tutor: { id: string; name: string } | null; phone?: string }[]).find((e) => e.candidateId === milanese)!;
      expect(entry).toMatchObject({ cpi: { code: CPI_MILANO, name: expect.stringMatching(/\S/) }, tutor: { id: users.milanoTutor, name: "Giulia Tutor Milano" }, phone: "+39 333 444 0001" });

      const read = await record(h.p.referent);
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      expect(read.body.phone).toBe("+39 333 444 0001");
      const audit = await h.t.ctx.db.auditLog.findMany({ where: { userId: users.referent, action: "read", entityId: milanese, route: "GET /candidates/:id" } });
      expect(audit).toHaveLength(1);
      // Only the vacancy's referent: other operators of its CPI still do not reach the person.
      for (const token of [h.p.tutor, h.p.navigator]) expect((await record(token)).status).toBe(403);
      expect((await record(h.p.admin)).status).toBe(200);

      expect((await referent().post(`${V}/${id}/shortlist/entries/${milanese}/remove`, { reason: "Non interessata" })).status).toBe(200);
      expect((await record(h.p.referent)).status).toBe(403);
      expect((await referent().post(`${V}/${id}/shortlist/entries`, { candidateId: milanese, reason: "Ci ha ripensato" })).status).toBe(201);
      expect((await record(h.p.referent)).status).toBe(200);

      expect((await referent().post(`${V}/${id}/close`, { outcome: "cancelled", reason: "Posizione soppressa" })).status).toBe(200);
      expect((await record(h.p.referent)).status).toBe(403);
      // The person of the referent's own CPI stays readable whatever the list.
      expect((await h.as(h.p.referent).get(`/api/v1/candidates/${torinese}`)).status).toBe(200);
    });
  });
});
