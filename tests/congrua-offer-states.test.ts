import { describe, expect, it } from "vitest";
import { OFFER_CHANNEL_LABELS, OFFER_CHANNELS, offerOutcomeMachine, REFUSAL_REASON_LABELS, REFUSAL_REASONS, type OfferOutcome } from "../src/congrua-offers/congrua-offer-states.js";

/** Every from → to pair of the outcome table: the listed moves are allowed, every other one refused. */
const ALLOWED: [OfferOutcome, OfferOutcome][] = [
  ["in_attesa", "accettata"],
  ["in_attesa", "rifiutata_giustificata"],
  ["in_attesa", "rifiutata_senza_motivo"],
  ["in_attesa", "non_presentata"],
  // The justification arrives after the answer…
  ["rifiutata_senza_motivo", "rifiutata_giustificata"],
  ["non_presentata", "rifiutata_giustificata"],
  // …or the CPI does not accept it.
  ["rifiutata_giustificata", "rifiutata_senza_motivo"],
];

describe("outcome of a congrua offer", () => {
  for (const from of offerOutcomeMachine.states) {
    for (const to of offerOutcomeMachine.states) {
      const ok = ALLOWED.some(([f, t]) => f === from && t === to);
      it(`${from} → ${to}: ${ok ? "allowed" : "refused"}`, () => {
        expect(offerOutcomeMachine.can(from, to)).toBe(ok);
      });
    }
  }
  it("an acceptance is final, and nothing goes back to «in attesa»", () => {
    expect(offerOutcomeMachine.states.filter((s) => offerOutcomeMachine.isFinal(s))).toEqual(["accettata"]);
    for (const s of offerOutcomeMachine.states) expect(offerOutcomeMachine.next(s)).not.toContain("in_attesa");
  });
  it("every state, channel and justified reason has an Italian label", () => {
    for (const s of offerOutcomeMachine.states) expect(offerOutcomeMachine.labels[s]).toMatch(/\S/);
    for (const c of OFFER_CHANNELS) expect(OFFER_CHANNEL_LABELS[c]).toMatch(/\S/);
    for (const r of REFUSAL_REASONS) expect(REFUSAL_REASON_LABELS[r]).toMatch(/\S/);
  });
  it("the justified reasons are those ANPAL recognises (CONGRUA.md)", () => {
    expect([...REFUSAL_REASONS]).toEqual(["malattia_infortunio", "richiamo_servizio", "maternita", "gravi_motivi_familiari", "limiti_mobilita", "forza_maggiore"]);
  });
});
