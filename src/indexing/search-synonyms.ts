import { loadSynonyms } from "../taxonomy/synonyms.js";

/**
 * Synonyms for an engine that expands queries itself (Meilisearch): the taxonomy's acronyms and
 * colloquialisms, each pointing one way to what it means ("OSS" → "operatore socio-sanitario").
 * Fillers are left out; they mean nothing. Plain words: the engine adapter normalises them.
 */
export function taxonomySynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of loadSynonyms()) {
    if (s.kind === "filler") continue;
    (out[s.term] ??= []).push(s.canonical);
  }
  return out;
}
