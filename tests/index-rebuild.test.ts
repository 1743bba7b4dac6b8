import { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncIndexOnce } from "../src/indexing/index-sync-consumer.js";
import { rebuildIndex } from "../src/indexing/rebuild-index.js";
import type { IndexName } from "../src/indexing/search-index.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { expectIndexEqualsStore, indexContents } from "./helpers/index-contents.js";
import { startMeilisearch, type MeilisearchServer } from "./helpers/meilisearch-server.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { client, createPersonas, createTestApp, type Personas, type TestApp } from "./helpers/test-app.js";

describe.each(["embedded", "meilisearch"] as const)("rebuilding the %s index with no downtime", (engine) => {
  let server: MeilisearchServer | undefined;
  let t: TestApp;
  let p: Personas;
  let taxCodes = 300;
  const as = (token: string) => client(t.app, token);
  const everything = async (name: IndexName) => (await t.ctx.index.search(name, { page: 1, pageSize: 1 })).total;

  async function registerPerson(overrides: Record<string, unknown> = {}): Promise<string> {
    taxCodes += 1;
    const res = await as(p.referent).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(taxCodes), overrides));
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** What a rebuild builds beside the live index and must not leave behind: shadow tables, or a second Meilisearch index. */
  async function leftovers(): Promise<string[]> {
    if (!server) {
      const rows = await t.ctx.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE name LIKE 'search%build%' OR name LIKE 'search%old%'");
      return rows.map((r) => r.name);
    }
    const { results } = await new Meilisearch({ host: server.url, apiKey: server.masterKey }).getIndexes({ limit: 100 });
    return results.map((i) => i.uid).filter((uid) => uid.endsWith("_rebuild"));
  }

  beforeAll(async () => {
    if (engine === "meilisearch") server = await startMeilisearch();
    t = await createTestApp(server ? { SEARCH_BACKEND: "meilisearch", MEILISEARCH_URL: server.url, MEILISEARCH_API_KEY: server.masterKey } : {});
    p = await createPersonas(t.ctx);
    for (let i = 0; i < 12; i++) await registerPerson();
    for (let i = 0; i < 3; i++) expect((await as(p.referent).post("/api/v1/vacancies", vacancyBody())).status).toBe(201);
    await syncIndexOnce(t.ctx);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it("searches see the whole index while it is rebuilt, and writes made meanwhile are in the new one", async () => {
    const people = await t.ctx.db.candidate.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const [changed, erased] = [people[0]!.id, people[1]!.id];
    let added = "";
    let seenDuringRebuild = -1;

    await rebuildIndex(t.ctx, ["candidates"], {
      start: () => {},
      stop: () => {},
      // After the store's first page is read and before the new index goes live.
      update: async () => {
        if (added) return;
        seenDuringRebuild = await everything("candidates");
        expect((await as(p.referent).patch(`/api/v1/candidates/${changed}`, { competences: ["Saldatura subacquea"] })).status).toBe(200);
        expect((await as(p.referent).del(`/api/v1/candidates/${erased}`)).status).toBe(204);
        added = await registerPerson({ declaredProfiles: [{ title: "Palombaro" }] });
        // The consumer keeps writing to the live index during the rebuild.
        await syncIndexOnce(t.ctx);
      },
    });

    expect(seenDuringRebuild).toBe(people.length);
    expect(await leftovers()).toEqual([]);
    await expectIndexEqualsStore(t.ctx);
    const contents = await indexContents(t.ctx, "candidates");
    expect(contents).toHaveProperty(added);
    expect(contents).not.toHaveProperty(erased);
    const welders = await t.ctx.index.search("candidates", { q: "saldatura subacquea", page: 1, pageSize: 10 });
    expect(welders.hits.map((h) => h.id)).toEqual([changed]);
    // The consumer follows on from where it was: replaying what the rebuild already applied changes nothing.
    await syncIndexOnce(t.ctx);
    await expectIndexEqualsStore(t.ctx);
    expect(await everything("vacancies")).toBe(3);
  });

  it("a build an interrupted rebuild left behind is dropped, never swapped in", async () => {
    const left = await t.ctx.index.beginRebuild("vacancies");
    await left.upsert([{ id: "leftover", text: { title: "Avanzo" }, filters: {}, geo: null, date: null }]);
    expect(await everything("vacancies")).toBe(3);

    await rebuildIndex(t.ctx, ["vacancies"]);
    expect(await indexContents(t.ctx, "vacancies")).not.toHaveProperty("leftover");
    await expectIndexEqualsStore(t.ctx);
    expect(await leftovers()).toEqual([]);
    const runs = await t.ctx.db.jobRun.findMany({ where: { kind: "reindex" }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
  });
});
