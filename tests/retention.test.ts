import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../src/auth/actor.js";
import { eraseCandidate } from "../src/candidates/erase-candidate.js";
import { createContext } from "../src/bootstrap.js";
import { loadEnv } from "../src/config/env.js";
import type { AppContext } from "../src/context.js";
import { dayOf } from "../src/deadlines/calendar-day.js";
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
import { CPI_MONCALIERI, CPI_TORINO } from "./helpers/test-app.js";
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
  /** Years, a quarter, a month, a day and a span across two years: the figures of each CPI and of all of them. */
  const PERIODS = [["2018-01-01", "2018-12-31"], ["2019-01-01", "2019-12-31"], ["2018-01-01", "2018-03-31"], ["2018-03-01", "2018-03-31"], ["2018-05-05", "2018-05-05"], ["2018-07-01", "2019-06-30"]] as const;
  const allFigures = () => Promise.all(PERIODS.map(([from, to]) => figuresOf(from, to)));
  const congruaOffer = (candidateId: string, cpiCode: string, offeredAt: Date) =>
    ctx.db.congruaOffer.create({ data: { candidateId, cpiCode, terms: {}, offeredAt, channel: "colloquio", verdict: "pass", evaluation: {}, ruleSetVersions: {}, outcome: "in_attesa", createdAt: offeredAt, updatedAt: offeredAt } });

  beforeAll(async () => {
    const databasePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-retention-")), "vetrina.db");
    ctx = await createContext(loadEnv({ DATABASE_PATH: databasePath, NODE_ENV: "test", LOG_LEVEL: "silent" }), silent);
    await person("expired", 1, LONG_AGO); // hired from a list in 2018, nothing since
    await person("incomeSupport", 2, LONG_AGO, { programmes: { create: { programme: "RDC", startDate: LONG_AGO, endDate: new Date("2019-06-30T00:00:00Z") } } });
    await person("openProgramme", 3, LONG_AGO, { programmes: { create: { programme: "NASPI", startDate: LONG_AGO } } });
    await person("recent", 4, new Date());
    await person("toReport", 5, LONG_AGO);
    // In ADI at Moncalieri for 2018, offered a congrua vacancy in May; one in SFL never offered anything.
    await person("adiMoncalieri", 6, LONG_AGO, { cpiCode: CPI_MONCALIERI, programmes: { create: { programme: "ADI", startDate: new Date("2018-01-01T00:00:00Z"), endDate: new Date("2018-12-31T00:00:00Z") } } });
    await congruaOffer(ids.adiMoncalieri!, CPI_MONCALIERI, new Date("2018-05-05T09:00:00Z"));
    await person("sflNeverOffered", 7, LONG_AGO, { programmes: { create: { programme: "SFL", startDate: new Date("2018-06-01T00:00:00Z"), endDate: new Date("2019-05-31T00:00:00Z") } } });
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
    // What the feeds and the outbox hold of people: items about them, a digest naming them by id.
    await ctx.db.feedItem.createMany({
      data: [
        { userId: "navigator-1", kind: "senza_offerta_coerente", candidateId: ids.sflNeverOffered!, payload: {}, dedupeKey: `senza_offerta_coerente:navigator-1:${ids.sflNeverOffered}` },
        { userId: "tutor-1", kind: "abbinamento_nuovo", candidateId: ids.expired!, vacancyId: vacancy.id, payload: { score: 81 } },
        { userId: "tutor-1", kind: "abbinamento_nuovo", candidateId: ids.recent!, vacancyId: vacancy.id, payload: { score: 77 } },
      ],
    });
    await ctx.db.emailMessage.create({
      data: {
        kind: "riepilogo", toAddress: "tutor@example.it", status: "inviata", subject: "Vetrina: 2 novità del 10/03/2018 per le persone che segue",
        body: `- Nuovo abbinamento: Nuovo abbinamento per l'offerta «Magazziniere»\nPer la persona ${ids.expired} è idonea l'offerta «Magazziniere».\nPer la persona ${ids.recent} è idonea l'offerta «Magazziniere».`,
      },
    });
    await rebuildIndex(ctx, ["candidates", "vacancies"]);
  });
  afterAll(async () => ctx?.db.$disconnect());

  it("reports first what it would remove, by kind, and changes nothing", async () => {
    const outcome = await runRetention(ctx, retentionRulesOf(ctx.env), { dryRun: true });
    expect(outcome.planned).toEqual({ people: 4, peopleWithFigureRecords: 3, peopleKeptForReporting: 1, auditEntries: 1, deliveryLinks: 1 });
    expect(outcome.removed).toEqual({ people: 0, feedItems: 0, auditEntries: 0, deliveryLinks: 0 });
    expect(outcome.anonymised).toEqual({ figureRecords: 0, emails: 0 });
    expect(await ctx.db.candidate.count()).toBe(7);
    expect(await ctx.db.erasedBeneficiary.count()).toBe(0);
    expect(await ctx.db.auditLog.count({ where: { at: { lt: new Date("2013-01-01") } } })).toBe(1);
  });

  it("the nightly job erases the people (income support too) from store, index, feeds and outbox, old audit entries and expired links, keeps the figures, and records counts only", async () => {
    const before = await allFigures();
    const [year2018] = before;
    expect(year2018!.total).toMatchObject({ listsSent: 1, peopleHired: 1, vacanciesReceived: 1, congruaOffersMade: 1, incomeSupportOffered: { numerator: 2, denominator: 3 } });
    expect(year2018!.rows.find((r) => r.cpiCode === CPI_MONCALIERI)).toMatchObject({ incomeSupportOffered: { numerator: 1, denominator: 1 } });

    const { counts, report } = await recordedRun(ctx.db, "retention", "pianificazione", null, () => JOB_HANDLERS.retention!(ctx, null));

    expect(counts).toMatchObject({
      "removed.people": 4, "removed.feedItems": 2, "removed.auditEntries": 1, "removed.deliveryLinks": 1,
      "anonymised.figureRecords": 3, "anonymised.emails": 1, "planned.peopleWithFigureRecords": 3, "planned.peopleKeptForReporting": 1,
    });
    const left = (await ctx.db.candidate.findMany({ select: { id: true } })).map((c) => c.id).sort();
    expect(left).toEqual([ids.openProgramme, ids.recent, ids.toReport].sort());
    const indexed = Object.keys(await indexContents(ctx, "candidates"));
    for (const key of ["expired", "incomeSupport", "adiMoncalieri", "sflNeverOffered"]) expect(indexed).not.toContain(ids[key]);

    // The figures of every CPI and period, income-support share included, are those of before.
    expect(await allFigures()).toEqual(before);
    // What the figures kept names nobody: a CPI, programme spans, days.
    const records = await ctx.db.erasedBeneficiary.findMany({ include: { spans: true, offerDays: true } });
    expect(records.map((r) => ({ cpiCode: r.cpiCode, spans: r.spans.map((s) => s.programme), days: r.offerDays.map((d) => d.day) })).sort((a, b) => a.spans[0]!.localeCompare(b.spans[0]!))).toEqual([
      { cpiCode: CPI_MONCALIERI, spans: ["ADI"], days: ["2018-05-05"] },
      { cpiCode: CPI_TORINO, spans: ["RDC"], days: ["2018-03-10"] },
      { cpiCode: CPI_TORINO, spans: ["SFL"], days: [] },
    ]);

    // The feeds lose the items about the people erased; the digest no longer names them.
    expect((await ctx.db.feedItem.findMany({ select: { candidateId: true } })).map((i) => i.candidateId)).toEqual([ids.recent]);
    const digest = await ctx.db.emailMessage.findFirstOrThrow({ where: { kind: "riepilogo" } });
    expect(digest.body).not.toContain(ids.expired!);
    expect(digest.body).toContain("Per la persona cancellata è idonea");
    expect(digest.body).toContain(`Per la persona ${ids.recent} è idonea`);
    expect((await ctx.db.shortlistLink.findMany()).map((l) => l.tokenHash)).toEqual(["live"]);
    // The erasure itself is recorded, by id, as every erasure is.
    expect(await ctx.db.auditLog.count({ where: { action: "delete", entityId: ids.expired! } })).toBe(1);

    const run = await ctx.db.jobRun.findFirstOrThrow({ where: { kind: "retention", status: "succeeded" }, orderBy: { startedAt: "desc" } });
    const recorded = JSON.stringify([run.counts, run.report, report, records]);
    for (const personal of [ids.expired!, ids.incomeSupport!, ids.adiMoncalieri!, "Rossi", "maria.", mariaRossiTaxCode(1), mariaRossiTaxCode(2), TORINO, "hr@example.it"]) expect(recorded).not.toContain(personal);

    // Nothing left to do: a second run removes nothing.
    expect((await runRetention(ctx, retentionRulesOf(ctx.env), { dryRun: false })).removed).toEqual({ people: 0, feedItems: 0, auditEntries: 0, deliveryLinks: 0 });
  });

  it("erasing on request a person in ADI today keeps this year's figures; an open programme ends on the erasure day", async () => {
    const now = new Date();
    const year = now.getUTCFullYear();
    await person("adiToday", 8, new Date(`${year}-01-02T10:00:00Z`), { programmes: { create: { programme: "ADI", startDate: new Date(`${year}-01-01T00:00:00Z`) } } });
    await congruaOffer(ids.adiToday!, CPI_TORINO, new Date(`${year}-01-02T10:00:00Z`));
    const thisYear = () => figuresOf(`${year}-01-01`, `${year}-12-31`);
    const before = await thisYear();
    expect(before.total.incomeSupportOffered).toEqual({ numerator: 1, denominator: 1, share: 1 });

    await eraseCandidate(ctx, SYSTEM_ACTOR, ids.adiToday!, "DELETE /api/v1/candidates/:id");

    expect(await thisYear()).toEqual(before);
    const span = await ctx.db.erasedBeneficiarySpan.findFirstOrThrow({ where: { programme: "ADI", startDate: new Date(`${year}-01-01T00:00:00Z`) } });
    expect(span.endDate.toISOString().slice(0, 10)).toBe(dayOf(now));
  });

  it("plans over more people than one query can name (read page by page)", async () => {
    await ctx.db.candidate.createMany({
      data: Array.from({ length: 1_100 }, (_, i) => ({
        taxCode: mariaRossiTaxCode(1_000 + i), firstName: "Maria", lastName: `Rossi${i}`, domicileIstatCode: TORINO, cpiCode: CPI_TORINO,
        declaredProfiles: [], competences: [], languages: [], drivingLicences: [], createdAt: LONG_AGO, updatedAt: LONG_AGO,
      })),
    });
    expect((await runRetention(ctx, retentionRulesOf(ctx.env), { dryRun: true })).planned).toMatchObject({ people: 1_100, peopleKeptForReporting: 1 });
  });
});
