import { describe, expect, it } from "vitest";
import { parseContractOffer } from "../src/imports/parse-contract-offer.js";

describe("reading the showcase's «Proposta contratto»", () => {
  it.each([
    ["Tempo indeterminato full time", { contractType: "permanent", hoursPerWeek: 40 }],
    ["Tempo determinato 6 mesi, part time 30 ore", { contractType: "fixed_term", contractMonths: 6, hoursPerWeek: 30 }],
    ["Somministrazione 3 mesi con possibilità di proroga, full time", { contractType: "agency", contractMonths: 3, hoursPerWeek: 40 }],
    ["Tempo determinato 12 mesi, full time, 1.800 € lordi", { contractType: "fixed_term", contractMonths: 12, grossMonthlyPay: 1800 }],
    ["Tempo determinato 12 mesi, CCNL Commercio, 1.500 € lordi", { contractType: "fixed_term", contractMonths: 12, ccnl: "CCNL Commercio" }],
    ["Apprendistato 36 mesi, C.C.N.L. Turismo - Pubblici esercizi; full time", { contractType: "apprenticeship", ccnl: "CCNL Turismo - Pubblici esercizi" }],
  ])("%s", (text, expected) => {
    expect(parseContractOffer(text)).toMatchObject(expected);
  });

  it("finds no agreement where none is written", () => {
    expect(parseContractOffer("Tempo indeterminato").ccnl).toBeUndefined();
  });
});
