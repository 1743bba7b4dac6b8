import { describe, expect, it } from "vitest";
import { selectiveTerms } from "../src/indexing/selective-terms.js";

const docs = new Map([
  ["saldator", 300],
  ["tig", 120],
  ["material", 9_000],
  ["effettu", 60_000],
  ["mig", 2_000],
]);

describe("words a retrieval runs on", () => {
  const terms = ["saldator", "material", "tig", "effettu", "mig"];

  it("drops the words too common to select anyone and keeps the rest in the order asked", () => {
    expect(selectiveTerms(terms, docs, 1_000_000, { share: 0.02, minDocs: 5_000 })).toEqual(["saldator", "material", "tig", "mig"]);
  });

  it("keeps the rarest words while they match at most maxMatches people together", () => {
    // 120 + 300 + 2,000 = 2,420 fit in 3,000; adding "material" would reach 11,420.
    expect(selectiveTerms(terms, docs, 1_000_000, { share: 0.02, minDocs: 5_000, maxMatches: 3_000 })).toEqual(["saldator", "tig", "mig"]);
  });

  it("keeps the rarest word even when it alone matches more than the cap", () => {
    expect(selectiveTerms(["material", "effettu"], docs, 1_000_000, { share: 0.1, minDocs: 5_000, maxMatches: 1_000 })).toEqual(["material"]);
  });

  it("keeps every selective word when the index holds no more people than the cap", () => {
    // 11,420 matches counted with overlaps, among 9,500 people at most.
    const few = ["saldator", "material", "tig", "mig"];
    expect(selectiveTerms(few, docs, 9_500, { share: 1, minDocs: 0, maxMatches: 10_000 })).toEqual(few);
  });

  it("takes a word the index has never seen as matching nobody", () => {
    expect(selectiveTerms(["nuovissim", "effettu"], docs, 1_000_000, { share: 0.02, minDocs: 5_000, maxMatches: 1_000 })).toEqual(["nuovissim"]);
  });
});
