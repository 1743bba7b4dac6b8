import { beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { z } from "zod";
import { registeredRoutes, type RegisteredRoute } from "../src/api/route-contract.js";
import { SeededRandom } from "../src/demo/seeded-random.js";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";

/**
 * A bounded, seeded fuzz of every mounted route contract: hostile path parameters, query strings and
 * bodies (uploads included), as an administrator and as a tutor. No answer may be a 5xx, every refusal
 * has the `{ code, message, fields }` shape, and a refused request leaves the store as it was.
 */

const SEED = 20261201;
const h = useTestApp();

let ids: Record<string, string> = {};
beforeAll(async () => {
  const vacancy = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody());
  const candidate = await h.as(h.p.admin).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(1)));
  expect([vacancy.status, candidate.status]).toEqual([201, 201]);
  ids = { vacancy: vacancy.body.id, candidate: candidate.body.id };
});

/** Row counts and last changes of every table a request could write. */
async function storeFingerprint(): Promise<unknown> {
  const tables = ["Vacancy", "VacancyStatusChange", "Candidate", "CandidateProgramme", "WorkExperience", "Training", "Employer", "User", "ApiToken", "Shortlist", "ShortlistEntry", "ShortlistEvent", "MatchResult", "JobRun", "ImportRow", "ImportFile", "AuditLog"];
  const counts = tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`);
  const changes = ["Vacancy", "Candidate", "Employer"].map((t) => `(SELECT max("updatedAt") FROM "${t}") AS "${t}Changed"`);
  const [row] = await h.t.ctx.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${[...counts, ...changes].join(", ")}`);
  return JSON.parse(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? Number(v) : v)));
}

const HUGE = "ù".repeat(20_000);
const HOSTILE_PARAMS = ["%00", "..%2F..%2Fetc%2Fpasswd", "%E0%A4%A", "__proto__", "constructor", "x".repeat(300), "%27%20OR%201%3D1--", "-1", "🙂"];

function deepObject(depth: number): unknown {
  let o: unknown = { leaf: 1 };
  for (let i = 0; i < depth; i++) o = { a: o };
  return o;
}

const HOSTILE_VALUES: unknown[] = [null, true, -1, 0, 1e308, "", " ", HUGE.slice(0, 5000), [], [1, 2], {}, { $ne: 1 }, deepObject(50), "2026-02-30", "<script>alert(1)</script>"];

/** Query strings: unknown, malformed, repeated, nested, prototype keys, huge values. */
function hostileQueries(rng: SeededRandom, keys: string[]): string[] {
  const key = keys.length ? rng.pick(keys) : "q";
  return [
    "foo=1",
    // Within Node's 16 KiB header limit (beyond it Node answers 431 before the app sees the request).
    `${key}=${encodeURIComponent(HUGE.slice(0, 1500))}`,
    `${key}[]=1&${key}[]=2`,
    `${key}[a][b][c][d][e][f]=1`,
    `${key}=%FF%FE`,
    `${key}=1e999`,
    "__proto__[admin]=1",
    "constructor[prototype][admin]=1",
    `page=-${rng.int(1, 1e6)}&pageSize=${rng.int(101, 1e9)}`,
    `page[$gt]=0`,
    Array.from({ length: 200 }, (_, i) => `k${i}=${i}`).join("&"),
  ];
}

function bodyKeys(route: RegisteredRoute): string[] {
  const body = route.contract.body;
  return body instanceof z.ZodObject ? Object.keys(body.shape) : [];
}

function queryKeys(route: RegisteredRoute): string[] {
  const query = route.contract.query;
  return query instanceof z.ZodObject ? Object.keys(query.shape) : [];
}

/** Bodies: wrong-typed fields (arrays where scalars go…), prototype pollution, deep and huge ones. */
function hostileBodies(rng: SeededRandom, keys: string[]): unknown[] {
  const wrongTyped = keys.length ? Array.from({ length: 6 }, () => Object.fromEntries(rng.sample(keys, rng.int(1, Math.min(3, keys.length))).map((k) => [k, rng.pick(HOSTILE_VALUES)]))) : [];
  return [
    ...wrongTyped,
    JSON.parse('{"__proto__": {"role": "admin"}}'),
    { constructor: { prototype: { role: "admin" } } },
    deepObject(2000),
    { [keys[0] ?? "x"]: "a".repeat(2_000_000) },
    Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i])),
  ];
}

type RawCase = { contentType: string; payload: string | Buffer };

const RAW_BODIES: RawCase[] = [
  { contentType: "application/json", payload: '{"requestedProfile": "Cuoco",' },
  { contentType: "application/json", payload: "[]" },
  { contentType: "application/json", payload: '"una stringa"' },
  { contentType: "application/json", payload: "null" },
  { contentType: "application/json; charset=utf-16", payload: "{}" },
  { contentType: "application/json", payload: Buffer.from([0xff, 0xfe, 0x00, 0x7b]) },
  { contentType: "text/plain", payload: '{"a":1}' },
  { contentType: "application/xml", payload: "<a>1</a>" },
  { contentType: "application/x-www-form-urlencoded", payload: "a=1&b[c]=2" },
  { contentType: "multipart/form-data", payload: "--x\r\n\r\n" },
];

const BOUNDARY = "----vetrina-fuzz";
const part = (headers: string, content: string) => `--${BOUNDARY}\r\n${headers}\r\n\r\n${content}\r\n`;
const csv = "Codice fiscale;Cognome;Nome\r\nRSSMRA85T10A562S;Rossi;Mario\r\n";

/** Multipart bodies an upload route must refuse as the client's mistake. */
const UPLOADS: { name: string; contentType: string; payload: string }[] = [
  { name: "no boundary", contentType: "multipart/form-data", payload: part('Content-Disposition: form-data; name="file"; filename="a.csv"', csv) + `--${BOUNDARY}--\r\n` },
  { name: "truncated body", contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: part('Content-Disposition: form-data; name="file"; filename="a.csv"', csv).slice(0, 90) },
  { name: "bad part header", contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: `--${BOUNDARY}\r\nContent-Disposition form-data name file\r\n\x00\x01\r\n\r\n${csv}\r\n--${BOUNDARY}--\r\n` },
  { name: "wrong field name", contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: part('Content-Disposition: form-data; name="documento"; filename="a.csv"', csv) + `--${BOUNDARY}--\r\n` },
  { name: "empty file", contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: part('Content-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv', "") + `--${BOUNDARY}--\r\n` },
  { name: "two files", contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: part('Content-Disposition: form-data; name="file"; filename="a.csv"', csv) + part('Content-Disposition: form-data; name="file"; filename="b.csv"', csv) + `--${BOUNDARY}--\r\n` },
  { name: "not a spreadsheet", contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: part('Content-Disposition: form-data; name="file"; filename="a.exe"\r\nContent-Type: application/octet-stream', "MZ\x90\x00") + `--${BOUNDARY}--\r\n` },
  { name: "no parts at all", contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: `--${BOUNDARY}--\r\n` },
  { name: "JSON instead of a file", contentType: "application/json", payload: '{"file": "a.csv"}' },
];

/** The route's path with its parameters filled: real ids or hostile values. */
function pathWith(route: RegisteredRoute, fill: (param: string) => string): string {
  return `/api/v1${route.contract.path.replace(/:(\w+)/g, (_m, p: string) => fill(p))}`;
}

function realId(route: RegisteredRoute, param: string): string {
  if (param === "candidateId" || route.contract.path.startsWith("/candidates")) return ids.candidate!;
  if (param === "istatCode") return "001272";
  if (route.contract.path.startsWith("/employers")) return h.p.employerId;
  if (route.contract.path.startsWith("/users")) return "no-such-user";
  return ids.vacancy!;
}

interface Probe {
  label: string;
  send: (token: string) => request.Test;
}

function probesFor(route: RegisteredRoute, rng: SeededRandom): Probe[] {
  const { method } = route.contract;
  const real = pathWith(route, (p) => realId(route, p));
  const call = (path: string, token: string) => request(h.t.app)[method](path).set("authorization", `Bearer ${token}`);
  const probes: Probe[] = [];
  if (route.contract.path.includes(":")) {
    for (const value of HOSTILE_PARAMS) probes.push({ label: `param ${value.slice(0, 20)}`, send: (t) => call(pathWith(route, () => value), t) });
  }
  for (const query of hostileQueries(rng, queryKeys(route))) probes.push({ label: `query ${query.slice(0, 40)}`, send: (t) => call(`${real}?${query}`, t) });
  if (method === "get") return probes;
  if (route.contract.upload) {
    for (const u of UPLOADS) probes.push({ label: `upload: ${u.name}`, send: (t) => call(real, t).set("content-type", u.contentType).send(u.payload) });
    return probes;
  }
  for (const body of hostileBodies(rng, bodyKeys(route))) probes.push({ label: `body ${JSON.stringify(body).slice(0, 40)}`, send: (t) => call(real, t).send(body as object) });
  for (const raw of RAW_BODIES) probes.push({ label: `raw ${raw.contentType}`, send: (t) => call(real, t).set("content-type", raw.contentType).send(raw.payload) });
  return probes;
}

async function expectClientError(route: RegisteredRoute, probe: Probe, token: string, who: string): Promise<void> {
  const before = await storeFingerprint();
  const res = await probe.send(token);
  const where = `${who} ${route.contract.method.toUpperCase()} ${route.contract.path} — ${probe.label}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status < 400) return;
  expect(res.body, where).toEqual({ code: expect.any(String), message: expect.any(String), fields: expect.any(Array) });
  for (const f of res.body.fields) expect(f, where).toEqual({ field: expect.any(String), message: expect.any(String) });
  expect(await storeFingerprint(), where).toEqual(before);
}

function fuzz(routes: () => RegisteredRoute[]) {
  it("no 5xx, the error shape on every refusal, nothing written by a refused request", async () => {
    const list = routes();
    expect(list.length).toBeGreaterThan(0);
    let sent = 0;
    for (const [i, route] of list.entries()) {
      for (const [who, token] of [["admin", h.p.admin], ["tutor", h.p.tutor]] as const) {
        for (const probe of probesFor(route, new SeededRandom(SEED, `${route.contract.method} ${route.contract.path}`, i))) {
          await expectClientError(route, probe, token, who);
          sent += 1;
        }
      }
    }
    // Bounded: a few thousand requests at most.
    expect(sent).toBeLessThan(8000);
    console.log(`fuzz: ${sent} requests over ${list.length} routes`);
    // Some 6,000 requests, each answer checked against its contract: about 90 s on a busy two-core machine.
  }, 300_000);
}

describe("fuzz of every route: parameters, query strings and JSON bodies", () => {
  fuzz(() => registeredRoutes.filter((r) => !r.contract.upload));
});

describe("fuzz of the upload routes: malformed multipart bodies are the client's mistake", () => {
  fuzz(() => registeredRoutes.filter((r) => r.contract.upload));
});
