import { describe, expect, it } from "vitest";
import { analyze, foldItalian, normalizeForIndex, queryTerms, stemItalian } from "../src/text/normalize-italian.js";

const stemOf = (word: string): string => {
  const out = analyze(word);
  expect(out).toHaveLength(1);
  return out[0]!;
};

describe("stemming of job-title word forms", () => {
  const groups: string[][] = [
    ["magazziniere", "magazzinieri", "magazziniera", "MAGAZZINIERI", "Magazzinière"],
    ["pulizie", "pulizia"],
    ["addetto", "addetta", "addetti", "addette"],
    ["operaio", "operaia", "operai", "operaie"],
    ["infermiere", "infermiera", "infermieri"],
    ["cuoco", "cuoca", "cuochi", "cuoche"],
    ["commesso", "commessa", "commessi"],
    ["cameriere", "cameriera", "camerieri"],
    ["barista", "baristi"],
  ];
  it.each(groups.map((g) => [g[0]!, g] as const))("%s: all forms share one stem", (_first, forms) => {
    const stems = new Set(forms.map(stemOf));
    expect([...stems]).toHaveLength(1);
  });

  it("keeps different professions apart", () => {
    expect(stemOf("magazziniere")).not.toBe(stemOf("cameriere"));
    expect(stemOf("cuoco")).not.toBe(stemOf("commesso"));
  });

  it("the stem is a prefix of the folded word (prefix search relies on it)", () => {
    for (const w of ["magazzinieri", "pulizie", "cuochi", "operaio", "bar", "autista"]) {
      expect(w.startsWith(stemItalian(w))).toBe(true);
    }
  });

  it("does not shorten very short words below three letters", () => {
    expect(stemItalian("bar")).toBe("bar");
    expect(stemItalian("ore").length).toBeGreaterThanOrEqual(3);
  });
});

describe("folding, apostrophes and stop words", () => {
  it("folds case and accents", () => {
    expect(foldItalian("Più Perché È")).toBe("piu perche e");
  });

  it("treats apostrophes, typographic apostrophes and the lost-apostrophe ¿ as separators", () => {
    expect(normalizeForIndex("dell'azienda")).toBe(normalizeForIndex("azienda"));
    expect(normalizeForIndex("dell’azienda")).toBe(normalizeForIndex("azienda"));
    expect(normalizeForIndex("dell¿azienda")).toBe(normalizeForIndex("azienda"));
    expect(normalizeForIndex("l'addetta")).toBe(normalizeForIndex("addetto"));
  });

  it("drops Italian stop words, accented ones included", () => {
    expect(normalizeForIndex("Addetta alle pulizie degli uffici")).toBe(normalizeForIndex("addetto pulizia ufficio"));
    expect(analyze("è più di un lavoro")).toEqual(analyze("lavoro"));
  });

  it("indexing and querying agree", () => {
    const indexed = normalizeForIndex("Magazziniere con patente").split(" ");
    const { terms } = queryTerms("magazzinieri patente ");
    expect(terms).toEqual(indexed);
  });

  it("marks the last term as a prefix unless the query ends with a separator", () => {
    expect(queryTerms("magazz")).toEqual({ terms: ["magazz"], lastIsPrefix: true });
    expect(queryTerms("magazziniere ").lastIsPrefix).toBe(false);
    expect(queryTerms("magazz*")).toEqual({ terms: ["magazz"], lastIsPrefix: true });
    expect(queryTerms("")).toEqual({ terms: [], lastIsPrefix: false });
    expect(queryTerms("di la ").terms).toEqual([]);
  });

  it("reduces FTS syntax to plain tokens", () => {
    expect(queryTerms('magazz* OR "').terms).toEqual(["magazz", "or"]);
    expect(queryTerms("NEAR(").terms).toEqual(["near"]);
    expect(queryTerms("-").terms).toEqual([]);
  });
});

describe("agent nouns across genders", () => {
  it.each([
    ["operatore", "operatrice", "operatori", "operatrici"],
    ["direttore", "direttrice", "direttori", "direttrici"],
    ["lavoratore", "lavoratrice", "lavoratori", "lavoratrici"],
    ["istruttore", "istruttrice", "istruttori", "istruttrici"],
  ])("%s and its forms share one stem", (...forms) => {
    expect(new Set(forms.map(stemItalian)).size).toBe(1);
  });
});
