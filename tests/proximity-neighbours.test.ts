import { describe, expect, it } from "vitest";
import { neighbourOccupations, occupationRelatedness, resolveOccupation } from "../src/taxonomy/occupation-taxonomy.js";

const codes = (title: string) => neighbourOccupations(resolveOccupation(title, null)).map((n) => n.code ?? n.title);

describe("occupations the taxonomy puts next to one", () => {
  it("gives the other units of the CP2011 group and of the ISCO-08 group, never the occupation's own unit", () => {
    const plumber = codes("Idraulico");
    expect(plumber).toContain("6.1.3.6.2"); // installatori di impianti termici: same CP2011 group 6.1.3.6, ISCO-08 7126
    expect(plumber).not.toContain("6.1.3.6.1"); // the plumber's own unit
  });

  it("gives the other side of a curated pair of interchangeable occupations, related as such", () => {
    expect(codes("Commesso")).toContain("5.1.2.4.0");
    const cashier = resolveOccupation("Cassieri di esercizi commerciali", "5.1.2.4.0");
    expect(occupationRelatedness(resolveOccupation("Commesso", null), cashier).level).toBe("interchangeable");
    // A pair written as titles gives the title to resolve.
    expect(codes("Manovale edile")).toContain("operaio edile");
  });
});
