import { synonymSpans, type CompiledSynonyms } from "./search-synonyms.js";

/** An FTS5 string literal: a term, or a phrase of space-joined stems; user text can never become syntax. */
const quoted = (stems: string): string => `"${stems.replaceAll('"', '""')}"`;

const anyOf = (alternatives: string[]): string => (alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" OR ")})`);

export interface SearchExpressionInput {
  terms: readonly string[];
  lastIsPrefix: boolean;
  /** See QueryTerms.lastAsTyped: the prefix then extends the typed word, the stem matching as itself. */
  lastAsTyped?: string;
  synonyms: CompiledSynonyms;
  /** Indexed words each term may have been a typo of (same order as terms); none for an exact query. */
  variants?: readonly (readonly string[])[];
}

/**
 * The FTS5 MATCH of a showcase or people search: every query word must match (AND), each as itself
 * (the last one as a prefix while it is being typed: the prefix of the word as typed when that is
 * longer than its stem) or as an indexed word it may be a typo of; a run of words that is a synonym
 * key matches as those words or as any of its alternatives, each a phrase, the way Meilisearch
 * applies synonyms.
 */
export function ftsSearchExpression({ terms, lastIsPrefix, lastAsTyped, synonyms, variants = [] }: SearchExpressionInput): string {
  const word = (i: number): string => {
    const prefix = lastIsPrefix && i === terms.length - 1;
    const self = !prefix ? [quoted(terms[i]!)] : lastAsTyped ? [quoted(terms[i]!), `${quoted(lastAsTyped)}*`] : [`${quoted(terms[i]!)}*`];
    return anyOf([...self, ...(variants[i] ?? []).map(quoted)]);
  };
  const parts: string[] = [];
  const spans = synonymSpans(terms, synonyms);
  for (let i = 0; i < terms.length; ) {
    const span = spans.find((s) => s.start === i);
    if (!span) {
      parts.push(word(i));
      i += 1;
      continue;
    }
    const words = Array.from({ length: span.end - span.start }, (_, k) => word(span.start + k));
    const literal = words.length === 1 ? words[0]! : `(${words.join(" AND ")})`;
    parts.push(anyOf([literal, ...span.alternatives.map(quoted)]));
    i = span.end;
  }
  return parts.join(" AND ");
}
