import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../src/auth/actor.js";
import { findCandidate } from "../src/candidates/candidate-repository.js";
import { generateDemoDataset } from "../src/demo/demo-dataset.js";
import { datasetDigest, storeDigest } from "../src/demo/demo-digest.js";
import { ensureDemoData } from "../src/demo/ensure-demo-data.js";
import { seedDemoData } from "../src/demo/seed-demo-data.js";
import { personTaxCode, vatNumber } from "../src/demo/tax-codes.js";
import { shippedComuni } from "../src/reference/comuni.js";
import { issueToken } from "../src/users/create-user.js";
import { isValidPersonTaxCode, isValidVatNumber } from "../src/validation/tax-code.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const SLOW = 60_000;
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  // DEMO_DATA and DEMO_SEED left at their defaults, as a fresh installation has them.
  [first, second] = await Promise.all([createTestApp(), createTestApp()]);
  await ensureDemoData(first.ctx);
}, SLOW);

afterAll(async () => {
  await first?.close();
  await second?.close();
});

describe("demo data", () => {
  it("fills an empty store with about 300 vacancies and 3,000 people, indexed, and records the run", async () => {
    const { db, index } = first.ctx;
    const vacancies = await db.vacancy.count();
    const candidates = await db.candidate.count();
    expect(vacancies).toBeGreaterThanOrEqual(270);
    expect(vacancies).toBeLessThanOrEqual(330);
    expect(candidates).toBeGreaterThanOrEqual(2700);
    expect(candidates).toBeLessThanOrEqual(3300);
    expect(await index.count("vacancies")).toBe(vacancies);
    expect(await index.count("candidates")).toBe(candidates);
    const run = await db.jobRun.findFirst({ where: { kind: "seed" } });
    expect(run?.status).toBe("succeeded");
  });

  it("leaves a store with data alone", async () => {
    const before = await first.ctx.db.vacancy.count();
    await ensureDemoData(first.ctx);
    expect(await first.ctx.db.vacancy.count()).toBe(before);
    expect(await first.ctx.db.jobRun.count({ where: { kind: "seed" } })).toBe(1);
  });

  it(
    "gives the same data for the same seed",
    async () => {
      const today = new Date("2026-11-23T00:00:00Z");
      const a = generateDemoDataset({ seed: 7, vacancies: 50, candidates: 300, today });
      const b = generateDemoDataset({ seed: 7, vacancies: 50, candidates: 300, today });
      const c = generateDemoDataset({ seed: 8, vacancies: 50, candidates: 300, today });
      expect(datasetDigest(a)).toBe(datasetDigest(b));
      expect(datasetDigest(a)).not.toBe(datasetDigest(c));

      // Through the store too: a second database seeded with the same seed holds the same rows.
      const day = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
      const seed = first.ctx.env.DEMO_SEED;
      await seedDemoData(second.ctx, { seed, today: day });
      const reference = await createTestApp();
      try {
        await seedDemoData(reference.ctx, { seed, today: day });
        expect(await storeDigest(second.ctx.db)).toBe(await storeDigest(reference.ctx.db));
      } finally {
        await reference.close();
      }
    },
    SLOW,
  );

  it("uses only valid tax codes", async () => {
    const { db } = first.ctx;
    const people = await db.candidate.findMany({ select: { taxCode: true } });
    const invalidPeople = people.filter((p) => !isValidPersonTaxCode(p.taxCode));
    expect(invalidPeople).toEqual([]);
    const employers = await db.employer.findMany({ select: { taxCode: true } });
    expect(employers.length).toBeGreaterThan(0);
    expect(employers.filter((e) => !isValidVatNumber(e.taxCode))).toEqual([]);
    const companies = await db.vacancy.findMany({ select: { companyTaxCode: true }, distinct: ["companyTaxCode"] });
    expect(companies.filter((v) => !isValidVatNumber(v.companyTaxCode))).toEqual([]);
    // The generators themselves, on known cases.
    expect(personTaxCode({ firstName: "Mario", lastName: "Rossi", sex: "M", birthDate: new Date("1985-12-10T00:00:00Z"), birthPlaceCode: "A562" })).toBe(
      "RSSMRA85T10A562S",
    );
    expect(isValidVatNumber(vatNumber(4311, "015"))).toBe(true);
  });

  it("places every domicile and workplace in a real comune near a CPI of Piemonte or Lombardia", async () => {
    const { db } = first.ctx;
    const comuni = new Map(shippedComuni().rows.map((c) => [c.istatCode, c]));
    const domiciles = await db.candidate.findMany({ select: { domicileIstatCode: true }, distinct: ["domicileIstatCode"] });
    const workplaces = await db.vacancy.findMany({ select: { workplaceIstatCode: true }, distinct: ["workplaceIstatCode"] });
    const codes = [...domiciles.map((d) => d.domicileIstatCode), ...workplaces.map((w) => w.workplaceIstatCode)];
    expect(codes.filter((c) => !c || !comuni.has(c))).toEqual([]);
    expect(new Set(codes.map((c) => comuni.get(c!)?.regionName))).toEqual(new Set(["Piemonte", "Lombardia"]));
  });

  it("has at least one user per role", async () => {
    const users = await first.ctx.db.user.groupBy({ by: ["role"], _count: true });
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(ROLES));
  });

  it("stores people the repository reads back whole", async () => {
    const someone = await first.ctx.db.candidate.findFirst({ where: { programmes: { some: { programme: "NASPI" } } }, orderBy: { id: "asc" } });
    expect(someone).not.toBeNull();
    const record = await findCandidate(first.ctx.db, someone!.id);
    expect(record.availabilityDeclaredAt).toBeInstanceOf(Date);
    expect(Array.isArray(record.declaredProfiles)).toBe(true);
    const naspi = record.programmes.find((p) => p.programme === "NASPI");
    expect(naspi?.monthlyAmount).toBeGreaterThan(0);
    expect(naspi?.startDate).toBeInstanceOf(Date);
  });

  it("finds a common occupation of the demo in the showcase", async () => {
    const { ctx, app } = first;
    const tutor = await ctx.db.user.findFirst({ where: { role: "tutor" }, orderBy: { email: "asc" } });
    const token = await issueToken(ctx.db, tutor!.id, "test");
    const all = await request(app).get("/api/v1/vacancies").query({ q: "magazziniere" }).set("Authorization", `Bearer ${token}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(0);
    expect(all.body.items[0].requestedProfile + all.body.items[0].profileTitle).toMatch(/magazzin/i);

    // Text, filters and "near" together, around the workplace of an open offer of that kind.
    const open = await ctx.db.vacancy.findFirst({ where: { status: "open", requestedProfile: { contains: "agazzin" } }, include: { workplace: true } });
    if (open?.workplace) {
      const near = await request(app)
        .get("/api/v1/vacancies")
        .query({ q: "magazziniere", status: "open", province: open.workplace.provinceAcronym, nearComune: open.workplace.istatCode, withinKm: 30 })
        .set("Authorization", `Bearer ${token}`);
      expect(near.status).toBe(200);
      expect(near.body.items.map((v: { id: string }) => v.id)).toContain(open.id);
    }
  });
});
