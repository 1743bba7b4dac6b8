import Database from "better-sqlite3";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { CPI_TORINO, useTestApp } from "./helpers/test-app.js";
import { candidateBody } from "./helpers/sample-bodies.js";
import { personTaxCode } from "../src/demo/tax-codes.js";

const TTL_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const h = useTestApp({ TOKEN_TTL_DAYS: String(TTL_DAYS) });

let seq = 0;
/** A fresh tutor of Torino created by the admin through the API, so each test may revoke or deactivate freely. */
async function newTutor() {
  seq += 1;
  const res = await h.as(h.p.admin).post("/api/v1/users", { name: `Tutor ${seq}`, email: `tutor.${seq}@example.it`, role: "tutor", cpiCodes: [CPI_TORINO] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.user.id as string, token: res.body.token as string, tokenExpiresAt: res.body.tokenExpiresAt as string };
}

const me = (token: string) => h.as(token).get("/api/v1/users/me");
const adminId = async () => (await me(h.p.admin)).body.userId as string;
const closeTo = (iso: string, expectedMs: number) => expect(Math.abs(new Date(iso).getTime() - expectedMs)).toBeLessThan(60_000);

describe("token expiry", () => {
  it("gives a new token TOKEN_TTL_DAYS by default, or expiresInDays within bounds", async () => {
    const tutor = await newTutor();
    closeTo(tutor.tokenExpiresAt, Date.now() + TTL_DAYS * DAY_MS);
    const stored = await h.t.ctx.db.apiToken.findFirstOrThrow({ where: { userId: tutor.id } });
    closeTo(stored.expiresAt!.toISOString(), Date.now() + TTL_DAYS * DAY_MS);

    const longer = await h.as(h.p.admin).post(`/api/v1/users/${tutor.id}/tokens`, { label: "lungo", expiresInDays: 30 });
    expect(longer.status).toBe(201);
    closeTo(longer.body.expiresAt, Date.now() + 30 * DAY_MS);
    for (const expiresInDays of [0, 3651, 1.5]) {
      const refused = await h.as(h.p.admin).post(`/api/v1/users/${tutor.id}/tokens`, { label: "fuori limite", expiresInDays });
      expect(refused.status).toBe(400);
      expect(refused.body.fields[0].field).toBe("expiresInDays");
    }
  });

  it("refuses an expired token with 401 saying it expired", async () => {
    const tutor = await newTutor();
    expect((await me(tutor.token)).status).toBe(200);
    await h.t.ctx.db.apiToken.updateMany({ where: { userId: tutor.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await me(tutor.token);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringMatching(/^Token scaduto il /) });
  });

  it("lets a token from before expiry existed last TOKEN_TTL_DAYS from its creation", async () => {
    const tutor = await newTutor();
    const legacy = { expiresAt: null, createdAt: new Date(Date.now() - (TTL_DAYS - 1) * DAY_MS) };
    await h.t.ctx.db.apiToken.updateMany({ where: { userId: tutor.id }, data: legacy });
    expect((await me(tutor.token)).status).toBe(200);
    await h.t.ctx.db.apiToken.updateMany({ where: { userId: tutor.id }, data: { createdAt: new Date(Date.now() - (TTL_DAYS + 1) * DAY_MS) } });
    expect((await me(tutor.token)).body.message).toMatch(/scaduto/);
  });
});

describe("token listing and revocation", () => {
  it("lists a user's tokens with their dates and state, never the hash", async () => {
    const tutor = await newTutor();
    const list = await h.as(tutor.token).get(`/api/v1/users/${tutor.id}/tokens`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ label: "primo accesso", state: "active", revokedAt: null, expiresAt: tutor.tokenExpiresAt });
    const stored = await h.t.ctx.db.apiToken.findFirstOrThrow({ where: { userId: tutor.id } });
    expect(JSON.stringify(list.body)).not.toContain(stored.tokenHash);
    expect(JSON.stringify(list.body)).not.toContain(tutor.token);
    expect(Object.keys(list.body.items[0])).not.toContain("tokenHash");
  });

  it("a revoked token stops working at once; the user may revoke their own, not someone else's", async () => {
    const tutor = await newTutor();
    const other = await newTutor();
    const second = await h.as(h.p.admin).post(`/api/v1/users/${tutor.id}/tokens`, { label: "secondo" });
    const tokenId = second.body.id as string;

    expect((await h.as(other.token).post(`/api/v1/users/${tutor.id}/tokens/${tokenId}/revoke`, {})).status).toBe(403);
    expect((await h.as(other.token).get(`/api/v1/users/${tutor.id}/tokens`)).status).toBe(403);
    expect((await me(second.body.token)).status).toBe(200);

    const revoked = await h.as(tutor.token).post(`/api/v1/users/${tutor.id}/tokens/${tokenId}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ revoked: 1, items: [{ id: tokenId, state: "revoked" }] });
    const refused = await me(second.body.token);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/^Token revocato il /);
    expect((await me(tutor.token)).status).toBe(200);
    expect((await h.as(tutor.token).post(`/api/v1/users/${tutor.id}/tokens/${tokenId}/revoke`, {})).body.revoked).toBe(0);
  });

  it("revoking a token under another user's id is not found, and a body is refused", async () => {
    const tutor = await newTutor();
    const other = await newTutor();
    const otherToken = await h.t.ctx.db.apiToken.findFirstOrThrow({ where: { userId: other.id } });
    expect((await h.as(h.p.admin).post(`/api/v1/users/${tutor.id}/tokens/${otherToken.id}/revoke`, {})).status).toBe(404);
    expect((await h.as(h.p.admin).post(`/api/v1/users/${other.id}/tokens/${otherToken.id}/revoke`, { motivo: "x" })).status).toBe(400);
    expect((await me(other.token)).status).toBe(200);
  });
});

describe("tokens issued by an administrator", () => {
  it("record who issued a token for someone else, in the token and in the audit", async () => {
    const tutor = await newTutor();
    const admin = await adminId();
    const issued = await h.as(h.p.admin).post(`/api/v1/users/${tutor.id}/tokens`, { label: "sostituto" });
    expect(issued.status).toBe(201);
    expect(issued.body.createdByUserId).toBe(admin);
    expect((await h.t.ctx.db.apiToken.findUniqueOrThrow({ where: { id: issued.body.id } })).createdByUserId).toBe(admin);
    const audit = await h.as(h.p.admin).get(`/api/v1/audit?entityType=user&entityId=${tutor.id}`);
    expect(audit.body.items.map((a: { action: string; user: { id: string } | null }) => [a.action, a.user?.id])).toEqual(
      expect.arrayContaining([["token_issue", admin], ["create", admin]]),
    );
  });

  it("do not audit an administrator's own token as issued for someone else", async () => {
    const admin = await adminId();
    expect((await h.as(h.p.admin).post(`/api/v1/users/${admin}/tokens`, { label: "mio" })).status).toBe(201);
    expect(await h.t.ctx.db.auditLog.count({ where: { action: "token_issue", entityId: admin } })).toBe(0);
  });
});

describe("deactivation", () => {
  it("stops every token of the user at once, is audited, and reactivation gives them back", async () => {
    const tutor = await newTutor();
    const second = (await h.as(h.p.admin).post(`/api/v1/users/${tutor.id}/tokens`, { label: "secondo" })).body.token as string;
    const off = await h.as(h.p.admin).post(`/api/v1/users/${tutor.id}/deactivate`, {});
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id: tutor.id, active: false, deactivatedAt: expect.any(String) });
    for (const token of [tutor.token, second]) {
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/^Utente disattivato/);
    }
    const entry = await h.t.ctx.db.auditLog.findFirstOrThrow({ where: { action: "deactivate", entityType: "user", entityId: tutor.id } });
    expect(entry.userId).toBe(await adminId());
    expect((await h.as(h.p.admin).post(`/api/v1/users/${tutor.id}/tokens`, { label: "terzo" })).status).toBe(409);
    expect((await h.as(h.p.admin).post(`/api/v1/users/${tutor.id}/deactivate`, {})).status).toBe(409);

    const on = await h.as(h.p.admin).post(`/api/v1/users/${tutor.id}/reactivate`, {});
    expect(on.body).toMatchObject({ active: true, deactivatedAt: null });
    expect((await me(second)).status).toBe(200);
    expect(await h.t.ctx.db.auditLog.count({ where: { action: "reactivate", entityId: tutor.id } })).toBe(1);
  });

  it("an administrator cannot deactivate themselves", async () => {
    const res = await h.as(h.p.admin).post(`/api/v1/users/${await adminId()}/deactivate`, {});
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/se stesso/);
    expect((await me(h.p.admin)).status).toBe(200);
  });
});

describe("last use of a token", () => {
  const lastUsed = async (userId: string) => (await h.t.ctx.db.apiToken.findFirstOrThrow({ where: { userId } })).lastUsedAt;

  it("is recorded on use, at most once a minute, and a GET of the token list changes nothing else", async () => {
    const tutor = await newTutor();
    expect(await lastUsed(tutor.id)).toBeNull();
    await me(tutor.token);
    await expect.poll(() => lastUsed(tutor.id)).not.toBeNull();
    const first = (await lastUsed(tutor.id))!;
    const before = await h.t.ctx.db.apiToken.findFirstOrThrow({ where: { userId: tutor.id } });
    await h.as(tutor.token).get(`/api/v1/users/${tutor.id}/tokens`);
    await me(tutor.token);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await h.t.ctx.db.apiToken.findFirstOrThrow({ where: { userId: tutor.id } })).toEqual(before);
    expect((await lastUsed(tutor.id))!.getTime()).toBe(first.getTime());

    await h.t.ctx.db.apiToken.updateMany({ where: { userId: tutor.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await me(tutor.token);
    await expect.poll(async () => (await lastUsed(tutor.id))!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("never fails the request when the store is locked by another writer", async () => {
    const tutor = await newTutor();
    const other = new Database(h.t.databasePath);
    other.exec("BEGIN IMMEDIATE");
    try {
      const res = await me(tutor.token);
      expect(res.status).toBe(200);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
  });
});

describe("who may call the user and token routes", () => {
  type Who = "anonymous" | "admin" | "referent" | "tutor" | "employer" | "self";
  interface Row {
    route: string;
    method: "get" | "post";
    path: (id: string, tokenId: string) => string;
    body?: object;
    /** The target's state the route expects (a user to reactivate must be deactivated). */
    deactivated?: boolean;
    expect: Record<Who, number>;
  }
  /** Each call acts on a fresh tutor, so no call's effect decides another's outcome. */
  const call = async (who: Who, row: Row) => {
    const target = await newTutor();
    const tokenId = (await h.t.ctx.db.apiToken.findFirstOrThrow({ where: { userId: target.id } })).id;
    const token = who === "self" ? target.token : who === "anonymous" ? null : h.p[who];
    if (row.deactivated) await h.as(h.p.admin).post(`/api/v1/users/${target.id}/deactivate`, {});
    const req = request(h.t.app)[row.method](row.path(target.id, tokenId));
    if (token) req.set("authorization", `Bearer ${token}`);
    return (await (row.method === "post" ? req.send(row.body ?? {}) : req)).status;
  };
  const others = { anonymous: 401, referent: 403, tutor: 403, employer: 403 };
  const ROWS: Row[] = [
    { route: "GET /users/:id/tokens", method: "get", path: (id) => `/api/v1/users/${id}/tokens`, expect: { ...others, admin: 200, self: 200 } },
    { route: "POST /users/:id/tokens", method: "post", path: (id) => `/api/v1/users/${id}/tokens`, body: { label: "x" }, expect: { ...others, admin: 201, self: 403 } },
    {
      route: "POST /users/:id/tokens/:tokenId/revoke",
      method: "post",
      path: (id, tokenId) => `/api/v1/users/${id}/tokens/${tokenId}/revoke`,
      expect: { ...others, admin: 200, self: 200 },
    },
    { route: "POST /users/:id/deactivate", method: "post", path: (id) => `/api/v1/users/${id}/deactivate`, expect: { ...others, admin: 200, self: 403 } },
    // A deactivated user cannot call at all: their own token is refused before any role check.
    { route: "POST /users/:id/reactivate", method: "post", path: (id) => `/api/v1/users/${id}/reactivate`, deactivated: true, expect: { ...others, admin: 200, self: 401 } },
  ];
  for (const row of ROWS) {
    it(row.route, async () => {
      const got: Partial<Record<Who, number>> = {};
      for (const who of Object.keys(row.expect) as Who[]) got[who] = await call(who, row);
      expect(got).toEqual(row.expect);
    });
  }
});

describe("Cache-Control", () => {
  it("is no-store on a person's record and on errors under /api/v1", async () => {
    const person = { firstName: "Maria", lastName: "Rossi" };
    const taxCode = personTaxCode({ ...person, birthDate: new Date(Date.UTC(1985, 11, 10)), sex: "F", birthPlaceCode: "L219" });
    const created = await h.as(h.p.admin).post("/api/v1/candidates", candidateBody(taxCode, person));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const read = await h.as(h.p.admin).get(`/api/v1/candidates/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers["cache-control"]).toBe("no-store");
    const missing = await h.as(h.p.admin).get("/api/v1/candidates/nessuno");
    expect(missing.status).toBe(404);
    expect(missing.headers["cache-control"]).toBe("no-store");
    const anonymous = await request(h.t.app).get(`/api/v1/candidates/${created.body.id}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["cache-control"]).toBe("no-store");
  });
});
