import { expect } from "vitest";
import { addDays, dayOf } from "../../src/deadlines/calendar-day.js";
import { candidateBody, vacancyBody } from "./sample-bodies.js";
import { mariaRossiTaxCode } from "./consistent-tax-codes.js";
import type { Harness } from "./test-app.js";

/** Today as the deadlines and figures count it (the Italian day), and a day relative to it. */
export const today = () => dayOf(new Date());
export const daysFromToday = (n: number) => addDays(today(), n);

/** The personas' e-mails (createPersonas derives them from the names). */
export const REFERENT_EMAIL = "referente.torino@example.it";
export const OTHER_REFERENT_EMAIL = "referente.milano@example.it";

/**
 * Vacancies, people and sent lists made through the API, for the deadline and figure tests: warehouse
 * offers in Torino and warehouse workers who qualify for them.
 */
export function monitoringFixtures(h: Harness, firstTaxCode: number) {
  let taxCode = firstTaxCode;

  async function vacancy(token: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await h.as(token).post("/api/v1/vacancies", vacancyBody({ profileTitle: "Magazziniere", employerId: h.p.employerId, ...overrides }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  async function person(token: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await h.as(token).post(
      "/api/v1/candidates",
      candidateBody(mariaRossiTaxCode(taxCode++), {
        declaredProfiles: [{ title: "Magazziniere" }],
        competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"],
        ...overrides,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  /** Builds the vacancy's list from the matching, confirms `who` (the first `count` entries if not named) and sends them. */
  async function sendList(token: string, vacancyId: string, who: number | string[] = 1): Promise<{ shortlistId: string; sent: string[] }> {
    const built = await h.as(token).post(`/api/v1/vacancies/${vacancyId}/shortlist`, {});
    expect(built.status, JSON.stringify(built.body)).toBe(201);
    const listed: string[] = built.body.entries.map((e: { candidateId: string }) => e.candidateId);
    const chosen = typeof who === "number" ? listed.slice(0, who) : who;
    for (const id of chosen) {
      expect(listed, "the person is on the list built from the matching").toContain(id);
      const marked = await h.as(token).post(`/api/v1/vacancies/${vacancyId}/shortlist/entries/${id}/contact`, { status: "available" });
      expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    }
    const sent = await h.as(token).post(`/api/v1/vacancies/${vacancyId}/shortlist/send`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return { shortlistId: sent.body.id as string, sent: chosen };
  }

  /** The employer's outcomes for a person sent: interviewed, then the outcome. */
  async function outcome(token: string, vacancyId: string, candidateId: string, result: "hired" | "not_selected") {
    const path = `/api/v1/vacancies/${vacancyId}/shortlist/entries/${candidateId}/outcome`;
    if (result === "hired") expect((await h.as(token).post(path, { outcome: "interviewed" })).status).toBe(200);
    const res = await h.as(token).post(path, { outcome: result });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  return { vacancy, person, sendList, outcome };
}
