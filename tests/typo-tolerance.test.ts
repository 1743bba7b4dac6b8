import { describe, expect, it } from "vitest";
import { ftsSearchExpression } from "../src/indexing/fts-search-expression.js";
import { compileSynonyms, searchTerms } from "../src/indexing/search-synonyms.js";
import { typoBudget, typoCost, typoVariants } from "../src/indexing/typo-tolerance.js";

/** The embedded index's copy of Meilisearch's default typo rules, and the MATCH it builds from them. */
describe("typo rules", () => {
  it("no typo under 5 letters or with a digit, one from 5 to 8, two from 9", () => {
    expect(["oss", "cuoc", "12345", "b2b2b"].map(typoBudget)).toEqual([0, 0, 0, 0]);
    expect(["pulizi", "saldat", "elettric"].map(typoBudget)).toEqual([1, 1, 1]);
    expect(["magazzinier", "elettricist"].map(typoBudget)).toEqual([2, 2]);
  });

  it("counts insertions, deletions, substitutions and swaps of two adjacent letters as one each", () => {
    expect(typoCost("magazziner", "magazzinier", 2)).toBe(1);
    expect(typoCost("magaziner", "magazzinier", 2)).toBe(2);
    expect(typoCost("magazzineir", "magazzinier", 2)).toBe(1);
    expect(typoCost("pulizz", "pulizi", 1)).toBe(1);
    expect(typoCost("pilozi", "pulizi", 1)).toBe(Infinity);
  });

  it("a wrong first letter counts as two when two are allowed, as one when one is", () => {
    expect(typoCost("nagazzinier", "magazzinier", 2)).toBe(2);
    expect(typoCost("nagazziner", "magazzinier", 2)).toBe(Infinity);
    expect(typoCost("vulizi", "pulizi", 1)).toBe(1);
  });

  it("a prefix is forgiven against the beginning of a longer word", () => {
    expect(typoCost("magazi", "magazzinier", 1, true)).toBe(1);
    expect(typoCost("magazi", "magazzinier", 1, false)).toBe(Infinity);
    expect(typoVariants("magazi", ["magazzinier", "magazin", "cuoc"], true)).toEqual(["magazzinier"]);
  });
});

describe("the embedded index's search MATCH", () => {
  const synonyms = compileSynonyms({ alternatives: { OSS: ["operatore socio-sanitario"], "operatore socio-sanitario": ["OSS"] }, wholeWords: ["OSS"] });

  it("an acronym is a whole word, never a prefix; other last words are", () => {
    expect(searchTerms("OSS", synonyms)).toEqual({ terms: ["oss"], lastIsPrefix: false });
    expect(searchTerms("magazz", synonyms)).toEqual({ terms: ["magazz"], lastIsPrefix: true });
  });

  it("ANDs the words, ORs each with its typos, and a synonym's words with its phrase", () => {
    expect(ftsSearchExpression({ terms: ["oss"], lastIsPrefix: false, synonyms })).toBe('("oss" OR "operat soc sanitar")');
    expect(ftsSearchExpression({ terms: ["operat", "soc", "sanitar", "turn"], lastIsPrefix: true, synonyms, variants: [[], [], [], ["turm"]] })).toBe(
      '(("operat" AND "soc" AND "sanitar") OR "oss") AND ("turn"* OR "turm")',
    );
  });

  it("a last word typed past its stem matches the stem whole and the typed word as a prefix", () => {
    expect(searchTerms("operaio", synonyms)).toEqual({ terms: ["opera"], lastIsPrefix: true, lastAsTyped: "operaio" });
    expect(searchTerms("operaio ", synonyms)).toEqual({ terms: ["opera"], lastIsPrefix: false });
    expect(ftsSearchExpression({ terms: ["addett", "puliz"], lastIsPrefix: true, lastAsTyped: "pulizie", synonyms })).toBe('"addett" AND ("puliz" OR "pulizie"*)');
  });

  it("quotes user text so it can never become FTS syntax", () => {
    expect(ftsSearchExpression({ terms: ['a"b'], lastIsPrefix: false, synonyms })).toBe('"a""b"');
  });
});
