import { loadSynonyms } from "../taxonomy/synonyms.js";
import { normalizeForIndex, queryTerms, type QueryTerms } from "../text/normalize-italian.js";

/** What a search engine is told about synonyms, in plain words (the engines normalise them like the text). */
export interface SearchSynonyms {
  /** A word or phrase → the words or phrases a query for it also finds. */
  alternatives: Record<string, string[]>;
  /** Words only ever meant whole (acronyms): a query for "oss" is not the beginning of "ossiacetilenico". */
  wholeWords: string[];
}

/** The same, as stems: keys and values are space-joined stems, as the index stores text. */
export interface CompiledSynonyms {
  alternatives: ReadonlyMap<string, readonly string[]>;
  wholeWords: ReadonlySet<string>;
  /** The longest key, in words: how far a query is scanned for a phrase. */
  maxPhraseWords: number;
}

/**
 * The taxonomy's synonyms for search: an acronym and what it stands for find each other ("OSS" ⇄
 * "operatore socio-sanitario"); a colloquial word finds what it means ("muletto" → "mulettista") but
 * not the other way, a colloquial word being often broader ("pulizie"). Fillers mean nothing.
 */
export function taxonomySynonyms(): SearchSynonyms {
  const alternatives: Record<string, string[]> = {};
  const wholeWords: string[] = [];
  for (const s of loadSynonyms()) {
    if (s.kind === "filler") continue;
    (alternatives[s.term] ??= []).push(s.canonical);
    if (s.kind === "acronym") {
      (alternatives[s.canonical] ??= []).push(s.term);
      wholeWords.push(s.term);
    }
  }
  return { alternatives, wholeWords };
}

export function compileSynonyms(synonyms: SearchSynonyms | undefined): CompiledSynonyms {
  const alternatives = new Map<string, string[]>();
  let maxPhraseWords = 0;
  for (const [phrase, others] of Object.entries(synonyms?.alternatives ?? {})) {
    const key = normalizeForIndex(phrase);
    const values = others.map(normalizeForIndex).filter((v) => v && v !== key);
    if (!key || values.length === 0) continue;
    alternatives.set(key, [...new Set([...(alternatives.get(key) ?? []), ...values])]);
    maxPhraseWords = Math.max(maxPhraseWords, key.split(" ").length);
  }
  const wholeWords = new Set((synonyms?.wholeWords ?? []).map(normalizeForIndex).filter((w) => w && !w.includes(" ")));
  return { alternatives, wholeWords, maxPhraseWords };
}

/** Query words as both engines read them: the text analysis, and a last word that is an acronym is whole, not a prefix. */
export function searchTerms(text: string, synonyms: CompiledSynonyms): QueryTerms {
  const words = queryTerms(text);
  const last = words.terms[words.terms.length - 1];
  return last !== undefined && synonyms.wholeWords.has(last) ? { terms: words.terms, lastIsPrefix: false } : words;
}

/** A span of the query words that is a synonym key, longest first from each position (greedy, left to right). */
export interface SynonymSpan {
  start: number;
  /** Exclusive. */
  end: number;
  alternatives: readonly string[];
}

export function synonymSpans(terms: readonly string[], synonyms: CompiledSynonyms): SynonymSpan[] {
  const spans: SynonymSpan[] = [];
  for (let i = 0; i < terms.length; ) {
    let found: SynonymSpan | undefined;
    for (let length = Math.min(synonyms.maxPhraseWords, terms.length - i); length > 0 && !found; length--) {
      const alternatives = synonyms.alternatives.get(terms.slice(i, i + length).join(" "));
      if (alternatives) found = { start: i, end: i + length, alternatives };
    }
    if (found) spans.push(found);
    i = found ? found.end : i + 1;
  }
  return spans;
}
