import { describe, expect, it } from "vitest";
import { candidateCreateSchema } from "../src/candidates/candidate-schemas.js";
import { candidateRecordOf, insertCandidates } from "../src/candidates/insert-candidates.js";
import { indexLag, syncIndexOnce } from "../src/indexing/index-sync-consumer.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { expectConsistencyCheckRepairs, expectIndexEqualsStore, indexContents } from "./helpers/index-contents.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { CPI_TORINO, useTestApp } from "./helpers/test-app.js";
import { TORINO } from "./helpers/valid-codes.js";

const h = useTestApp();

describe("embedded index: follows the events inside the writing transaction", () => {
  it("every change of a person or an offer through the API is in the index at once, with no consumer to run", async () => {
    const person = await h.as(h.p.referent).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(201)));
    const other = await h.as(h.p.referent).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(202)));
    const vacancy = await h.as(h.p.referent).post("/api/v1/vacancies", vacancyBody());
    expect([person.status, other.status, vacancy.status]).toEqual([201, 201, 201]);
    await expectIndexEqualsStore(h.t.ctx);

    expect((await h.as(h.p.referent).patch(`/api/v1/candidates/${person.body.id}`, { availability: "not_available" })).status).toBe(200);
    expect((await h.as(h.p.referent).del(`/api/v1/candidates/${other.body.id}`)).status).toBe(204);
    expect((await h.as(h.p.referent).patch(`/api/v1/vacancies/${vacancy.body.id}`, { positions: 4 })).status).toBe(200);
    expect((await h.as(h.p.referent).post(`/api/v1/vacancies/${vacancy.body.id}/status`, { to: "in_preselection" })).status).toBe(200);
    await expectIndexEqualsStore(h.t.ctx);
    expect(await indexContents(h.t.ctx, "candidates")).not.toHaveProperty(other.body.id);
    const byStatus = await h.t.ctx.index.search("vacancies", { filters: { status: ["in_preselection"] }, page: 1, pageSize: 10 });
    expect(byStatus.hits.map((hit) => hit.id)).toEqual([vacancy.body.id]);
    const available = await h.t.ctx.index.search("candidates", { filters: { availability: ["available"] }, page: 1, pageSize: 10 });
    expect(available.hits.map((hit) => hit.id)).not.toContain(person.body.id);

    // Nothing is left for a consumer: the embedded index is never behind.
    expect(await indexLag(h.t.ctx)).toEqual({ vacancies: 0, candidates: 0 });
    expect(await syncIndexOnce(h.t.ctx)).toEqual({ vacancies: { events: 0, upserted: 0, removed: 0 }, candidates: { events: 0, upserted: 0, removed: 0 } });
  });

  it("a write that rolls back leaves neither the row nor its index entry", async () => {
    const ctx = h.t.ctx;
    const before = await ctx.index.count("candidates");
    const domicile = await ctx.db.comune.findUniqueOrThrow({ where: { istatCode: TORINO } });
    const cpi = await ctx.db.cpi.findUniqueOrThrow({ where: { code: CPI_TORINO } });
    const record = candidateRecordOf("rolled-back", candidateCreateSchema.parse(candidateBody(mariaRossiTaxCode(203))), new Date(), domicile, cpi);
    await expect(
      ctx.db.$transaction(async (tx) => {
        await insertCandidates(ctx, tx, [record]);
        throw new Error("annullata");
      }),
    ).rejects.toThrow("annullata");
    expect(await ctx.db.candidate.findUnique({ where: { id: "rolled-back" } })).toBeNull();
    expect(await ctx.index.count("candidates")).toBe(before);
    expect(await indexContents(ctx, "candidates")).not.toHaveProperty("rolled-back");

    await ctx.db.$transaction((tx) => insertCandidates(ctx, tx, [record]));
    expect(await indexContents(ctx, "candidates")).toHaveProperty("rolled-back");
    await expectIndexEqualsStore(ctx);
  });

  it("the consistency check writes again what differs from the store, and removes what the store no longer has", async () => {
    await expectConsistencyCheckRepairs(h.t.ctx);
  });
});
