import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { candidateCreateSchema } from "../src/candidates/candidate-schemas.js";
import { candidateRecordOf, insertCandidates } from "../src/candidates/insert-candidates.js";
import { rankVacancy } from "../src/matching/rank-vacancy-candidates.js";
import { findVacancy } from "../src/vacancies/vacancy-repository.js";
import { codiceFiscale } from "./fixtures/italian-codes.js";
import { candidateBody, vacancyBody, WAREHOUSE_WORKER } from "./helpers/sample-bodies.js";
import { CPI_TORINO, useTestApp } from "./helpers/test-app.js";

/**
 * The pool counts a referent reads above the ranking: exact while the retrieval scores everyone it finds,
 * said to be lower bounds (and worded "almeno") once it stops at one of its limits.
 */
describe("pool counts that say when they are estimates", () => {
  // Limits at their minimum, so that 240 warehouse workers around Torino overflow the retrieval.
  const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-pool-")), "matching.json");
  fs.writeFileSync(config, JSON.stringify({ retrieval: { keyLimit: 100, textLimit: 100 } }));
  const h = useTestApp({ MATCHING_CONFIG: config });

  async function warehouseWorkers(count: number): Promise<void> {
    const ctx = h.t.ctx;
    const [torino, cpi] = await Promise.all([ctx.db.comune.findFirstOrThrow({ where: { istatCode: "001272" } }), ctx.db.cpi.findFirstOrThrow({ where: { code: CPI_TORINO } })]);
    const records = Array.from({ length: count }, (_, i) =>
      candidateRecordOf(
        `pool-${i}`,
        candidateCreateSchema.parse(
          candidateBody(codiceFiscale("Magazzino", "Persona", `19${60 + (i % 40)}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}`, "M", "L219"), {
            firstName: "Persona",
            lastName: `Magazzino ${i}`,
            cpiCode: cpi.code,
            ...WAREHOUSE_WORKER,
          }),
        ),
        new Date(),
        torino,
        cpi,
      ),
    );
    await ctx.db.$transaction((tx) => insertCandidates(ctx, tx, records));
  }

  it("a ranking cut short by the retrieval limits says «almeno» and that its counts are lower bounds; the full scan finds more", async () => {
    await warehouseWorkers(240);
    // As in a running service once the people are in memory (the first lists after a start ask the index).
    await h.t.ctx.locator!.load();
    await h.t.ctx.locator!.catchUp();
    const v = await h.as(h.p.referent).post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Magazziniere", profileTitle: "Magazziniere" }));
    expect(v.status, JSON.stringify(v.body)).toBe(201);

    const res = await h.as(h.p.referent).get(`/api/v1/vacancies/${v.body.id}/matches?pageSize=5`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.pool.qualifiedIsLowerBound).toBe(true);
    expect(res.body.pool.exceedsCap).toBe(true);
    expect(res.body.pool.message).toContain(`Idonee almeno ${res.body.pool.qualified} persone`);
    expect(res.body.pool.message).toContain("Conteggi per difetto");
    // How far from exact: the 240 are all in Torino, the retrieval scored the 100 nearest of them.
    const related = res.body.pool.relatedNearby;
    expect(related).toMatchObject({ scored: 100 });
    expect(related.withinRadius).toBeGreaterThanOrEqual(240);
    expect(res.body.pool.message).toContain(`delle ${related.withinRadius} persone disponibili entro ${related.radiusKm} km con un profilo affine sono state valutate le 100 più vicine`);

    const full = await rankVacancy(h.t.ctx, await findVacancy(h.t.ctx.db, v.body.id), { scan: "full" });
    expect(full.countsAreLowerBounds).toBe(false);
    expect(full.qualifiedCount).toBeGreaterThan(res.body.pool.qualified);
  });

  it("a ranking that scored everyone it found gives exact counts, with no estimate note", async () => {
    const v = await h.as(h.p.referent).post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Cuoco", profileTitle: "Cuoco", mustHaveCompetences: ["Preparazione primi piatti"] }));
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    const res = await h.as(h.p.referent).get(`/api/v1/vacancies/${v.body.id}/matches`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.pool.qualifiedIsLowerBound).toBe(false);
    expect(res.body.pool.message).toBeNull();
  });
});
