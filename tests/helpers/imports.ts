import type { Express } from "express";
import request from "supertest";
import { expect } from "vitest";
import type { ImportTotals, RowReport } from "../../src/imports/import-report.js";

const FINAL = ["succeeded", "failed", "abandoned"];

export interface ImportRunView {
  id: string;
  kind: string;
  status: string;
  dryRun: boolean;
  totals: ImportTotals | null;
  progress: { done: number; total: number | null };
  fileWarnings: string[];
  error: { code: string | null; message: string; fields: { field: string; message: string }[] } | null;
}

/** The run once it is over, polled the way a client would. */
export async function waitForImport(app: Express, token: string, runId: string, timeoutMs = 120_000): Promise<ImportRunView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(app).get(`/api/v1/imports/${runId}`).set("Authorization", `Bearer ${token}`);
    expect(res.status).toBe(200);
    if (FINAL.includes(res.body.status)) return res.body as ImportRunView;
    if (Date.now() > until) throw new Error(`import ${runId} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every row of the report, read page by page. */
export async function allRows(app: Express, token: string, runId: string, pageSize = 1000): Promise<RowReport[]> {
  const rows: RowReport[] = [];
  for (let page = 1; ; page++) {
    const res = await request(app).get(`/api/v1/imports/${runId}/rows?page=${page}&pageSize=${pageSize}`).set("Authorization", `Bearer ${token}`);
    expect(res.status).toBe(200);
    rows.push(...res.body.items);
    if (rows.length >= res.body.total) return rows;
  }
}

export interface ImportViaApi {
  /** The upload's answer: 202 when accepted, else the refusal. */
  status: number;
  body: { id?: string; code?: string; message?: string; fields?: { field: string; message: string }[] };
  runId: string;
  run: ImportRunView;
  /** The run's totals and rows, in the shape the command line prints. */
  report: { dryRun: boolean; totals: ImportTotals; rows: RowReport[] };
}

/** Uploads a file and, when accepted, waits for the import and reads its whole report. */
export async function importViaApi(app: Express, token: string, what: "vacancies" | "candidates", data: Buffer | string, name: string, query = ""): Promise<ImportViaApi> {
  const res = await request(app)
    .post(`/api/v1/imports/${what}${query}`)
    .set("Authorization", `Bearer ${token}`)
    .attach("file", Buffer.isBuffer(data) ? data : Buffer.from(data), name);
  if (res.status !== 202) return { status: res.status, body: res.body } as ImportViaApi;
  const runId = res.body.id as string;
  const run = await waitForImport(app, token, runId);
  const rows = await allRows(app, token, runId);
  return { status: res.status, body: res.body, runId, run, report: { dryRun: run.dryRun, totals: run.totals!, rows } };
}
