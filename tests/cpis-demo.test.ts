import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { seedDemoData } from "../src/demo/seed-demo-data.js";
import { demoCpis } from "../src/demo/demo-region.js";
import { importCpis } from "../src/cpis/import-cpis.js";
import { SYSTEM_ACTOR } from "../src/auth/actor.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

let t: TestApp | undefined;
afterEach(async () => t?.close());

describe("demo data for any region (DEMO_REGION)", () => {
  it("builds Emilia-Romagna on provisional CPIs, one per province, marked as such, when no CPI list is loaded", async () => {
    t = await createTestApp({ DEMO_REGION: "Emilia-Romagna" });
    const result = await seedDemoData(t.ctx, { seed: 3, vacancies: 20, candidates: 120 });
    expect(result.region).toMatchObject({ code: "08", name: "Emilia-Romagna", cpis: 9, provisional: true });
    const cpis = await t.ctx.db.cpi.findMany({ where: { provisional: true }, include: { comune: true }, orderBy: { code: "asc" } });
    expect(cpis.map((c) => c.code)).toEqual(["BO", "FC", "FE", "MO", "PC", "PR", "RA", "RE", "RN"].map((p) => `${p}-PROVVISORIO`));
    expect(cpis.find((c) => c.code === "FC-PROVVISORIO")!.comune.name).toBe("Forlì");
    expect(cpis.every((c) => c.name.endsWith("(provvisorio)"))).toBe(true);
    // Every comune of the region is in a catchment; people and offers are in the region's CPIs and comuni.
    expect(await t.ctx.db.comune.count({ where: { regionCode: "08", catchment: null } })).toBe(0);
    const people = await t.ctx.db.candidate.findMany({ include: { domicile: true } });
    expect(people).toHaveLength(120);
    expect(people.every((p) => p.cpiCode.endsWith("-PROVVISORIO") && p.domicile.regionCode === "08")).toBe(true);
    expect(await t.ctx.db.vacancy.count({ where: { cpiCode: { endsWith: "-PROVVISORIO" } } })).toBe(20);
    expect(await t.ctx.db.user.count({ where: { role: "navigator" } })).toBeGreaterThan(0);
  });

  it("uses the region's loaded CPIs and their catchments when there are some, and refuses an unknown region", async () => {
    t = await createTestApp({ DEMO_REGION: "08" });
    await importCpis(t.ctx, SYSTEM_ACTOR, { data: fs.readFileSync(path.resolve("data/samples/cpi-emilia-romagna.csv")), name: "cpi.csv" }, { route: "test" });
    const result = await seedDemoData(t.ctx, { seed: 4, vacancies: 10, candidates: 60 });
    expect(result.region).toMatchObject({ cpis: 3, provisional: false });
    const people = await t.ctx.db.candidate.findMany({ select: { cpiCode: true, domicileIstatCode: true } });
    const catchment = new Map((await t.ctx.db.cpiCatchment.findMany()).map((c) => [c.comuneIstatCode, c.cpiCode]));
    expect(people.every((p) => catchment.get(p.domicileIstatCode) === p.cpiCode)).toBe(true);
    await expect(demoCpis(t.ctx.db, "Atlantide")).rejects.toThrow(/DEMO_REGION sconosciuta «Atlantide».*Emilia-Romagna \(08\)/);
  });
});
