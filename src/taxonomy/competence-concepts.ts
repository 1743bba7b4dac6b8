/**
 * The curated thesaurus of competence concepts (data/taxonomy/competence-concepts.csv) and the reading of
 * a competence text as concepts: which concepts the text states, with what credit, and which of its words
 * no concept explains.
 *
 * A concept is one thing a CPI operator would count as the same competence however it is written
 * ("buste paga", "cedolini", "payroll" → elaborazione paghe); its wordings are matched on analysed stems,
 * in any order, tolerating derived forms (manutenzione / manutentore) and typos. Head words (the action of
 * a competence phrase: "uso", "utilizzo", "conduzione"; "gestione", "elaborazione") are grouped so that
 * interchangeable ones read as one word. Relations between concepts are symmetric.
 *
 * Analysis is injected (the caller's phrase rewriter), so thesaurus wordings and texts go through exactly
 * the same steps.
 */
import { fileURLToPath } from "node:url";
import { readCsv } from "../reference/read-csv.js";
import { boundedEditDistance } from "../text/edit-distance.js";
import { TYPO_CREDIT } from "./token-similarity.js";

export const COMPETENCE_CONCEPTS_FILE = fileURLToPath(new URL("../../data/taxonomy/competence-concepts.csv", import.meta.url));

export type ConceptKind = "certificate" | "tool" | "task" | "head";
const KINDS: ReadonlySet<string> = new Set(["certificate", "tool", "task", "head"]);

export interface ConceptRow {
  concept: string;
  label: string;
  kind: ConceptKind;
  family: string;
  /** Wordings besides the label. */
  terms: string[];
  /** Ids of related concepts (partial credit), as written in the row. */
  related: string[];
}

const split = (cell: string | undefined): string[] =>
  (cell ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Reads and validates the thesaurus: unknown kinds, duplicate ids and relations to missing concepts fail. */
export function loadCompetenceConcepts(file: string = COMPETENCE_CONCEPTS_FILE): ConceptRow[] {
  const rows: ConceptRow[] = [];
  const ids = new Set<string>();
  for (const r of readCsv(file, ["concept", "label", "kind", "terms"])) {
    const concept = (r.concept ?? "").trim();
    const label = (r.label ?? "").trim();
    const kind = (r.kind ?? "").trim();
    if (!concept || !label) continue;
    if (!KINDS.has(kind)) throw new Error(`${file}: tipo "${kind}" non valido per "${concept}"`);
    if (ids.has(concept)) throw new Error(`${file}: concetto "${concept}" ripetuto`);
    ids.add(concept);
    rows.push({ concept, label, kind: kind as ConceptKind, family: (r.family ?? "").trim(), terms: split(r.terms), related: split(r.related) });
  }
  for (const row of rows) {
    for (const id of row.related) if (!ids.has(id)) throw new Error(`${file}: "${row.concept}" è collegato a "${id}", che non esiste`);
    if (row.kind === "head" && row.related.length > 0) throw new Error(`${file}: il gruppo di parole "${row.concept}" non può avere collegati`);
  }
  return rows;
}

/** Credit for a word recognised through a derived form of the same root (manutenzione / manutentore). */
export const ROOT_CREDIT = 0.9;

/** Shortest stem read as a typo of a thesaurus word. */
const MIN_TYPO_LENGTH = 6;

/** Derivational endings stripped (longest first) to compare roots: nouns of action, agents, verbs. */
const DERIVATIONAL = ["amento", "imento", "azion", "izion", "uzion", "enzion", "zion", "sion", "ament", "iment", "ment", "atur", "itur", "ator", "itor", "ion", "ier", "izi", "enz", "anz", "ist", "ent", "ant", "tur", "at", "it", "ar", "er", "ir", "agg"];
const MIN_ROOT = 4;

const roots = new Map<string, string>();

function root(stem: string): string {
  const cached = roots.get(stem);
  if (cached !== undefined) return cached;
  let r = stem;
  for (const ending of DERIVATIONAL) {
    if (stem.endsWith(ending) && stem.length - ending.length >= MIN_ROOT) {
      r = stem.slice(0, stem.length - ending.length);
      break;
    }
  }
  if (roots.size > 100_000) roots.clear();
  roots.set(stem, r);
  return r;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Two different stems of one word family: the same root, or a long shared beginning. */
export function sameRoot(a: string, b: string): boolean {
  if (a.length < MIN_ROOT || b.length < MIN_ROOT || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  const ra = root(a);
  if (ra === root(b) && ra.length >= MIN_ROOT) return true;
  const p = commonPrefix(a, b);
  return p >= 7 && p >= 0.75 * Math.min(a.length, b.length);
}

export interface ConceptInfo {
  id: string;
  label: string;
  kind: ConceptKind;
  family: string;
}

/** One concept a text states. */
export interface ConceptHit {
  concept: ConceptInfo;
  /** 1 when its wording is in the text as such, less through a derived form or a typo. */
  credit: number;
  /** Positions (in the text's stems) the wording covers. */
  positions: number[];
}

export interface ConceptReading {
  /** The text's stems with head words replaced by their group's word. */
  stems: string[];
  hits: ConceptHit[];
  /** Positions no concept covers, in order. */
  leftover: number[];
}

interface Term {
  concept: ConceptInfo;
  stems: string[];
}

export class ConceptThesaurus {
  private readonly heads = new Map<string, string>();
  private readonly headWords = new Set<string>();
  private readonly terms: Term[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly byLength = new Map<number, string[]>();
  private readonly byRoot = new Map<string, string[]>();
  private readonly lookups = new Map<string, { stem: string; credit: number }[]>();
  private readonly related = new Map<string, Set<string>>();
  readonly concepts = new Map<string, ConceptInfo>();

  /**
   * `analyse` turns a text into stems (the same for wordings and texts); `knownWord` tells a real word of
   * the language, which is never read as a typo of a thesaurus word ("proposte" is not "preposto").
   */
  constructor(
    rows: readonly ConceptRow[],
    analyse: (text: string) => string[],
    private readonly knownWord: (stem: string) => boolean = () => false,
  ) {
    for (const row of rows.filter((r) => r.kind === "head")) {
      const canonical = analyse(row.label)[0];
      if (!canonical) continue;
      this.headWords.add(canonical);
      for (const term of row.terms) for (const s of analyse(term)) this.heads.set(s, canonical);
    }
    for (const row of rows.filter((r) => r.kind !== "head")) {
      const info: ConceptInfo = { id: row.concept, label: row.label, kind: row.kind, family: row.family };
      this.concepts.set(row.concept, info);
      for (const other of row.related) {
        if (other === row.concept) continue;
        this.relate(row.concept, other);
        this.relate(other, row.concept);
      }
      for (const wording of [row.label, ...row.terms]) {
        const stems = [...new Set(this.canonical(analyse(wording)))];
        if (stems.length === 0) continue;
        const index = this.terms.length;
        this.terms.push({ concept: info, stems });
        for (const s of stems) this.postings.set(s, [...(this.postings.get(s) ?? []), index]);
      }
    }
    for (const s of this.postings.keys()) {
      const r = root(s);
      this.byRoot.set(r, [...(this.byRoot.get(r) ?? []), s]);
      this.byLength.set(s.length, [...(this.byLength.get(s.length) ?? []), s]);
    }
  }

  private relate(a: string, b: string): void {
    const set = this.related.get(a) ?? new Set<string>();
    set.add(b);
    this.related.set(a, set);
  }

  /** Head words replaced by their group's word ("utilizzo" → "uso"). */
  canonical(stems: readonly string[]): string[] {
    return stems.map((s) => this.heads.get(s) ?? s);
  }

  /** True for a head word after `canonical` (the group's word). */
  isHead(stem: string): boolean {
    return this.headWords.has(stem);
  }

  /** True for a word some wording of the thesaurus uses. */
  knows(stem: string): boolean {
    return this.postings.has(stem);
  }

  areRelated(a: string, b: string): boolean {
    return this.related.get(a)?.has(b) ?? false;
  }

  /** Thesaurus stems a text stem stands for: itself, a derived form of the same root, or a typo of one. */
  private lookup(stem: string): { stem: string; credit: number }[] {
    const cached = this.lookups.get(stem);
    if (cached) return cached;
    const out: { stem: string; credit: number }[] = [];
    if (this.postings.has(stem)) out.push({ stem, credit: 1 });
    for (const s of this.byRoot.get(root(stem)) ?? []) if (s !== stem && sameRoot(s, stem)) out.push({ stem: s, credit: ROOT_CREDIT });
    if (out.length === 0 && stem.length >= MIN_TYPO_LENGTH && !this.knownWord(stem)) {
      // One slip, first letter kept: more would turn real words into thesaurus ones.
      for (let len = stem.length - 1; len <= stem.length + 1; len++) {
        for (const s of this.byLength.get(len) ?? []) {
          if (s.charCodeAt(0) === stem.charCodeAt(0) && boundedEditDistance(stem, s, 1) <= 1) out.push({ stem: s, credit: TYPO_CREDIT });
        }
      }
    }
    if (out.length === 0 && stem.length >= 7) {
      for (const s of this.postings.keys()) if (sameRoot(s, stem)) out.push({ stem: s, credit: ROOT_CREDIT });
    }
    if (this.lookups.size > 100_000) this.lookups.clear();
    this.lookups.set(stem, out);
    return out;
  }

  /**
   * The concepts an analysed text states. Longer wordings win over the shorter ones they contain ("saldatura
   * TIG" over "saldatura"); each word belongs to one concept; two wordings of one concept make one hit.
   */
  read(analysed: readonly string[]): ConceptReading {
    const stems = this.canonical(analysed);
    // For each thesaurus stem, the best text position standing for it.
    const found = new Map<string, { position: number; credit: number }[]>();
    stems.forEach((s, position) => {
      for (const l of this.lookup(s)) found.set(l.stem, [...(found.get(l.stem) ?? []), { position, credit: l.credit }]);
    });
    const candidates = new Set<number>();
    for (const s of found.keys()) for (const t of this.postings.get(s) ?? []) candidates.add(t);
    const matches: { term: Term; positions: number[]; credit: number }[] = [];
    for (const t of candidates) {
      const term = this.terms[t];
      if (!term) continue;
      const positions: number[] = [];
      let credit = 1;
      // A one-word wording takes no derived form: "elettrico" is not "elettricista".
      const derived = term.stems.length > 1;
      for (const s of term.stems) {
        const best = (found.get(s) ?? [])
          .filter((f) => !positions.includes(f.position) && (derived || f.credit !== ROOT_CREDIT))
          .sort((a, b) => b.credit - a.credit)[0];
        if (!best) break;
        positions.push(best.position);
        credit = Math.min(credit, best.credit);
      }
      if (positions.length === term.stems.length) matches.push({ term, positions, credit });
    }
    matches.sort((a, b) => b.positions.length - a.positions.length || b.credit - a.credit || (a.term.concept.id < b.term.concept.id ? -1 : 1));
    const owner = new Map<number, string>();
    const hits = new Map<string, ConceptHit>();
    for (const m of matches) {
      if (m.positions.some((p) => owner.has(p))) continue;
      // Head words alone never make a concept ("uso" is no competence).
      if (m.positions.every((p) => this.isHead(stems[p] ?? ""))) continue;
      for (const p of m.positions) owner.set(p, m.term.concept.id);
      const hit = hits.get(m.term.concept.id);
      if (hit) {
        hit.positions.push(...m.positions);
        hit.credit = Math.max(hit.credit, m.credit);
      } else hits.set(m.term.concept.id, { concept: m.term.concept, credit: m.credit, positions: [...m.positions] });
    }
    const leftover = stems.map((_, i) => i).filter((i) => !owner.has(i));
    return { stems, hits: [...hits.values()], leftover };
  }
}
