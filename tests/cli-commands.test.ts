import { afterEach, beforeEach, describe, expect, it } from "vitest";
import request from "supertest";
import { createTestApp, CPI_TORINO, type TestApp } from "./helpers/test-app.js";
import { run as createUserCommand } from "../src/cli/commands/create-user.js";
import { run as demoTokensCommand } from "../src/cli/commands/demo-tokens.js";
import { run as createTokenCommand } from "../src/cli/commands/create-token.js";
import { run as listTokensCommand } from "../src/cli/commands/list-tokens.js";
import { run as revokeTokenCommand } from "../src/cli/commands/revoke-token.js";
import { run as deactivateUserCommand } from "../src/cli/commands/deactivate-user.js";
import { run as reactivateUserCommand } from "../src/cli/commands/reactivate-user.js";
import { run as reindexCommand } from "../src/cli/commands/reindex.js";
import { run as rematchCommand } from "../src/cli/commands/rematch.js";
import { runCommand } from "./helpers/run-command.js";
import { DOCUMENT_LAYOUT_VERSION, ensureIndexLayout } from "../src/indexing/rebuild-index.js";
import { seedDemoData } from "../src/demo/seed-demo-data.js";

const tokenIn = (output: string) => /vtr_[\w-]+/.exec(output)?.[0];

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe("create-user", () => {
  it("creates a user and prints a token, once, that works against the API with the right role", async () => {
    const { code, output } = await runCommand(() =>
      createUserCommand(t.ctx, ["--name", "Lucia Ferri", "--email", "lucia.ferri@example.it", "--role", "referent", "--cpi", CPI_TORINO]),
    );
    expect(code).toBe(0);
    const token = tokenIn(output);
    expect(token).toBeDefined();
    const me = await request(t.app).get("/api/v1/users/me").set("authorization", `Bearer ${token}`);
    expect(me.body).toMatchObject({ role: "referent", cpiCodes: [CPI_TORINO] });
    const stored = await t.ctx.db.apiToken.findFirstOrThrow({ where: { user: { email: "lucia.ferri@example.it" } } });
    expect(stored.tokenHash).not.toContain(token!.slice(4));
  });

  it("refuses bad input with the reason in Italian and creates nothing", async () => {
    const { code, output } = await runCommand(() => createUserCommand(t.ctx, ["--name", "X", "--email", "non-una-mail", "--role", "tutor"]));
    expect(code).toBe(2);
    expect(output).toMatch(/email/);
    expect(output).toMatch(/almeno un CPI/);
    expect(await t.ctx.db.user.count()).toBe(0);
  });
});

const DAY_MS = 24 * 60 * 60 * 1000;
const EMAIL = "lucia.ferri@example.it";
const meStatus = async (token: string) => (await request(t.app).get("/api/v1/users/me").set("authorization", `Bearer ${token}`)).status;

/** A referent created through the CLI, with the token it printed. */
async function cliUser(extra: string[] = []) {
  const { code, output } = await runCommand(() => createUserCommand(t.ctx, ["--name", "Lucia Ferri", "--email", EMAIL, "--role", "referent", "--cpi", CPI_TORINO, ...extra]));
  expect(code, output).toBe(0);
  return tokenIn(output)!;
}

describe("token lifetime from the command line", () => {
  it("create-user gives the token TOKEN_TTL_DAYS, or --expires-in-days, and says when it expires", async () => {
    await cliUser(["--expires-in-days", "10"]);
    const stored = await t.ctx.db.apiToken.findFirstOrThrow({ where: { user: { email: EMAIL } } });
    expect(Math.abs(stored.expiresAt!.getTime() - (Date.now() + 10 * DAY_MS))).toBeLessThan(60_000);
    const other = await runCommand(() => createUserCommand(t.ctx, ["--name", "Aldo Neri", "--email", "aldo.neri@example.it", "--role", "admin"]));
    expect(other.output).toMatch(/scade il \d+ \w+ \d{4}/);
    const second = await t.ctx.db.apiToken.findFirstOrThrow({ where: { user: { email: "aldo.neri@example.it" } } });
    expect(Math.abs(second.expiresAt!.getTime() - (Date.now() + t.ctx.env.TOKEN_TTL_DAYS * DAY_MS))).toBeLessThan(60_000);
  });

  it("refuses an out-of-range --expires-in-days and creates nothing", async () => {
    const { code, output } = await runCommand(() =>
      createUserCommand(t.ctx, ["--name", "Lucia Ferri", "--email", EMAIL, "--role", "admin", "--expires-in-days", "0"]),
    );
    expect(code).toBe(2);
    expect(output).toMatch(/--expires-in-days/);
    expect(await t.ctx.db.user.count()).toBe(0);
  });
});

describe("create-token, list-tokens, revoke-token", () => {
  it("issue a further working token, list both, and revoke one or all", async () => {
    const first = await cliUser();
    const created = await runCommand(() => createTokenCommand(t.ctx, ["--email", EMAIL, "--label", "portatile", "--expires-in-days", "5"]));
    expect(created.code, created.output).toBe(0);
    const second = tokenIn(created.output)!;
    expect(second).not.toBe(first);
    expect(await meStatus(second)).toBe(200);

    const listed = await runCommand(() => listTokensCommand(t.ctx, ["--email", EMAIL]));
    expect(listed.code).toBe(0);
    expect(listed.output).toMatch(/«portatile»/);
    expect(listed.output).toMatch(/«cli»/);
    expect(listed.output).not.toContain(second);
    const secondId = (await t.ctx.db.apiToken.findFirstOrThrow({ where: { label: "portatile" } })).id;

    const one = await runCommand(() => revokeTokenCommand(t.ctx, ["--email", EMAIL, "--token-id", secondId]));
    expect(one.code, one.output).toBe(0);
    expect([await meStatus(second), await meStatus(first)]).toEqual([401, 200]);
    const all = await runCommand(() => revokeTokenCommand(t.ctx, ["--email", EMAIL, "--all"]));
    expect(all.output).toMatch(/revocati .*: 1\./);
    expect(await meStatus(first)).toBe(401);
    expect((await runCommand(() => listTokensCommand(t.ctx, ["--email", EMAIL]))).output.match(/revocato +«/g)).toHaveLength(2);
  });

  it("refuse an unknown user, a missing choice and an unknown token", async () => {
    await cliUser();
    const unknown = await runCommand(() => createTokenCommand(t.ctx, ["--email", "nessuno@example.it"]));
    expect(unknown).toMatchObject({ code: 1, output: expect.stringMatching(/nessuno@example.it non trovato/) });
    expect((await runCommand(() => revokeTokenCommand(t.ctx, ["--email", EMAIL]))).code).toBe(2);
    expect((await runCommand(() => revokeTokenCommand(t.ctx, ["--email", EMAIL, "--token-id", "x", "--all"]))).code).toBe(2);
    expect((await runCommand(() => revokeTokenCommand(t.ctx, ["--email", EMAIL, "--token-id", "inesistente"]))).code).toBe(1);
    expect((await runCommand(() => createTokenCommand(t.ctx, ["--email", "non-una-mail"]))).code).toBe(2);
  });
});

describe("deactivate-user, reactivate-user", () => {
  it("stop every token of the user at once and give them back, audited", async () => {
    const token = await cliUser();
    const off = await runCommand(() => deactivateUserCommand(t.ctx, ["--email", EMAIL]));
    expect(off.code, off.output).toBe(0);
    expect(off.output).toMatch(/disattivato/);
    expect(await meStatus(token)).toBe(401);
    expect((await runCommand(() => deactivateUserCommand(t.ctx, ["--email", EMAIL]))).code).toBe(1);
    expect((await runCommand(() => createTokenCommand(t.ctx, ["--email", EMAIL]))).code).toBe(1);
    const on = await runCommand(() => reactivateUserCommand(t.ctx, ["--email", EMAIL]));
    expect(on.code, on.output).toBe(0);
    expect(await meStatus(token)).toBe(200);
    const actions = await t.ctx.db.auditLog.findMany({ where: { entityType: "user", route: { startsWith: "cli " } }, orderBy: { at: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["create", "deactivate", "reactivate"]);
  });
});

describe("demo-tokens", () => {
  it("issues one working token per role and revokes the previous demo tokens", async () => {
    await seedDemoData(t.ctx, { seed: 1, vacancies: 5, candidates: 20 });
    const first = await runCommand(() => demoTokensCommand(t.ctx, []));
    expect(first.code).toBe(0);
    for (const role of ["admin", "referent", "tutor", "navigator", "employer"]) expect(first.output).toMatch(new RegExp(`^${role}\\b`, "m"));
    const oldToken = tokenIn(first.output)!;
    expect((await request(t.app).get("/api/v1/users/me").set("authorization", `Bearer ${oldToken}`)).status).toBe(200);
    await runCommand(() => demoTokensCommand(t.ctx, []));
    expect((await request(t.app).get("/api/v1/users/me").set("authorization", `Bearer ${oldToken}`)).status).toBe(401);
  });

  it("refuses in production", async () => {
    const prod = await createTestApp({ NODE_ENV: "production" });
    try {
      const { code, output } = await runCommand(() => demoTokensCommand(prod.ctx, []));
      expect(code).toBe(1);
      expect(output).toMatch(/production/);
    } finally {
      await prod.close();
    }
  });
});

describe("reindex", () => {
  it("rebuilds both indexes from the store and records the run", async () => {
    await seedDemoData(t.ctx, { seed: 2, vacancies: 30, candidates: 100 });
    await t.ctx.index.clear("vacancies");
    await t.ctx.index.clear("candidates");
    expect(await t.ctx.index.count("vacancies")).toBe(0);
    const { code } = await runCommand(() => reindexCommand(t.ctx, []));
    expect(code).toBe(0);
    expect(await t.ctx.index.count("vacancies")).toBe(30);
    expect(await t.ctx.index.count("candidates")).toBe(100);
    expect(await t.ctx.db.jobRun.findFirst({ where: { kind: "reindex", status: "succeeded" } })).not.toBeNull();
  });
});

describe("rematch", () => {
  it("re-runs every open vacancy, stores the results and counts what is new, then nothing new the second time", async () => {
    await seedDemoData(t.ctx, { seed: 3, vacancies: 20, candidates: 300 });
    const { code, output } = await runCommand(() => rematchCommand(t.ctx));
    expect(code).toBe(0);
    const first = await t.ctx.db.jobRun.findFirstOrThrow({ where: { kind: "rematch" }, orderBy: { startedAt: "desc" } });
    const counts = first.counts as { vacancies: number; stored: number; newMatches: number };
    expect(counts.vacancies).toBeGreaterThan(0);
    expect(counts.newMatches).toBe(counts.stored);
    expect(output).toMatch(/nuovi \d+/);
    await runCommand(() => rematchCommand(t.ctx));
    const second = await t.ctx.db.jobRun.findFirstOrThrow({ where: { kind: "rematch" }, orderBy: { startedAt: "desc" } });
    expect((second.counts as { newMatches: number }).newMatches).toBe(0);
    expect(await t.ctx.db.matchResult.count()).toBe(counts.stored);
  });
});

describe("an index from an older version", () => {
  it("is rebuilt at start when its document layout differs, then left alone", async () => {
    await seedDemoData(t.ctx, { seed: 4, vacancies: 10, candidates: 50 });
    await t.ctx.index.setLayoutVersion("an-older-layout");
    await t.ctx.index.clear("candidates");
    await ensureIndexLayout(t.ctx);
    expect(await t.ctx.index.count("candidates")).toBe(50);
    expect(await t.ctx.index.layoutVersion()).toBe(DOCUMENT_LAYOUT_VERSION);
    const runs = await t.ctx.db.jobRun.count({ where: { kind: "reindex" } });
    await ensureIndexLayout(t.ctx);
    expect(await t.ctx.db.jobRun.count({ where: { kind: "reindex" } })).toBe(runs);
  });
});
