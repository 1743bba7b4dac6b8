import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { freePort } from "./helpers/processes.js";

describe("the start command on an empty database", () => {
  it("migrates, loads reference and demo data, serves, and stops cleanly on SIGTERM", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-start-"));
    const databasePath = path.join(dir, "vetrina.db");
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, DATABASE_PATH: databasePath, PORT: String(port), NODE_ENV: "development", SCHEDULER: "false" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toMatch(/in ascolto/);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toMatchObject({ status: "ok" });
      expect(output).toMatch(/npm run cli -- demo-tokens/);
      const db = new Database(databasePath, { readonly: true });
      const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
      expect({ vacancies: count("Vacancy"), candidates: count("Candidate"), comuni: count("Comune") }).toEqual({ vacancies: 300, candidates: 3000, comuni: 7899 });
      const roles = db.prepare(`SELECT DISTINCT role FROM "User" ORDER BY role`).all() as { role: string }[];
      expect(roles.map((r) => r.role)).toEqual(["admin", "employer", "navigator", "referent", "tutor"]);
      db.close();
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(output).toMatch(/arrestato/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a bad configuration with a readable message and a non-zero exit", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, PORT: "novanta", SEARCH_BACKEND: "elastic" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/Configurazione non valida/);
    expect(output).toMatch(/PORT/);
    expect(output).toMatch(/SEARCH_BACKEND/);
  });
});
