import { inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import ExcelJS from "exceljs";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { hashToken } from "../src/auth/tokens.js";
import { distanceBand } from "../src/shortlist-delivery/distance-band.js";
import { linkState } from "../src/shortlist-delivery/link-states.js";
import { linkUrl } from "../src/shortlist-delivery/link-token.js";

const V = "/api/v1/vacancies";
const LINK_IN_EMAIL = /http:\/\/\S+\/link\/([A-Za-z0-9_-]{43})/;

/** A file answer as bytes (supertest parses only text by default). */
const binary = (res: request.Response, done: (err: Error | null, body: unknown) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on("data", (c: Buffer) => chunks.push(c));
  stream.on("end", () => done(null, Buffer.concat(chunks)));
};
const download = (path: string, token?: string) => {
  const req = request(h.t.app).get(path).buffer(true).parse(binary);
  return token ? req.set("authorization", `Bearer ${token}`) : req;
};

/** The text a PDF shows: its content streams inflated, the hex strings of each text operator decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const texts: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf("endstream", start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString("latin1");
    } catch {
      continue; // not a deflated stream (fonts are built in, so there is none of those)
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      texts.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join(""));
    }
  }
  return texts.join("\n");
}

const h = useTestApp();
const referent = () => h.as(h.p.referent);
const anyone = () => request(h.t.app);

const people = { consenting: "", withheld: "" };
const taxCodes: string[] = [];

beforeAll(async () => {
  const bodies = [
    candidateBody(mariaRossiTaxCode(2600), {
      email: "consenso.2600@example.it",
      phone: "+39 333 2600 001",
      shareContactsConsent: true,
      declaredProfiles: [{ title: "Magazziniere", code: "8.1.3.1.0" }],
      competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"],
      experiences: [
        { profileTitle: "Cameriera", fromDate: "2015-01-01", toDate: "2016-12-31" },
        { profileTitle: "Magazziniere addetto al carico", fromDate: "2019-01-01", toDate: "2025-12-31" },
      ],
    }),
    candidateBody(mariaRossiTaxCode(2601), {
      email: "riservata.2601@example.it",
      phone: "+39 333 2601 002",
      shareContactsConsent: false,
      declaredProfiles: [{ title: "Magazziniere" }],
      competences: ["Conduzione carrelli elevatori"],
    }),
  ];
  const ids: string[] = [];
  for (const body of bodies) {
    const res = await referent().post("/api/v1/candidates", body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.id as string);
    taxCodes.push(body.taxCode);
  }
  [people.consenting, people.withheld] = ids as [string, string];
});

/** A vacancy of the employer, its list built from the matching, both people confirmed and sent. */
async function sentList(): Promise<{ vacancyId: string; token: string; linkId: string }> {
  const v = await referent().post(V, vacancyBody({ profileTitle: "Magazziniere", profileCode: "8.1.3.1.0", employerId: h.p.employerId, positions: 1 }));
  expect(v.status, JSON.stringify(v.body)).toBe(201);
  const built = await referent().post(`${V}/${v.body.id}/shortlist`, {});
  expect(built.status, JSON.stringify(built.body)).toBe(201);
  for (const id of [people.consenting, people.withheld]) {
    expect((await referent().post(`${V}/${v.body.id}/shortlist/entries/${id}/contact`, { status: "available" })).status).toBe(200);
  }
  const sent = await referent().post(`${V}/${v.body.id}/shortlist/send`, {});
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const links = await h.t.ctx.db.shortlistLink.findMany({ where: { shortlistId: sent.body.id } });
  expect(links).toHaveLength(1);
  const email = await h.t.ctx.db.emailMessage.findFirstOrThrow({ where: { kind: "rosa_inviata", body: { contains: `offerta ${v.body.id}` } } });
  const token = LINK_IN_EMAIL.exec(email.body)?.[1];
  expect(token, email.body).toBeDefined();
  return { vacancyId: v.body.id as string, token: token!, linkId: links[0]!.id };
}

describe("a link issued when the list is sent", () => {
  it("is e-mailed to the employer's contact; only its SHA-256 is stored; operators list it without the token", async () => {
    const { vacancyId, token, linkId } = await sentList();
    const link = await h.t.ctx.db.shortlistLink.findUniqueOrThrow({ where: { id: linkId } });
    expect(link.recipientEmail).toBe("hr.logistica@example.it");
    expect(link.tokenHash).toBe(hashToken(token));
    const days = (link.expiresAt.getTime() - link.createdAt.getTime()) / 86_400_000;
    expect(days).toBe(30);
    const email = await h.t.ctx.db.emailMessage.findFirstOrThrow({ where: { body: { contains: token } } });
    expect(email).toMatchObject({ kind: "rosa_inviata", toAddress: "hr.logistica@example.it", status: "in_coda" });
    // The outbox API shows the message with the link's token masked: only the recipient holds it.
    const shown = await h.as(h.p.admin).get(`/api/v1/emails/${email.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.body).toContain("/link/[riservato]");
    expect(shown.body.body).not.toContain(token);

    const listed = await referent().get(`${V}/${vacancyId}/shortlist/links`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: linkId, recipientEmail: "hr.logistica@example.it", state: "attivo", stateLabel: "Attivo", lastOpenedAt: null })]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(JSON.stringify(listed.body)).not.toContain(link.tokenHash);
    expect((await h.as(h.p.employer).get(`${V}/${vacancyId}/shortlist/links`)).status).toBe(403);
    expect((await h.as(h.p.otherReferent).get(`${V}/${vacancyId}/shortlist/links`)).status).toBe(403);
  });

  it("shows the employer, with no account, only what data minimisation allows; the access is audited", async () => {
    const { vacancyId, token, linkId } = await sentList();
    const res = await anyone().get(`/api/v1/link/${token}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ readOnly: false, readOnlyMessage: null, vacancy: { companyName: "Logistica Sabauda S.r.l.", workplace: "Torino" } });
    const text = JSON.stringify(res.body);
    for (const hidden of [...taxCodes, "Rossi", "+39 333 2601 002", "riservata.2601@example.it", people.consenting, people.withheld, "domicile", "comune", "score", "NASPI"]) {
      expect(text, hidden).not.toContain(hidden);
    }
    const shown = res.body.people as Record<string, unknown>[];
    expect(shown).toHaveLength(2);
    const consenting = shown.find((p) => (p.contact as { via: string }).via === "candidate")!;
    const withheld = shown.find((p) => (p.contact as { via: string }).via === "cpi_referent")!;
    expect(consenting).toMatchObject({
      name: "Maria R.",
      profile: { availableFor: ["Magazziniere"] },
      competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"],
      distanceBand: "entro_10_km",
      distanceBandLabel: "entro 10 km",
      contact: { email: "consenso.2600@example.it", phone: "+39 333 2600 001" },
      outcomeLabel: "In attesa di esito",
    });
    // The job like the vacancy's comes first, flagged; the other follows.
    expect(consenting.experiences).toEqual([
      { profileTitle: "Magazziniere addetto al carico", sector: null, from: "2019-01", to: "2025-12", relevant: true },
      { profileTitle: "Cameriera", sector: null, from: "2015-01", to: "2016-12", relevant: false },
    ]);
    expect(withheld).toMatchObject({ name: "Maria R.", contact: { label: "Contattare il referente del CPI", cpi: expect.any(String) } });
    expect(withheld.contact).not.toHaveProperty("phone");

    const audit = await h.t.ctx.db.auditLog.findMany({ where: { route: { contains: `[collegamento ${linkId}]` } } });
    expect(audit.map((a) => [a.action, a.entityId, a.userId]).sort()).toEqual(
      [["read", people.consenting, null], ["read", people.withheld, null]].sort(),
    );
    expect(audit.every((a) => !a.route.includes(token))).toBe(true);
    expect((await h.t.ctx.db.shortlistLink.findUniqueOrThrow({ where: { id: linkId } })).lastOpenedAt).not.toBeNull();
    expect((await referent().get(`${V}/${vacancyId}/shortlist/links`)).body[0].lastOpenedAt).not.toBeNull();
  });
});

describe("outcomes and decline through the link", () => {
  it("records outcomes with the referent's rules; the referent's view and history show them", async () => {
    const { vacancyId, token, linkId } = await sentList();
    const shown = (await anyone().get(`/api/v1/link/${token}`)).body.people as { entryId: string; contact: { via: string } }[];
    const consenting = shown.find((p) => p.contact.via === "candidate")!;
    const withheld = shown.find((p) => p.contact.via === "cpi_referent")!;
    const outcome = (entryId: string, body: object) => anyone().post(`/api/v1/link/${token}/entries/${entryId}/outcome`).send(body);

    const interviewed = await outcome(consenting.entryId, { outcome: "interviewed", note: "Colloquio il 3 dicembre" });
    expect(interviewed.status, JSON.stringify(interviewed.body)).toBe(200);
    expect(interviewed.body).toMatchObject({ outcome: "interviewed", outcomeLabel: "Colloquio svolto" });
    // The transition table of the referent's flow: hired only after an interview.
    expect((await outcome(withheld.entryId, { outcome: "hired" })).body.code).toBe("INVALID_TRANSITION");
    expect((await outcome(withheld.entryId, { outcome: "no_show" })).status).toBe(400);
    expect((await outcome("nessuna-voce", { outcome: "interviewed" })).status).toBe(404);
    const hired = await outcome(consenting.entryId, { outcome: "hired" });
    expect(hired.status, JSON.stringify(hired.body)).toBe(200);
    expect(hired.body.availability).toBe("employed");

    const view = await referent().get(`${V}/${vacancyId}/shortlist`);
    const entry = (view.body.entries as { candidateId: string; outcome: string }[]).find((e) => e.candidateId === people.consenting)!;
    expect(entry.outcome).toBe("hired");
    const history = view.body.history as { type: string; reason: string | null }[];
    expect(history.find((e) => e.type === "outcome" && e.reason?.includes("Colloquio il 3 dicembre"))?.reason).toBe(
      "Comunicato dall'azienda tramite il collegamento: Colloquio il 3 dicembre",
    );
    const audit = await h.t.ctx.db.auditLog.findMany({ where: { route: { contains: `[collegamento ${linkId}]` }, action: "update" } });
    expect(audit.map((a) => a.entityId)).toContain(people.consenting);
    // The hiring made the person employed: put back for the other tests.
    expect((await referent().patch(`/api/v1/candidates/${people.consenting}`, { availability: "available" })).status).toBe(200);
  });

  it("turns the whole list down with a reason; the list then reads as closed and takes no more outcomes", async () => {
    const { vacancyId, token, linkId } = await sentList();
    expect((await anyone().post(`/api/v1/link/${token}/decline`).send({})).status).toBe(400);
    const declined = await anyone().post(`/api/v1/link/${token}/decline`).send({ reason: "Cerchiamo profili con patente C" });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body).toMatchObject({ status: "closed", statusLabel: "Rifiutata dall'azienda", vacancy: { status: "in_preselection" } });

    const view = await referent().get(`${V}/${vacancyId}/shortlist`);
    expect(view.body).toMatchObject({ status: "closed", declinedReason: "Cerchiamo profili con patente C" });

    const readOnly = await anyone().get(`/api/v1/link/${token}`);
    expect(readOnly.status).toBe(200);
    expect(readOnly.body).toMatchObject({ readOnly: true, statusLabel: "Rifiutata dall'azienda", readOnlyMessage: expect.stringMatching(/chiusa/) });
    const entryId = readOnly.body.people[0].entryId as string;
    const late = await anyone().post(`/api/v1/link/${token}/entries/${entryId}/outcome`).send({ outcome: "interviewed" });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/chiusa/);
    expect((await anyone().post(`/api/v1/link/${token}/decline`).send({ reason: "Di nuovo" })).status).toBe(409);
    const audit = await h.t.ctx.db.auditLog.findMany({ where: { route: { contains: `[collegamento ${linkId}]` }, action: "status" } });
    expect(audit.map((a) => [a.entityType, a.entityId])).toEqual([["vacancy", vacancyId]]);
  });
});

describe("a link that no longer opens the list", () => {
  it("refuses revoked, expired and unknown tokens alike (404, one message)", async () => {
    const unknown = await anyone().get(`/api/v1/link/${"x".repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("NOT_FOUND");
    expect(unknown.body.message).toMatch(/non è valido, è scaduto o è stato revocato/);

    const revokedList = await sentList();
    expect((await h.as(h.p.tutor).post(`/api/v1/shortlist-links/${revokedList.linkId}/revoke`, {})).status).toBe(403);
    const revoked = await referent().post(`/api/v1/shortlist-links/${revokedList.linkId}/revoke`, {});
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ state: "revocato", stateLabel: "Revocato" });
    expect((await referent().post(`/api/v1/shortlist-links/${revokedList.linkId}/revoke`, {})).status).toBe(409);

    const expiredList = await sentList();
    await h.t.ctx.db.shortlistLink.update({ where: { id: expiredList.linkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await referent().get(`${V}/${expiredList.vacancyId}/shortlist/links`)).body[0].state).toBe("scaduto");

    for (const token of [revokedList.token, expiredList.token]) {
      for (const res of [
        await anyone().get(`/api/v1/link/${token}`),
        await download(`/api/v1/link/${token}/lista.pdf`),
        await anyone().post(`/api/v1/link/${token}/decline`).send({ reason: "Non interessa" }),
      ]) {
        expect(res.status).toBe(404);
        expect(Buffer.isBuffer(res.body) ? JSON.parse(res.body.toString()) : res.body).toEqual(unknown.body);
      }
    }
    // Nothing was read through them.
    const audit = await h.t.ctx.db.auditLog.count({ where: { route: { contains: `[collegamento ${revokedList.linkId}]` } } });
    expect(audit).toBe(0);
  });

  it("lets an operator issue a further link for another contact, shown once", async () => {
    const { vacancyId } = await sentList();
    expect((await referent().post(`${V}/${vacancyId}/shortlist/links`, { recipientEmail: "non-una-mail" })).status).toBe(400);
    expect((await h.as(h.p.employer).post(`${V}/${vacancyId}/shortlist/links`, { recipientEmail: "selezione@example.it" })).status).toBe(403);
    const issued = await referent().post(`${V}/${vacancyId}/shortlist/links`, { recipientEmail: "selezione@example.it" });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.link).toMatchObject({ recipientEmail: "selezione@example.it", state: "attivo" });
    const token = LINK_IN_EMAIL.exec(issued.body.url)?.[1];
    expect((await anyone().get(`/api/v1/link/${token}`)).status).toBe(200);
    const listed = await referent().get(`${V}/${vacancyId}/shortlist/links`);
    expect(listed.body).toHaveLength(2);
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  it("is refused for a vacancy whose list is not with the employer", async () => {
    const v = await referent().post(V, vacancyBody({ employerId: h.p.employerId }));
    const res = await referent().post(`${V}/${v.body.id}/shortlist/links`, { recipientEmail: "selezione@example.it" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("CONFLICT");
  });
});

describe("the list as files", () => {
  it("an .xlsx that opens with one row per person and the minimised columns", async () => {
    const { token, linkId } = await sentList();
    const res = await download(`/api/v1/link/${token}/lista.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="rosa-magazziniere-\d+\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? "")));
    expect(rows[0]).toEqual(["Nome", "Disponibile per", "Titolo di studio", "Esperienze pertinenti", "Competenze", "Distanza dal luogo di lavoro", "Contatti", "Esito"]);
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Maria R.", "Maria R."]);
    const all = rows.flat().join("|");
    expect(all).toContain("consenso.2600@example.it");
    expect(all).toContain("Contattare il referente del CPI");
    for (const hidden of [...taxCodes, "Rossi", "+39 333 2601 002", "riservata.2601@example.it"]) expect(all).not.toContain(hidden);
    const audit = await h.t.ctx.db.auditLog.findMany({ where: { route: { contains: `[collegamento ${linkId}]` } } });
    expect(audit.map((a) => a.action)).toEqual(["export", "export"]);
  });

  it("a printable PDF with the same people", async () => {
    const { token } = await sentList();
    const res = await download(`/api/v1/link/${token}/lista.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Maria R.");
    expect(text).toContain("entro 10 km");
    expect(text).not.toContain("Rossi");
    expect(text).not.toContain("+39 333 2601 002");
  });

  it("the same files for the referent and the owning employer, refused to others", async () => {
    const { vacancyId } = await sentList();
    for (const who of [h.p.referent, h.p.admin, h.p.employer]) {
      const xlsx = await download(`${V}/${vacancyId}/shortlist.xlsx`, who);
      expect(xlsx.status).toBe(200);
      const pdf = await download(`${V}/${vacancyId}/shortlist.pdf`, who);
      expect(pdf.status).toBe(200);
      expect(pdfText(pdf.body as Buffer)).toContain("Maria R.");
    }
    for (const who of [h.p.otherEmployer, h.p.tutor, h.p.otherReferent]) expect((await download(`${V}/${vacancyId}/shortlist.pdf`, who)).status).toBe(403);
    const unsent = await referent().post(V, vacancyBody({ employerId: h.p.employerId }));
    expect((await download(`${V}/${unsent.body.id}/shortlist.xlsx`, h.p.referent)).status).toBe(404);
  });
});

describe("the API document", () => {
  it("documents the link routes at their real paths, with no bearer token", async () => {
    const doc = (await anyone().get("/api/openapi.json")).body as { paths: Record<string, Record<string, { security: unknown[] }>> };
    expect(doc.paths["/api/v1/link/{token}"]?.get?.security).toEqual([]);
    expect(doc.paths["/api/v1/link/{token}/entries/{entryId}/outcome"]?.post?.security).toEqual([]);
    expect(doc.paths["/api/v1/vacancies/{id}/shortlist/links"]?.get?.security).toEqual([{ bearer: [] }]);
  });
});

describe("rules as tables", () => {
  it.each([
    [{ HOST: "127.0.0.1", PORT: 3000, PUBLIC_BASE_URL: undefined }, "http://127.0.0.1:3000/link/abc"],
    [{ HOST: "127.0.0.1", PORT: 3000, PUBLIC_BASE_URL: "https://vetrina.regione.example/" }, "https://vetrina.regione.example/link/abc"],
    [{ HOST: "0.0.0.0", PORT: 8080, PUBLIC_BASE_URL: "https://cpi.example/vetrina" }, "https://cpi.example/vetrina/link/abc"],
  ])("link address with %o", (env, url) => expect(linkUrl(env, "abc")).toBe(url));

  it.each([
    [0, "entro_10_km"],
    [10, "entro_10_km"],
    [10.1, "10_25_km"],
    [25, "10_25_km"],
    [49.9, "25_50_km"],
    [50.1, "oltre_50_km"],
  ])("%s km → %s", (km, band) => expect(distanceBand(km)).toBe(band));

  const now = new Date("2026-12-01T12:00:00Z");
  it.each([
    [new Date("2026-12-02T00:00:00Z"), null, "attivo"],
    [now, null, "scaduto"],
    [new Date("2026-11-30T00:00:00Z"), null, "scaduto"],
    [new Date("2026-12-02T00:00:00Z"), now, "revocato"],
    [new Date("2026-11-30T00:00:00Z"), now, "revocato"],
  ])("expires %s, revoked %s → %s", (expiresAt, revokedAt, state) => expect(linkState({ expiresAt, revokedAt }, now)).toBe(state));
});
