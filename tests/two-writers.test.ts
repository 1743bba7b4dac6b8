import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import request from "supertest";
import { createTestApp, createPersonas, CPI_TORINO } from "./helpers/test-app.js";
import { generatedPeople, loadPlaces, peopleCsv } from "./helpers/generated-people.js";
import { candidateBody } from "./helpers/sample-bodies.js";
import { freePort, startVetrina, untilHealthy } from "./helpers/processes.js";

const IMPORTED = 6_000;
const BY_HTTP = 60;

describe("two writers on one database", () => {
  it("the service answers every write while the CLI imports, and the import writes every valid row", async () => {
    const t = await createTestApp();
    const personas = await createPersonas(t.ctx);
    const places = await loadPlaces(t.ctx);
    const people = generatedPeople(places, IMPORTED + BY_HTTP);
    const dir = path.dirname(t.databasePath);
    const file = path.join(dir, "persone.csv");
    fs.writeFileSync(file, peopleCsv(places, people.slice(0, IMPORTED)));
    await t.ctx.db.$disconnect();

    const port = await freePort();
    const env = { DATABASE_PATH: t.databasePath, PORT: String(port) };
    const service = startVetrina(["src/main.ts"], env);
    let importer: ReturnType<typeof startVetrina> | undefined;
    try {
      await untilHealthy(port);
      const base = `http://127.0.0.1:${port}/api/v1`;
      const headers = { authorization: `Bearer ${personas.admin}`, "content-type": "application/json" };
      importer = startVetrina(["scripts/cli.ts", "import-candidates", file], env);
      let importDone = false;
      void importer.exited.then(() => (importDone = true));

      // Writes through the service for as long as the import runs: registrations, then a change to each.
      const statuses: number[] = [];
      const errors: string[] = [];
      const created: string[] = [];
      let next = IMPORTED;
      const writer = async () => {
        while (!importDone || next < IMPORTED + BY_HTTP) {
          const i = next++;
          const person = people[i % people.length]!;
          const body = i < IMPORTED + BY_HTTP ? candidateBody(person.taxCode, { firstName: person.firstName, lastName: person.lastName, cpiCode: CPI_TORINO }) : null;
          const res = body
            ? await fetch(`${base}/candidates`, { method: "POST", headers, body: JSON.stringify(body) })
            : await fetch(`${base}/candidates/${created[i % created.length]}`, { method: "PATCH", headers, body: JSON.stringify({ maxTravelKm: 10 + (i % 50) }) });
          statuses.push(res.status);
          const json = (await res.json()) as { id?: string; code?: string; message?: string };
          if (res.status >= 400) errors.push(`${res.status} ${json.code}: ${json.message}`);
          else if (body && json.id) created.push(json.id);
        }
      };
      await Promise.all([writer(), writer(), writer()]);
      expect(await importer.exited, importer.output()).toBe(0);

      expect(errors).toEqual([]);
      expect(statuses.length).toBeGreaterThan(BY_HTTP);
      const db = new Database(t.databasePath, { readonly: true });
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count(`SELECT COUNT(*) AS n FROM "Candidate"`)).toBe(IMPORTED + BY_HTTP);
      const run = db.prepare(`SELECT status, counts FROM "JobRun" WHERE kind = 'import-candidates' ORDER BY "startedAt" DESC LIMIT 1`).get() as { status: string; counts: string };
      db.close();
      expect(run.status).toBe("succeeded");
      expect(JSON.parse(run.counts)).toMatchObject({ rows: IMPORTED, created: IMPORTED, rejected: 0 });
    } finally {
      importer?.child.kill("SIGKILL");
      service.child.kill("SIGTERM");
      await service.exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it("a write that cannot get the lock through every retry is a 503 to retry, with nothing written", async () => {
    const t = await createTestApp({ DB_WRITE_RETRIES: "0", DB_BUSY_TIMEOUT_MS: "0" });
    try {
      const { admin } = await createPersonas(t.ctx);
      const places = await loadPlaces(t.ctx);
      const [person] = generatedPeople(places, 1);
      const body = candidateBody(person!.taxCode, { firstName: person!.firstName, lastName: person!.lastName, cpiCode: CPI_TORINO });
      const other = new Database(t.databasePath);
      other.prepare("BEGIN IMMEDIATE").run();
      const refused = await request(t.app).post("/api/v1/candidates").set("authorization", `Bearer ${admin}`).send(body);
      other.prepare("ROLLBACK").run();
      other.close();
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe("UNAVAILABLE");
      expect(refused.headers["retry-after"]).toBe("5");
      expect(await t.ctx.db.candidate.count()).toBe(0);
      const accepted = await request(t.app).post("/api/v1/candidates").set("authorization", `Bearer ${admin}`).send(body);
      expect(accepted.status).toBe(201);
    } finally {
      await t.close();
    }
  });
});
