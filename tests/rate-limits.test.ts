import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { createPersonas, createTestApp, type TestApp } from "./helpers/test-app.js";

const opened: TestApp[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close()));
});

/** A service with its own limits (tests/helpers/test-app.ts disables them by default). */
async function service(env: Record<string, string>) {
  const t = await createTestApp(env);
  opened.push(t);
  return { t, p: await createPersonas(t.ctx) };
}

const me = (t: TestApp, token: string) => request(t.app).get("/api/v1/users/me").set("authorization", `Bearer ${token}`);

async function statuses(times: number, send: () => Promise<request.Response>) {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push((await send()).status);
  return out;
}

describe("rate limits", () => {
  it("count per token: a tutor using up their limit leaves the admin behind the same address untouched", async () => {
    const { t, p } = await service({ RATE_LIMIT_PER_MINUTE: "3", RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100" });
    expect(await statuses(3, () => me(t, p.tutor))).toEqual([200, 200, 200]);
    const limited = await me(t, p.tutor);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: "RATE_LIMITED", message: expect.stringMatching(/Troppe richieste/), fields: [] });
    expect(limited.headers["cache-control"]).toBe("no-store");
    expect(await statuses(3, () => me(t, p.admin))).toEqual([200, 200, 200]);
  });

  it("never limit /health", async () => {
    const { t } = await service({ RATE_LIMIT_PER_MINUTE: "2", RATE_LIMIT_ANONYMOUS_PER_MINUTE: "2" });
    expect(await statuses(6, () => request(t.app).get("/health"))).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it("never limit the web pages and their assets, which carry no data and no token: an office behind one address opens them freely", async () => {
    const { t } = await service({ RATE_LIMIT_PER_MINUTE: "2", RATE_LIMIT_ANONYMOUS_PER_MINUTE: "2" });
    const pages = ["/", "/vetrina", "/offerte/abc", "/link/some-token", "/assets/app.css", "/vetrina", "/"];
    const answered = [];
    for (const page of pages) answered.push((await request(t.app).get(page)).status);
    expect(answered).not.toContain(429);
    // The API stays limited for the same address.
    expect(await statuses(3, () => request(t.app).get("/api/openapi.json"))).toEqual([200, 200, 429]);
  });

  it("count the OpenAPI document per address, apart from authenticated callers", async () => {
    const { t, p } = await service({ RATE_LIMIT_PER_MINUTE: "100", RATE_LIMIT_ANONYMOUS_PER_MINUTE: "2" });
    expect(await statuses(3, () => request(t.app).get("/api/openapi.json"))).toEqual([200, 200, 429]);
    expect((await me(t, p.tutor)).status).toBe(200);
  });

  it("count missing and invalid tokens per address, so guessing tokens is limited, and not against valid tokens", async () => {
    const { t, p } = await service({ RATE_LIMIT_PER_MINUTE: "100", RATE_LIMIT_ANONYMOUS_PER_MINUTE: "3" });
    const guesses = await statuses(4, () => me(t, "vtr_indovinato"));
    expect(guesses).toEqual([401, 401, 401, 429]);
    expect((await request(t.app).get("/api/v1/vacancies")).status).toBe(429);
    expect((await me(t, p.tutor)).status).toBe(200);
  });

  it("with TRUST_PROXY, count each client address behind the proxy apart", async () => {
    const { t } = await service({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: "2", TRUST_PROXY: "loopback" });
    const from = (address: string) => () => request(t.app).get("/api/openapi.json").set("x-forwarded-for", address);
    expect(await statuses(3, from("203.0.113.10"))).toEqual([200, 200, 429]);
    expect(await statuses(2, from("203.0.113.11"))).toEqual([200, 200]);
  });

  it("without TRUST_PROXY, ignore X-Forwarded-For: the proxy's address is the client", async () => {
    const { t } = await service({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: "2" });
    const from = (address: string) => () => request(t.app).get("/api/openapi.json").set("x-forwarded-for", address);
    expect(await statuses(2, from("203.0.113.10"))).toEqual([200, 200]);
    expect(await statuses(1, from("203.0.113.11"))).toEqual([429]);
  });

  it("0 disables a limit", async () => {
    const { t, p } = await service({ RATE_LIMIT_PER_MINUTE: "0", RATE_LIMIT_ANONYMOUS_PER_MINUTE: "0" });
    expect(await statuses(5, () => me(t, p.tutor))).toEqual([200, 200, 200, 200, 200]);
    expect(await statuses(5, () => request(t.app).get("/api/openapi.json"))).toEqual([200, 200, 200, 200, 200]);
  });
});
