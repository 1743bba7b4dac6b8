import { describe, expect, it } from "vitest";
import { proposalStatusMachine, PROPOSAL_STATUSES, type ProposalStatus } from "../src/proposals/proposal-states.js";
import { DECLINE_REASON_LABELS, DECLINE_REASONS } from "../src/proposals/decline-reasons.js";
import { proposalDeclineSchema, proposalsQuery } from "../src/proposals/proposal-schemas.js";

/** Every pair of states: the listed moves are allowed, every other one is refused. */
const ALLOWED: [ProposalStatus, ProposalStatus][] = [
  ["in_attesa", "accettata"],
  ["in_attesa", "rifiutata"],
  ["in_attesa", "ritirata"],
];

describe("proposal status (segnalazione)", () => {
  for (const from of PROPOSAL_STATUSES) {
    for (const to of PROPOSAL_STATUSES) {
      const ok = ALLOWED.some(([f, t]) => f === from && t === to);
      it(`${from} → ${to}: ${ok ? "allowed" : "refused"}`, () => {
        expect(proposalStatusMachine.can(from, to)).toBe(ok);
      });
    }
  }
  it("final states: accettata, rifiutata, ritirata", () => {
    expect(proposalStatusMachine.states.filter((s) => proposalStatusMachine.isFinal(s))).toEqual(["accettata", "rifiutata", "ritirata"]);
  });
  it("every state has an Italian label", () => {
    for (const s of PROPOSAL_STATUSES) expect(proposalStatusMachine.labels[s]).toMatch(/\S/);
  });
});

describe("decline reasons and status filters as operators type them", () => {
  const decline = (body: object) => proposalDeclineSchema.safeParse(body);

  it("takes each reason by its code and by its Italian label, in any case and without accents", () => {
    for (const code of DECLINE_REASONS) {
      const note = code === "altro" ? "Spiegazione" : undefined;
      expect(decline({ reason: code, note }).data?.reason).toBe(code);
      expect(decline({ reason: DECLINE_REASON_LABELS[code], note }).data?.reason).toBe(code);
    }
    expect(decline({ reason: "ROSA GIA COMPLETA" }).data?.reason).toBe("rosa_completa");
    expect(decline({ reason: "rosa completa" }).data?.reason).toBe("rosa_completa");
  });

  it("refuses an unknown reason naming the allowed ones, and «altro» without a note", () => {
    const unknown = decline({ reason: "antipatia" });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues[0]!.message).toContain("profilo_non_coerente");
    const bare = decline({ reason: "altro" });
    expect(bare.success).toBe(false);
    expect(bare.error!.issues.map((i) => i.path.join("."))).toEqual(["note"]);
  });

  it("filters by status code or label, one or many", () => {
    expect(proposalsQuery.parse({ status: "In attesa del referente,rifiutata" }).status).toEqual(["in_attesa", "rifiutata"]);
    expect(proposalsQuery.safeParse({ status: "forse" }).success).toBe(false);
  });
});
