/**
 * Italian text normalisation shared by indexing and querying: both sides call `analyze`, so a word
 * typed in the search box always reduces to the same token the index stored.
 *
 * Pipeline: fold (lower case, strip accents, apostrophes become separators) → tokenise on anything
 * that is not a letter or digit → drop stop words → light stemming.
 */
import { createRequire } from "node:module";

// natural's Italian list lives in an untyped CommonJS subpath; loading just that file avoids pulling
// in the whole library (whose storage back ends load dotenv and print to stdout on import).
const naturalItalianStopwords = (
  createRequire(import.meta.url)("natural/lib/natural/util/stopwords_it.js") as { words: string[] }
).words;

/**
 * Apostrophe-like characters. `¿` appears in some reference texts (ISTAT/ministerial exports that
 * went through a lossy code page) where an apostrophe was lost: "dell¿azienda".
 */
const APOSTROPHES = /['’‘`´ʼ¿]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Lower case, accents stripped (NFD then drop combining marks), apostrophes turned into spaces. */
export function foldItalian(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(APOSTROPHES, " ").toLowerCase();
}

/** Folded word tokens, in order, stop words included. */
export function tokenize(text: string): string[] {
  return foldItalian(text).split(NON_WORD).filter((t) => t.length > 0);
}

/**
 * The one stop-word list. natural ships an Italian list (articles, prepositions, pronouns, auxiliary
 * forms); it is folded like the text so "più"/"perché"/"è" match their unaccented tokens.
 */
export const ITALIAN_STOPWORDS: ReadonlySet<string> = new Set(naturalItalianStopwords.map(foldItalian));

/**
 * Light Italian stemmer after J. Savoy ("Light stemming approaches for the French, Portuguese,
 * German and Hungarian languages", and the Italian light stemmer used by Lucene's
 * ItalianLightStemmer): remove only the final inflectional vowel, plus the "i"/"h" that Italian
 * spelling inserts before it (-ia/-io/-ie/-ii, -che/-chi/-ghe/-ghi).
 *
 * Why not natural's PorterStemmerIt (Snowball): it is derivational and position-sensitive, and on
 * job titles it splits singular from plural ("magazziniere" vs "magazzinieri" get different
 * stems), which breaks the most basic search. Job titles differ mostly by number and gender
 * (magazziniere/-i/-a, addetto/-a/-i, operaio/-a/-ai, cuoco/-a/-chi), which is exactly what a
 * light stemmer conflates, while it leaves distinct professions apart.
 *
 * Property relied upon by prefix search: the stem is always a prefix of the folded word, so a
 * stemmed prefix query matches everything the unstemmed prefix would.
 *
 * Unlike Lucene (which leaves words under 6 letters untouched) the floor is a 3-letter stem, so
 * short titles such as "cuoco/cuoca/cuochi" still conflate.
 */
export function stemItalian(word: string): string {
  const MIN_STEM = 3;
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  // Agent nouns change more than a vowel between genders (operatore/operatrice, direttori/direttrici):
  // both reduce to the stem before "-ore"/"-rice", which is still a prefix of every form.
  const agent = /^(.{4,}t)(?:ore|ori|rice|rici)$/.exec(word);
  if (agent?.[1]) return agent[1];
  const last = word[word.length - 1];
  const prev = word[word.length - 2];
  let cut = 0;
  switch (last) {
    case "e":
      cut = prev === "i" || prev === "h" ? 2 : 1;
      break;
    case "i":
      cut = prev === "i" || prev === "h" ? 2 : 1;
      break;
    case "a":
    case "o":
      cut = prev === "i" ? 2 : 1;
      break;
    default:
      return word;
  }
  // Never shorten below the floor: fall back to removing just the vowel, or nothing.
  if (word.length - cut < MIN_STEM) cut = word.length - 1 >= MIN_STEM ? 1 : 0;
  return word.slice(0, word.length - cut);
}

/** Content tokens (folded, stop words removed, stemmed). */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    if (ITALIAN_STOPWORDS.has(token)) continue;
    out.push(stemItalian(token));
  }
  return out;
}

/** What the index stores for a text field: space-joined stems. */
export function normalizeForIndex(text: string): string {
  return analyze(text).join(" ");
}

export interface QueryTerms {
  /** Distinct stems, in query order. */
  terms: string[];
  /** The user may still be typing the last word ("magazz"): match it as a prefix. */
  lastIsPrefix: boolean;
  /**
   * The last word as typed (folded), when it is a prefix longer than its stem: a finished inflection
   * ("pulizie", stem "puliz") or a word typed past its stem ("magazzi", stem "magazz"). Only words
   * beginning with it extend the prefix, and its typos are forgiven against their beginnings: the
   * beginning of "polizze" is one typo from "puliz", not from "pulizie".
   */
  lastAsTyped?: string;
}

/**
 * Query-side analysis: the same `analyze` as indexing. The last term is a prefix unless the query
 * ends with a separator (the user finished the word); a trailing "*" is read as the user asking
 * for a prefix, as in most search boxes.
 */
export function queryTerms(text: string): QueryTerms {
  const terms = [...new Set(analyze(text))];
  const trimmed = text.replace(/\*+$/, "");
  const endsWithSeparator = trimmed.length === 0 || NON_WORD.test(trimmed[trimmed.length - 1] ?? " ");
  const lastIsPrefix = terms.length > 0 && !endsWithSeparator;
  const lastToken = tokenize(trimmed).at(-1);
  const lastStem = terms[terms.length - 1];
  const typedPastStem = lastIsPrefix && lastToken !== undefined && lastToken !== lastStem && stemItalian(lastToken) === lastStem;
  return typedPastStem ? { terms, lastIsPrefix, lastAsTyped: lastToken } : { terms, lastIsPrefix };
}
