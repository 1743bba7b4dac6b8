import { expect } from "vitest";
import type { Harness } from "./test-app.js";
import { candidateBody, vacancyBody } from "./sample-bodies.js";
import { mariaRossiTaxCode } from "./consistent-tax-codes.js";
import { MONCALIERI } from "./valid-codes.js";

/**
 * People and offers for the congrua-offer and conditionality tests, created through the API as a referent
 * of Torino and Moncalieri would. Each test file passes its own range of tax-code numbers.
 */
export function congruaFixtures(h: Harness, firstTaxCode: number) {
  let seq = firstTaxCode;
  const referent = () => h.as(h.p.referent);

  /** A NASpI recipient (DID and NASpI from 01/03/2026, € 950 a month, full time before) living in Torino. */
  async function person(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await referent().post(
      "/api/v1/candidates",
      candidateBody(mariaRossiTaxCode(seq++), { lastContractHoursPerWeek: 40, householdHasChildrenUnder14: false, householdHasDisabledMember: false, ...overrides }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  /** A warehouse offer in Moncalieri that states everything the NASpI rules ask for. */
  async function vacancy(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await referent().post(
      "/api/v1/vacancies",
      vacancyBody({
        arrivalDate: "2026-05-01",
        profileTitle: "Magazziniere",
        profileCode: "8.1.3.1.0",
        workplaceIstatCode: MONCALIERI,
        grossMonthlyPay: 1600,
        ccnl: "CCNL Commercio",
        competencesText: "Carico e scarico merci, gestione ordini; patente B",
        employerId: h.p.employerId,
        ...overrides,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  /** Terms of an external offer that is congrua for the NASpI person above (Moncalieri, permanent, full time). */
  const externalTerms = (overrides: Record<string, unknown> = {}) => ({
    profile: "Magazziniere",
    profileCode: "8.1.3.1.0",
    employerName: "Magazzini Subalpini S.r.l.",
    workplaceComune: "Moncalieri",
    contractType: "tempo indeterminato",
    hoursPerWeek: 40,
    grossMonthlyPay: 1600,
    ccnl: "CCNL Commercio",
    competencesText: "Carico e scarico merci, gestione ordini; patente B",
    ...overrides,
  });

  async function offer(candidateId: string, body: Record<string, unknown>, token = h.p.referent) {
    const res = await h.as(token).post(`/api/v1/candidates/${candidateId}/congrua-offers`, { channel: "telefono", ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  async function outcome(offerId: string, body: Record<string, unknown>, token = h.p.referent) {
    const res = await h.as(token).post(`/api/v1/congrua-offers/${offerId}/outcome`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  return { person, vacancy, externalTerms, offer, outcome };
}
