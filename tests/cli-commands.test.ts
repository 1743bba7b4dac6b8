import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import request from "supertest";
import { createTestApp, CPI_TORINO, type TestApp } from "./helpers/test-app.js";
import { run as createUserCommand } from "../src/cli/commands/create-user.js";
import { run as demoTokensCommand } from "../src/cli/commands/demo-tokens.js";
import { run as reindexCommand } from "../src/cli/commands/reindex.js";
import { run as rematchCommand } from "../src/cli/commands/rematch.js";
import { DOCUMENT_LAYOUT_VERSION, ensureIndexLayout } from "../src/indexing/rebuild-index.js";
import { seedDemoData } from "../src/demo/seed-demo-data.js";

/** Runs a command, capturing what it prints as a person at the terminal would see it. */
async function runCommand(command: () => Promise<number>) {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => void lines.push(args.join(" "));
  const log = vi.spyOn(console, "log").mockImplementation(capture);
  const error = vi.spyOn(console, "error").mockImplementation(capture);
  try {
    return { code: await command(), output: lines.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

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
