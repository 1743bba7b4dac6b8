import { describe, expect, it } from "vitest";
import {
  contactStatusMachine,
  outcomeMachine,
  shortlistStatusMachine,
  type StateMachine,
} from "../src/shortlists/shortlist-states.js";

/** Every pair of states of a table: the listed moves are allowed, every other one is refused. */
function checkTable<S extends string>(name: string, machine: StateMachine<S>, allowed: [S, S][], finals: S[]) {
  describe(name, () => {
    for (const from of machine.states) {
      for (const to of machine.states) {
        const ok = allowed.some(([f, t]) => f === from && t === to);
        it(`${from} → ${to}: ${ok ? "allowed" : "refused"}`, () => {
          expect(machine.can(from, to)).toBe(ok);
        });
      }
    }
    it(`final states: ${finals.join(", ") || "none"}`, () => {
      expect(machine.states.filter((s) => machine.isFinal(s))).toEqual(finals);
    });
    it("every state has an Italian label", () => {
      for (const s of machine.states) expect(machine.labels[s]).toMatch(/\S/);
    });
  });
}

checkTable(
  "list status",
  shortlistStatusMachine,
  [
    ["draft", "sent"],
    ["draft", "closed"],
    ["sent", "closed"],
  ],
  ["closed"],
);

checkTable(
  "contact status of a person on the list",
  contactStatusMachine,
  [
    ["to_contact", "available"],
    ["to_contact", "not_available"],
    ["to_contact", "unreachable"],
    ["available", "to_contact"],
    ["not_available", "to_contact"],
    ["unreachable", "to_contact"],
  ],
  [],
);

checkTable(
  "employer outcome of a person sent",
  outcomeMachine,
  [
    ["none", "interviewed"],
    ["none", "not_selected"],
    ["none", "withdrew"],
    ["none", "no_show"],
    ["interviewed", "hired"],
    ["interviewed", "not_selected"],
    ["interviewed", "withdrew"],
    ["interviewed", "no_show"],
    ["not_selected", "hired"],
  ],
  ["hired", "withdrew", "no_show"],
);

describe("what the tables say to people", () => {
  it("names the moves allowed from a state", () => {
    expect(outcomeMachine.next("none")).not.toContain("hired");
    expect(contactStatusMachine.next("unreachable")).toEqual(["to_contact"]);
  });
});
