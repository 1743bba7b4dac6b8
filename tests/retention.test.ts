import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../src/auth/actor.js";
import { createContext } from "../src/bootstrap.js";
import { loadEnv } from "../src/config/env.js";
import type { AppContext } from "../src/context.js";
import { computeFigures } from "../src/figures/compute-figures.js";
import { figuresQuerySchema } from "../src/figures/figure-schemas.js";
import { rebuildIndex } from "../src/indexing/rebuild-index.js";
import { JOB_HANDLERS } from "../src/jobs/job-handlers.js";
import { recordedRun } from "../src/jobs/job-run.js";
import { runRetention } from "../src/retention/apply-retention.js";
import { retentionRulesOf } from "../src/retention/retention-rules.js";
import { createLogger } from "../src/logging/logger.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { indexContents } from "./helpers/index-contents.js";
import { CPI_TORINO } from "./helpers/test-app.js";
import { TORINO } from "./helpers/valid-codes.js";

const LONG_AGO = new Date("2018-03-01T10:00:00Z");
const silent = createLogger({ LOG_LEVEL: "silent", NODE_ENV: "test" });

describe("retention of personal data", () => {
  let ctx: AppContext;
  const ids: Record<string, string> = {};
  const person = async (key: string, n: number, at: Date, extra: object = {}) => {
    const c = await ctx.db.candidate.create({
      data: {
        taxCode: mariaRossiTaxCode(n), firstName: "Maria", lastName: `Rossi${key}`, email: `maria.${key}@example.it`, domicileIstatCode: TORINO, cpiCode: CPI_TORINO,
        declaredProfiles: [], competences: [], languages: [], drivingLicences: [], createdAt: at, updatedAt: at, ...extra,
      },
    });
    ids[key] = c.id;
  };
  const figuresOf = async (from: string, to: string) => computeFigures(ctx, SYSTEM_ACTOR, figuresQuerySchema.parse({ from, to }));

  beforeAll(async () => {
    const databasePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-retention-")), "vetrina.db");
    ctx = await createContext(loadEnv({ DATABASE_PATH: databasePath, NODE_ENV: "test", LOG_LEVEL: "silent" }), silent);
    await person("expired", 1, LONG_AGO); // hired from a list in 2018, nothing since
    await person("incomeSupport", 2, LONG_AGO, { programmes: { create: { programme: "RDC", startDate: LONG_AGO, endDate: new Date("2019-06-30T00:00:00Z") } } });
    await person("openProgramme", 3, LONG_AGO, { programmes: { create: { programme: "NASPI", startDate: LONG_AGO } } });
    await person("recent", 4, new Date());
    await person("toReport", 5, LONG_AGO);
    await ctx.db.conditionalityEvent.create({ data: { candidateId: ids.toReport!, cpiCode: CPI_TORINO, kind: "mancata_presentazione", programme: "NASPI", occurredAt: LONG_AGO } });

    const vacancy = await ctx.db.vacancy.create({
      data: {
        status: "filled", arrivalDate: LONG_AGO, requestedProfile: "Magazziniere", positions: 2, companyName: "Logistica Sabauda S.r.l.", companyTaxCode: "00743110157",
        cpiCode: CPI_TORINO, profileTitle: "Magazziniere", mustHaveCompetences: [], niceToHaveCompetences: [], requiredLanguages: [], requiredLicences: [], sourceService: "preselezione", showcaseKey: "retention-1",
      },
    });
    const list = await ctx.db.shortlist.create({
      data: {
        vacancyId: vacancy.id, status: "closed", cap: 15, sentAt: new Date("2018-03-10T10:00:00Z"),
        entries: { create: [ids.expired!, ids.incomeSupport!].map((candidateId) => ({ candidateId, source: "matching", sentToEmployer: true, addedAt: LONG_AGO, outcome: candidateId === ids.expired ? "hired" : null })) },
        events: { create: { type: "outcome", candidateId: ids.expired!, toValue: "hired", at: new Date("2018-03-20T10:00:00Z") } },
      },
    });
    await ctx.db.shortlistLink.createMany({
      data: [
        { shortlistId: list.id, tokenHash: "old", recipientEmail: "hr@example.it", expiresAt: new Date("2018-04-10T00:00:00Z") },
        { shortlistId: list.id, tokenHash: "live", recipientEmail: "hr@example.it", expiresAt: new Date(Date.now() + 86_400_000) },
      ],
    });
    await ctx.db.auditLog.createMany({
      data: [
        { at: new Date("2012-01-10T00:00:00Z"), action: "read", entityType: "candidate", entityId: ids.expired!, route: "GET /api/v1/candidates/:id" },
        { at: new Date(), action: "read", entityType: "candidate", entityId: ids.recent!, route: "GET /api/v1/candidates/:id" },
      ],
    });
    await rebuildIndex(ctx, ["candidates", "vacancies"]);
  });
  afterAll(async () => ctx?.db.$disconnect());

  it("reports first what it would remove, by kind, and changes nothing", async () => {
    const outcome = await runRetention(ctx, retentionRulesOf(ctx.env), { dryRun: true });
    expect(outcome.planned).toEqual({ people: 1, peopleKeptForFigures: 1, peopleKeptForReporting: 1, auditEntries: 1, deliveryLinks: 1 });
    expect(outcome.removed).toEqual({ people: 0, auditEntries: 0, deliveryLinks: 0 });
    expect(await ctx.db.candidate.count()).toBe(5);
    expect(await ctx.db.auditLog.count({ where: { at: { lt: new Date("2013-01-01") } } })).toBe(1);
  });

  it("the nightly job erases the person from store and index, old audit entries and expired links, keeps the figures, and records counts only", async () => {
    const before2018 = await figuresOf("2018-01-01", "2018-12-31");
    const before2019 = await figuresOf("2019-01-01", "2019-12-31");
    expect(before2018.total).toMatchObject({ listsSent: 1, peopleHired: 1, vacanciesReceived: 1, incomeSupportOffered: { numerator: 1, denominator: 1 } });

    const { counts, report } = await recordedRun(ctx.db, "retention", "pianificazione", null, () => JOB_HANDLERS.retention!(ctx, null));

    expect(counts).toMatchObject({ "removed.people": 1, "removed.auditEntries": 1, "removed.deliveryLinks": 1, "planned.peopleKeptForFigures": 1 });
    const left = (await ctx.db.candidate.findMany({ select: { id: true } })).map((c) => c.id).sort();
    expect(left).toEqual([ids.incomeSupport, ids.openProgramme, ids.recent, ids.toReport].sort());
    expect(Object.keys(await indexContents(ctx, "candidates"))).not.toContain(ids.expired);
    expect((await ctx.db.shortlistLink.findMany()).map((l) => l.tokenHash)).toEqual(["live"]);
    // The erasure itself is recorded, by id, as every erasure is.
    expect(await ctx.db.auditLog.count({ where: { action: "delete", entityId: ids.expired! } })).toBe(1);

    expect((await figuresOf("2018-01-01", "2018-12-31")).total).toEqual(before2018.total);
    expect((await figuresOf("2019-01-01", "2019-12-31")).total).toEqual(before2019.total);

    const run = await ctx.db.jobRun.findFirstOrThrow({ where: { kind: "retention", status: "succeeded" }, orderBy: { startedAt: "desc" } });
    const recorded = JSON.stringify([run.counts, run.report, report]);
    for (const personal of [ids.expired!, "Rossiexpired", "maria.expired", mariaRossiTaxCode(1), "hr@example.it"]) expect(recorded).not.toContain(personal);

    // Nothing left to do: a second run removes nothing.
    expect((await runRetention(ctx, retentionRulesOf(ctx.env), { dryRun: false })).removed).toEqual({ people: 0, auditEntries: 0, deliveryLinks: 0 });
  });
});
