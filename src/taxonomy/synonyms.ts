/**
 * The curated list of what CPI operators type that the classifications lack (acronyms such as OSS,
 * colloquialisms such as "muletto"), kept as data in data/taxonomy/synonyms.csv, and the phrase rewriter
 * that applies it to a text before resolution.
 *
 * Matching runs on the project's analysis (src/text/normalize-italian.ts): a term matches whatever
 * analyses to the same stems, so "Uso del muletto", "uso muletto" and "USO DEI MULETTI" are one phrase.
 * One deviation: single-letter stop words are kept while matching, because natural's Italian stop-word
 * list contains "c" and "e" (elided "ci", the conjunction) and the licence in "autista patente C" would
 * otherwise vanish. They are dropped again from the output, exactly as `analyze` would.
 */
import { fileURLToPath } from "node:url";
import { readCsv } from "../reference/read-csv.js";
import { analyze, ITALIAN_STOPWORDS, stemItalian, tokenize } from "../text/normalize-italian.js";

export const SYNONYMS_FILE = fileURLToPath(new URL("../../data/taxonomy/synonyms.csv", import.meta.url));

export type SynonymKind = "acronym" | "colloquial" | "filler";
export type SynonymDomain = "occupation" | "competence";

export interface SynonymEntry {
  term: string;
  kind: SynonymKind;
  domain: SynonymDomain;
  /** What the term means, written as the classifications write it; empty for a filler (removed). */
  canonical: string;
}

export function loadSynonyms(file: string = SYNONYMS_FILE): SynonymEntry[] {
  const out: SynonymEntry[] = [];
  for (const r of readCsv(file, ["term", "kind", "domain", "canonical"])) {
    const term = (r.term ?? "").trim();
    const kind = (r.kind ?? "").trim();
    const domain = (r.domain ?? "").trim();
    const canonical = (r.canonical ?? "").trim();
    if (!term || (!canonical && kind !== "filler")) continue;
    if (kind !== "acronym" && kind !== "colloquial" && kind !== "filler") throw new Error(`${file}: tipo "${kind}" non valido per "${term}"`);
    if (domain !== "occupation" && domain !== "competence") throw new Error(`${file}: dominio "${domain}" non valido per "${term}"`);
    out.push({ term, kind, domain, canonical });
  }
  return out;
}

/** "O.S.S." and "A.S.A." are written with dots; joined they are the acronym the list knows. */
function collapseDottedAcronyms(text: string): string {
  return text.replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ""));
}

interface MatchToken {
  stem: string;
  /** Kept only for phrase matching (see the module comment); not part of the analysed output. */
  matchOnly: boolean;
}

/** Words after which a short token is a licence category ("patente C", "patentino cat. B", "patente CE"). */
const LICENCE_WORDS: ReadonlySet<string> = new Set(["patent", "patentin", "categor", "cat"]);

function matchTokens(text: string, keepLicenceCategories = false): MatchToken[] {
  const out: MatchToken[] = [];
  let previous = "";
  for (const token of tokenize(collapseDottedAcronyms(text))) {
    const stop = ITALIAN_STOPWORDS.has(token);
    if (keepLicenceCategories && token.length <= 3 && LICENCE_WORDS.has(previous)) {
      out.push({ stem: token, matchOnly: false });
      previous = token; // "C+E" is one category written twice, not "C" then a category "E"
      continue;
    } else if (!stop) {
      out.push({ stem: stemItalian(token), matchOnly: false });
    } else if (token.length === 1) {
      out.push({ stem: token, matchOnly: true });
    }
    if (!stop) previous = stemItalian(token);
  }
  return out;
}

export interface RewriteOptions {
  /**
   * Keep the licence category after "patente"/"patentino"/"categoria" even when it is a stop word ("C",
   * "CE"), so "patente C" and "patente B" stay different. Competence texts need it; job titles do not
   * (the synonyms list carries "autista patente C" as a phrase).
   */
  keepLicenceCategories?: boolean;
}

export interface Rewritten {
  /** Analysed stems after replacement (what `analyze` gives, with the canonical forms substituted). */
  stems: string[];
  /** The entries applied, in text order. */
  applied: SynonymEntry[];
  /** True when the whole text was one term. */
  whole: boolean;
}

/** Longest-match phrase replacement over analysed tokens, for one domain of the list. */
export class PhraseRewriter {
  private readonly byPhrase = new Map<string, { entry: SynonymEntry; stems: string[] }>();
  private readonly maxLength: number;

  constructor(entries: readonly SynonymEntry[]) {
    let max = 0;
    for (const entry of entries) {
      const phrase = matchTokens(entry.term).map((t) => t.stem);
      if (phrase.length === 0) continue;
      max = Math.max(max, phrase.length);
      this.byPhrase.set(phrase.join(" "), { entry, stems: entry.kind === "filler" ? [] : analyze(entry.canonical) });
    }
    this.maxLength = max;
  }

  rewrite(text: string, options: RewriteOptions = {}): Rewritten {
    const tokens = matchTokens(text, options.keepLicenceCategories);
    const stems: string[] = [];
    const applied: SynonymEntry[] = [];
    let whole = false;
    for (let i = 0; i < tokens.length; ) {
      let hit: { entry: SynonymEntry; stems: string[] } | undefined;
      let length = Math.min(this.maxLength, tokens.length - i);
      for (; length > 0; length--) {
        hit = this.byPhrase.get(tokens.slice(i, i + length).map((t) => t.stem).join(" "));
        if (hit) break;
      }
      if (hit) {
        if (i === 0 && length === tokens.length) whole = true;
        stems.push(...hit.stems);
        applied.push(hit.entry);
        i += length;
      } else {
        const token = tokens[i];
        if (token && !token.matchOnly) stems.push(token.stem);
        i += 1;
      }
    }
    return { stems, applied, whole };
  }
}
