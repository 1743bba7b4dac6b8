/**
 * The occupation taxonomy used by matching: every concept of ESCO (Italian occupations) and ISTAT CP2011
 * (units and their 6,717 job titles), one index of their labels, and the CP2011↔ISCO link derived from
 * them (cp2011-isco-link.ts). Built once, lazily, on first use; resolution is memoised per normalised
 * title because a list of thousands of people repeats the same few hundred titles.
 *
 * Nothing here is specific to a region or a fixture: the only hand-written inputs are the synonyms list
 * (data/taxonomy/synonyms.csv) for what operators type and the classifications lack (OSS, "muletto"),
 * and the pairs of occupations CPI referents treat as interchangeable
 * (data/taxonomy/interchangeable-occupations.csv).
 */
import { ITALIAN_STOPWORDS, analyze, stemItalian, tokenize } from "../text/normalize-italian.js";
import { addVote, deriveCp2011IscoLink, type LinkVote, type MajorityLink } from "./cp2011-isco-link.js";
import { loadInterchangeablePairs, loadOccupationSources, type InterchangeablePair, type OccupationSources } from "./load-occupations.js";
import { PhraseRewriter, loadSynonyms, type SynonymEntry } from "./synonyms.js";
import { StemVocabulary, TYPO_CREDIT, WordCorrector, weightedDice, type WordCandidate } from "./token-similarity.js";

export type ResolutionVia = "code" | "exact" | "synonym" | "acronym" | "fuzzy";

export interface ResolvedConcept {
  /** "esco:9333.8", "cp:8.1.3.2.0.3" (a CP2011 job title), "cpu:8.1.3.2.0" (a CP2011 unit), "cp4:5.2.2.3", "isco:9333". */
  key: string;
  label: string;
  /** CP2011 5-level unit, "8.1.3.1.0" (for ESCO concepts: derived, see cp2011-isco-link.ts). */
  cp2011Unit: string | null;
  /** CP2011 4-level group, "8.1.3.1": the unit's, or the code given when only four levels were. */
  cp2011Group: string | null;
  /** ISCO-08 4-digit unit group (for CP2011 concepts: derived). */
  iscoGroup: string | null;
  escoCode: string | null;
  confidence: number;
  via: ResolutionVia;
}

export interface ResolvedOccupation {
  input: string;
  /** Best first, at most MAX_CONCEPTS. Empty when nothing resolves: use `tokens`. */
  concepts: ResolvedConcept[];
  /** Analysed stems of the title (after synonym expansion), for text similarity. */
  tokens: string[];
  /** Present when the title was read through a typo correction. */
  interpretation?: OccupationInterpretation;
}

/** How a mistyped title was read. */
export interface OccupationInterpretation {
  /** Each corrected word, as typed and as read ("cuocco" → "cuoco"). */
  corrections: { typed: string; read: string }[];
  /** Label of the reading now first in `concepts`. */
  label: string;
  /**
   * Two readings at the same distance that are different occupations, or a short word: the person's
   * other occupations and competences should decide (interpretInContext), confidence is lower meanwhile.
   */
  uncertain: boolean;
  /** The competing readings, one concept each, best first. */
  readings: ResolvedConcept[];
  /** Set when the person's experiences, profiles or competences chose the reading. */
  decidedByContext: boolean;
}

export type RelatednessLevel =
  | "same_occupation"
  | "same_unit"
  | "interchangeable"
  | "same_group"
  | "related_group"
  | "text"
  | "none";

/**
 * Scores of the relatedness levels, in one place so the matching configuration can refer to them. The
 * text level is a ceiling strictly below "related_group": two occupations related by code always share a
 * retrieval key, text-similar ones need not, and the ceiling keeps that boundary visible in the score.
 */
export const OCCUPATION_RELATEDNESS = {
  same_occupation: 1,
  /** Same CP2011 5-level unit: ISTAT's own "same job", which referents treat as interchangeable. */
  same_unit: 0.9,
  /** A pair of the curated list (data/taxonomy/interchangeable-occupations.csv). */
  interchangeable: 0.9,
  /** Same ISCO-08 4-digit unit group (ESCO siblings; coarser than a CP2011 unit: 436 groups against 800 units). */
  same_group: 0.85,
  /** Same CP2011 4-level group or ISCO-08 3-digit minor group. */
  related_group: 0.5,
  /** Ceiling for text similarity of the stems (weighted Dice × this). */
  text: 0.4,
  none: 0,
} as const satisfies Record<RelatednessLevel, number>;

/** Resolution tuning. */
export const RESOLUTION = {
  maxConcepts: 5,
  /** Label weights: how much a label of each kind says about its concept. */
  preferredLabel: 1,
  altLabel: 0.95,
  hiddenLabel: 0.9,
  /** CP2011 unit names are plural category descriptions ("Addetti alla gestione dei magazzini…"). */
  unitName: 0.8,
  /** An alternative label shared with a concept whose preferred label matched is a lesser reading. */
  secondaryReading: 0.8,
  /** A synonym expands to the canonical title: as good as exact, less than typed verbatim. */
  synonymCredit: 0.95,
  /** Fuzzy confidence is the similarity times this ceiling, below any exact match. */
  fuzzyCeiling: 0.9,
  fuzzyMinimum: 0.4,
  /** Keep fuzzy candidates within this fraction of the best one. */
  fuzzyRelative: 0.75,
  /** Unknown words (no typo correction either) weigh this much of the rarest word: they are often noise. */
  unknownWordWeight: 0.5,
  /** A correction that is certain (one reading, a word of five letters or more) is credited TYPO_CREDIT. */
  typoCredit: TYPO_CREDIT,
  /** An uncertain correction (competing readings, or a word of up to four letters) until context decides. */
  uncertainTypoCredit: 0.6,
  /** Words of up to this many letters are short: one slip away from them lie other words. */
  shortWord: 4,
  /** Readings kept per mistyped word, and spellings of the whole title tried. */
  readingsPerWord: 8,
  maxSpellings: 12,
  /** Context must favour one reading by this much over the next to decide. */
  contextMargin: 0.05,
} as const;

interface Concept {
  key: string;
  label: string;
  cp2011Unit: string | null;
  cp2011Group: string | null;
  iscoGroup: string | null;
  escoCode: string | null;
}

interface LabelEntry {
  concept: number;
  stems: string[];
  weight: number;
  preferred: boolean;
}

export interface OccupationTaxonomyStats {
  /** Reading the CSV files (0 when the sources were handed over already loaded). */
  loadMs: number;
  /** Building the indices and the link from loaded sources. */
  buildMs: number;
  concepts: number;
  labels: number;
  cp2011Units: number;
  /** CP2011 units that carry an ISCO group through the derived link. */
  cp2011UnitsWithIsco: number;
  /** Of those, how many rest on exact label evidence (the rest on the fuzzy fallback). */
  cp2011UnitsWithExactEvidence: number;
  iscoGroupsUsedByEsco: number;
  /** ISCO groups used by ESCO concepts that carry a CP2011 unit through the link. */
  iscoGroupsWithCp2011Unit: number;
  escoConcepts: number;
  /** ESCO concepts whose own labels equal a CP2011 title (their unit is direct evidence, not the group's majority). */
  escoConceptsWithDirectUnit: number;
  /** Curated interchangeable pairs in use (both sides resolved). */
  interchangeablePairs: number;
}

/** Similarity of a title to an ESCO label good enough to vote for the link when nothing matches exactly. */
const LINK_FALLBACK_SIMILARITY = 0.75;
/** Similarity of a CP2011 unit name to an ISCO group name good enough to vote (both are category names). */
const LINK_GROUP_NAME_SIMILARITY = 0.6;

const CP5 = /^\d\.\d\.\d\.\d\.\d$/;
const CP4 = /^\d\.\d\.\d\.\d$/;
const ISCO4 = /^\d{4}$/;
const ESCO_CODE = /^\d{4}(?:\.\d+)+$/;

/** "MAGAZZINIERE CONSEGNATARIO" → "Magazziniere consegnatario". */
function sentenceCase(text: string): string {
  const lower = text.trim().toLowerCase().replace(/\s+/g, " ");
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * Analysed forms of a label. Hyphenated compounds are written both ways ("socio-sanitario" in ESCO,
 * "SOCIOSANITARIO" in CP2011), so a hyphenated label is also indexed with the hyphen removed.
 */
function labelForms(text: string): string[][] {
  const forms = [analyze(text)];
  if (/\p{L}-\p{L}/u.test(text)) forms.push(analyze(text.replace(/(\p{L})-(?=\p{L})/gu, "$1")));
  return forms.filter((f) => f.length > 0);
}

const sequenceKey = (stems: readonly string[]): string => stems.join(" ");
const bagKey = (stems: readonly string[]): string => [...new Set(stems)].sort().join(" ");

export class OccupationTaxonomy {
  private readonly concepts: Concept[] = [];
  private readonly conceptByKey = new Map<string, number>();
  private readonly labels: LabelEntry[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly bag = new Map<string, number[]>();
  private readonly postings = new Map<string, number[]>();
  private readonly vocabulary = new StemVocabulary();
  private readonly rewriter: PhraseRewriter;
  private readonly unitNames = new Map<string, string>();
  private readonly unitsByGroup4 = new Map<string, string[]>();
  private readonly iscoLabels = new Map<string, string>();
  private readonly unitToIsco: ReadonlyMap<string, MajorityLink>;
  private readonly iscoToUnit: ReadonlyMap<string, MajorityLink>;
  private readonly memo = new Map<string, ResolvedOccupation>();
  private readonly words = new WordCorrector();
  private readonly descriptions = new Map<number, string>();
  private readonly contextWords = new Map<number, ReadonlySet<string>>();
  /** Curated pairs: which side of which pair a concept key, CP2011 code or ISCO group stands on. */
  private readonly pairSides = new Map<string, string[]>();
  private readonly pairsSkipped: InterchangeablePair[] = [];
  private readonly pairs: readonly InterchangeablePair[];
  private unitsByIsco: Map<string, string[]> | null = null;
  readonly stats: OccupationTaxonomyStats;

  constructor(sources: OccupationSources, synonyms: readonly SynonymEntry[], loadMs = 0, interchangeable: readonly InterchangeablePair[] = []) {
    const started = performance.now();
    this.pairs = interchangeable;
    const occupationSynonyms = synonyms.filter((s) => s.domain === "occupation");
    this.rewriter = new PhraseRewriter(occupationSynonyms);
    for (const g of sources.iscoGroups) this.iscoLabels.set(g.code, g.label);
    for (const u of sources.units) {
      this.unitNames.set(u.code, sentenceCase(u.name));
      this.unitsByGroup4.set(u.group4, [...(this.unitsByGroup4.get(u.group4) ?? []), u.code]);
    }

    // ESCO concepts and the index of their labels, used below to find the CP2011 titles that equal them.
    const escoExact = new Map<string, { concept: number; weight: number; preferred: boolean }[]>();
    for (const o of sources.esco) {
      const concept = this.addConcept({
        key: `esco:${o.code}`,
        label: o.preferredLabels[0] ?? o.code,
        cp2011Unit: null,
        cp2011Group: null,
        iscoGroup: o.iscoGroup,
        escoCode: o.code,
      });
      if (o.description) this.descriptions.set(concept, o.description);
      const kinds: [string[], number, boolean][] = [
        [o.preferredLabels, RESOLUTION.preferredLabel, true],
        [o.altLabels, RESOLUTION.altLabel, false],
        [o.hiddenLabels, RESOLUTION.hiddenLabel, false],
      ];
      for (const [texts, weight, preferred] of kinds) {
        for (const text of texts) {
          for (const stems of labelForms(text)) {
            if (!this.addLabel(concept, stems, weight, preferred)) continue;
            const list = escoExact.get(bagKey(stems)) ?? [];
            list.push({ concept, weight, preferred });
            escoExact.set(bagKey(stems), list);
          }
        }
      }
    }

    // CP2011 job titles. A title equal to the preferred label of exactly one ESCO concept is that
    // concept written the ISTAT way: it becomes one more label of it instead of a concept of its own.
    // Every title (and every unit name: plural, but the stemmer conflates number) equal to some ESCO
    // label votes for the unit ↔ ISCO group link.
    const votes: LinkVote[] = [];
    const escoUnitTallies = new Map<string, Map<string, number>>();
    const exactEvidenceUnits = new Set<string>();
    const escoHits = (forms: string[][]): Map<number, { weight: number; preferred: boolean }> => {
      const hits = new Map<number, { weight: number; preferred: boolean }>();
      for (const stems of forms) {
        for (const h of escoExact.get(bagKey(stems)) ?? []) {
          const prev = hits.get(h.concept);
          if (!prev || h.weight > prev.weight) hits.set(h.concept, { weight: h.weight, preferred: h.preferred });
        }
      }
      return hits;
    };
    const vote = (unit: string, hits: Map<number, { weight: number; preferred: boolean }>): void => {
      for (const [concept, h] of hits) {
        const isco = this.concepts[concept]?.iscoGroup;
        if (!isco) continue;
        // One title matching several concepts ("elettricista" is an alternative label of a dozen) is
        // one piece of evidence, shared among them; a preferred-label match counts double.
        const weight = (h.preferred ? 2 : 1) / hits.size;
        votes.push({ unit, isco, weight });
        addVote(escoUnitTallies, String(concept), unit, weight);
        exactEvidenceUnits.add(unit);
      }
    };
    for (const t of sources.jobTitles) {
      const forms = labelForms(t.title);
      const hits = escoHits(forms);
      vote(t.unitCode, hits);
      const preferredHits = [...hits].filter(([, h]) => h.preferred);
      const owner = preferredHits.length === 1 ? preferredHits[0]?.[0] : undefined;
      const concept =
        owner ??
        this.addConcept({
          key: `cp:${t.titleCode}`,
          label: sentenceCase(t.title),
          cp2011Unit: t.unitCode,
          cp2011Group: t.unitCode.slice(0, 7),
          iscoGroup: null,
          escoCode: null,
        });
      for (const stems of forms) this.addLabel(concept, stems, RESOLUTION.preferredLabel, true);
    }
    for (const u of sources.units) vote(u.code, escoHits(labelForms(u.name)));

    // CP2011 units, as concepts of their own: what an explicit code resolves to, and a (weaker) label.
    for (const u of sources.units) {
      const concept = this.addConcept({
        key: `cpu:${u.code}`,
        label: sentenceCase(u.name),
        cp2011Unit: u.code,
        cp2011Group: u.group4,
        iscoGroup: null,
        escoCode: null,
      });
      for (const stems of labelForms(u.name)) this.addLabel(concept, stems, RESOLUTION.unitName, false);
    }

    const titlesByUnit = new Map<string, string[]>();
    for (const t of sources.jobTitles) titlesByUnit.set(t.unitCode, [...(titlesByUnit.get(t.unitCode) ?? []), t.title]);

    // Fallback evidence for units none of whose titles equals an ESCO label: each title's (and the unit
    // name's) most similar ESCO label, when similar enough, votes with half weight times the similarity.
    // The unit name is also compared with the ISCO group names: both are category descriptions in the
    // plural ("Addetti ai distributori di carburanti"), often translated alike.
    const isEsco = (l: LabelEntry): boolean => this.concepts[l.concept]?.escoCode != null;
    const iscoNames = sources.iscoGroups.filter((g) => g.code.length === 4).map((g) => ({ code: g.code, stems: analyze(g.label) }));
    const idf = (s: string): number => this.vocabulary.idf(s);
    for (const u of sources.units) {
      if (exactEvidenceUnits.has(u.code)) continue;
      const texts = [u.name, ...(titlesByUnit.get(u.code) ?? [])];
      for (const text of texts) {
        const best = this.bestLabel(analyze(text), isEsco, LINK_FALLBACK_SIMILARITY);
        const isco = best ? this.concepts[best.concept]?.iscoGroup : null;
        if (best && isco) votes.push({ unit: u.code, isco, weight: 0.5 * best.similarity });
      }
      const name = analyze(u.name);
      for (const g of iscoNames) {
        const similarity = weightedDice(name, g.stems, idf);
        if (similarity >= LINK_GROUP_NAME_SIMILARITY) votes.push({ unit: u.code, isco: g.code, weight: similarity });
      }
    }

    const link = deriveCp2011IscoLink(votes);
    this.unitToIsco = link.unitToIsco;
    this.iscoToUnit = link.iscoToUnit;
    const escoDirectUnits = new Map<number, string[]>();
    for (const [concept, counts] of escoUnitTallies) {
      escoDirectUnits.set(Number(concept), [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([u]) => u));
    }

    for (const [i, c] of this.concepts.entries()) {
      if (c.escoCode && c.iscoGroup) {
        // The concept's own evidence, but only a unit that the link puts in the concept's ISCO group:
        // ESCO "cuoco" lists "chef" among its labels, and CP2011 files CHEF under food technicians.
        const direct = escoDirectUnits.get(i) ?? [];
        const unit =
          direct.find((u) => this.unitToIsco.get(u)?.code === c.iscoGroup) ??
          this.iscoToUnit.get(c.iscoGroup)?.code ??
          direct[0] ??
          null;
        c.cp2011Unit = unit;
        c.cp2011Group = unit ? unit.slice(0, 7) : null;
      } else if (c.cp2011Unit) {
        c.iscoGroup = this.unitToIsco.get(c.cp2011Unit)?.code ?? null;
      }
    }

    // The words typos are corrected to: every word of every label, and of the synonyms' terms.
    const texts = [
      ...sources.esco.flatMap((o) => [...o.preferredLabels, ...o.altLabels, ...o.hiddenLabels]),
      ...sources.jobTitles.map((t) => t.title),
      ...sources.units.map((u) => u.name),
      ...occupationSynonyms.map((s) => s.term),
    ];
    for (const text of texts) for (const w of new Set(tokenize(text))) if (!ITALIAN_STOPWORDS.has(w)) this.words.add(w);

    for (const [i, pair] of interchangeable.entries()) {
      const a = this.pairSide(pair.a);
      const b = this.pairSide(pair.b);
      if (!a || !b) {
        this.pairsSkipped.push(pair);
        continue;
      }
      for (const k of a) this.pairSides.set(k, [...(this.pairSides.get(k) ?? []), `${i}:a`]);
      for (const k of b) this.pairSides.set(k, [...(this.pairSides.get(k) ?? []), `${i}:b`]);
    }

    const escoIscoGroups = new Set(sources.esco.map((o) => o.iscoGroup));
    this.stats = {
      loadMs: Math.round(loadMs),
      buildMs: Math.round(performance.now() - started),
      concepts: this.concepts.length,
      labels: this.labels.length,
      cp2011Units: sources.units.length,
      cp2011UnitsWithIsco: sources.units.filter((u) => this.unitToIsco.has(u.code)).length,
      cp2011UnitsWithExactEvidence: sources.units.filter((u) => exactEvidenceUnits.has(u.code)).length,
      iscoGroupsUsedByEsco: escoIscoGroups.size,
      iscoGroupsWithCp2011Unit: [...escoIscoGroups].filter((g) => this.iscoToUnit.has(g)).length,
      escoConcepts: sources.esco.length,
      escoConceptsWithDirectUnit: escoDirectUnits.size,
      interchangeablePairs: interchangeable.length - this.pairsSkipped.length,
    };
  }

  /** Pairs of the curated list whose sides resolve to nothing exact: a data error, listed for the test. */
  skippedInterchangeablePairs(): readonly InterchangeablePair[] {
    return this.pairsSkipped;
  }

  /**
   * The matching keys of one side of a curated pair: a code stands for everything under it; a title for
   * the concepts it resolves to exactly with the best confidence ("muratore" is two ESCO concepts).
   */
  private pairSide(side: string): string[] | null {
    if (CP5.test(side)) return this.unitNames.has(side) ? [`cp5:${side}`] : null;
    if (CP4.test(side)) return this.unitsByGroup4.has(side) ? [`cp4:${side}`] : null;
    if (ISCO4.test(side)) return this.iscoLabels.has(side) ? [`isco4:${side}`] : null;
    const { concepts } = this.resolveText(side);
    const top = concepts[0];
    if (!top || top.via === "fuzzy") return null;
    return concepts.filter((c) => c.confidence === top.confidence).map((c) => `key:${c.key}`);
  }

  /** The curated pair sides a concept stands on ("3:a"). */
  private sidesOf(c: ResolvedConcept): string[] {
    if (this.pairSides.size === 0) return [];
    const keys = [`key:${c.key}`];
    if (c.cp2011Unit) keys.push(`cp5:${c.cp2011Unit}`);
    if (c.cp2011Group) keys.push(`cp4:${c.cp2011Group}`);
    if (c.iscoGroup) keys.push(`isco4:${c.iscoGroup}`);
    return keys.flatMap((k) => this.pairSides.get(k) ?? []);
  }

  private interchangeable(x: ResolvedConcept, y: ResolvedConcept): boolean {
    const ys = new Set(this.sidesOf(y));
    return this.sidesOf(x).some((s) => ys.has(s.endsWith(":a") ? `${s.slice(0, -2)}:b` : `${s.slice(0, -2)}:a`));
  }

  private addConcept(concept: Concept): number {
    const existing = this.conceptByKey.get(concept.key);
    if (existing !== undefined) return existing;
    this.concepts.push(concept);
    this.conceptByKey.set(concept.key, this.concepts.length - 1);
    return this.concepts.length - 1;
  }

  /** Indexes a label; returns false for an empty one or a duplicate of a label the concept already has. */
  private addLabel(concept: number, stems: string[], weight: number, preferred: boolean): boolean {
    if (stems.length === 0) return false;
    const key = sequenceKey(stems);
    const same = this.exact.get(key) ?? [];
    const dup = same.find((l) => this.labels[l]?.concept === concept);
    if (dup !== undefined) {
      const entry = this.labels[dup];
      if (entry && weight > entry.weight) {
        entry.weight = weight;
        entry.preferred ||= preferred;
      }
      return true;
    }
    const id = this.labels.length;
    this.labels.push({ concept, stems, weight, preferred });
    same.push(id);
    this.exact.set(key, same);
    const b = bagKey(stems);
    this.bag.set(b, [...(this.bag.get(b) ?? []), id]);
    for (const s of new Set(stems)) {
      const list = this.postings.get(s);
      if (list) list.push(id);
      else this.postings.set(s, [id]);
    }
    this.vocabulary.addDocument(stems);
    return true;
  }

  // ── resolution ────────────────────────────────────────────────────────────────────────────────

  resolve(title: string, code?: string | null): ResolvedOccupation {
    const normalisedCode = (code ?? "").trim();
    const unknown = this.unknownWords(title);
    // Titles that analyse alike resolve alike. The synonym kind is part of the key ("OSS" and
    // "operatore socio-sanitario" analyse alike but resolve by different routes), and so are the
    // mistyped words: a stem alone does not say how a word was mistyped.
    const rewritten = this.rewriter.rewrite(title);
    const synonymKind = rewritten.applied.some((a) => a.kind === "acronym") ? "a" : rewritten.applied.length > 0 ? "s" : "";
    const memoKey = `${normalisedCode}|${synonymKind}|${rewritten.stems.join(" ")}|${unknown.join(" ")}`;
    const cached = this.memo.get(memoKey);
    if (cached) return { ...cached, input: title };
    let read: Omit<ResolvedOccupation, "input"> = this.resolveText(title);
    // An exact known title always wins over a correction.
    if (unknown.length > 0 && (read.concepts[0]?.via ?? "fuzzy") === "fuzzy") {
      const typo = this.readTypos(title);
      if (typo && (typo.concepts[0]?.confidence ?? 0) >= (read.concepts[0]?.confidence ?? 0)) read = typo;
    }
    let concepts = read.concepts;
    const coded = normalisedCode ? this.resolveCode(normalisedCode) : null;
    if (coded) {
      const consistent = concepts.filter(
        (c) =>
          c.key !== coded.key &&
          ((coded.cp2011Unit && c.cp2011Unit === coded.cp2011Unit) ||
            (!coded.cp2011Unit && coded.cp2011Group && c.cp2011Group === coded.cp2011Group) ||
            (coded.escoCode == null && coded.cp2011Group == null && coded.iscoGroup && c.iscoGroup === coded.iscoGroup) ||
            (coded.escoCode && c.iscoGroup === coded.iscoGroup)),
      );
      concepts = [coded, ...consistent].slice(0, RESOLUTION.maxConcepts);
    }
    const result: ResolvedOccupation = { ...read, input: title, concepts };
    // A code settles what a typo left open.
    if (coded && result.interpretation) delete result.interpretation;
    this.memo.set(memoKey, result);
    return result;
  }

  /** The title as written: synonyms, then the label index, then similarity of the stems. */
  private resolveText(title: string): { concepts: ResolvedConcept[]; tokens: string[] } {
    const rewritten = this.rewriter.rewrite(title);
    const synonymKind = rewritten.applied.some((a) => a.kind === "acronym") ? "a" : rewritten.applied.length > 0 ? "s" : "";
    let tokens = [...new Set(rewritten.stems)];
    let concepts = this.resolveStems(rewritten.stems);
    if (synonymKind) {
      const via: ResolutionVia = synonymKind === "a" ? "acronym" : "synonym";
      concepts = concepts.map((c) =>
        c.via === "exact" ? { ...c, via, confidence: round(c.confidence * RESOLUTION.synonymCredit) } : c,
      );
      // A term inside a longer title may be the wrong reading ("addetto pulizie uffici" is its own
      // CP2011 title): the title as typed competes, and wins ties.
      if (!rewritten.whole) {
        const plain = analyze(title);
        const asTyped = this.resolveStems(plain);
        if ((asTyped[0]?.confidence ?? 0) >= (concepts[0]?.confidence ?? 0)) {
          concepts = asTyped;
          tokens = [...new Set(plain)];
        }
      }
    }
    return { concepts, tokens };
  }

  /** Words of the title that no label contains as written: candidate typos. */
  private unknownWords(title: string): string[] {
    return tokenize(title).filter((w) => !ITALIAN_STOPWORDS.has(w) && !this.words.has(w));
  }

  /**
   * Reads a title with mistyped words: every spelling made of the nearest known words is resolved, and
   * the spellings that find a title exactly compete. Readings that are the same occupation (same concept
   * or CP2011 unit) agree; different occupations at the same distance, or a correction of a short word,
   * leave the reading uncertain, with lower confidence and every reading kept for context to decide.
   */
  private readTypos(title: string): Omit<ResolvedOccupation, "input"> | null {
    type Spelling = { words: string[]; corrections: { typed: string; read: string }[]; distance: number; short: boolean };
    let spellings: Spelling[] = [{ words: [], corrections: [], distance: 0, short: false }];
    let corrected = false;
    for (const w of tokenize(title)) {
      const options = this.unknownWords(w).length > 0 ? this.readingsOf(w) : [];
      // A word whose stem is known may be an inflection, not a slip: it stays a reading of itself.
      if (options.length > 0 && this.vocabulary.has(stemItalian(w))) options.unshift({ word: w, distance: 0 });
      if (options.length === 0) {
        spellings = spellings.map((sp) => ({ ...sp, words: [...sp.words, w] }));
        continue;
      }
      corrected = true;
      const short = w.length <= RESOLUTION.shortWord;
      spellings = spellings
        .flatMap((sp) =>
          options.map((o) => ({
            words: [...sp.words, o.word],
            corrections: [...sp.corrections, { typed: w, read: o.word }],
            distance: sp.distance + o.distance,
            short: sp.short || short,
          })),
        )
        .sort((a, b) => a.distance - b.distance)
        .slice(0, RESOLUTION.maxSpellings);
    }
    if (!corrected) return null;
    const read = spellings.map((sp) => ({ sp, ...this.resolveText(sp.words.join(" ")) })).filter((r) => r.concepts.length > 0);
    const found = read.filter((r) => r.concepts[0]?.via !== "fuzzy");
    const nearest = Math.min(...found.map((r) => r.sp.distance));
    const competing = found.length > 0 ? found.filter((r) => r.sp.distance === nearest) : read.slice(0, 1);
    const first = competing[0];
    if (!first) return null;
    // One reading per occupation: spellings landing on the same concept or unit agree.
    const readings: ResolvedConcept[] = [];
    for (const r of competing) {
      const top = r.concepts[0];
      if (top && !readings.some((x) => x.key === top.key || (x.cp2011Unit != null && x.cp2011Unit === top.cp2011Unit))) readings.push(top);
    }
    const uncertain = readings.length > 1 || first.sp.short;
    const credit = uncertain ? RESOLUTION.uncertainTypoCredit : RESOLUTION.typoCredit;
    const scale = (c: ResolvedConcept): ResolvedConcept => ({ ...c, via: "fuzzy", confidence: round(c.confidence * credit) });
    const concepts: ResolvedConcept[] = readings.map(scale);
    for (const r of competing) for (const c of r.concepts) if (!concepts.some((x) => x.key === c.key)) concepts.push(scale(c));
    return {
      concepts: concepts.slice(0, RESOLUTION.maxConcepts),
      tokens: first.tokens,
      interpretation: {
        corrections: first.sp.corrections,
        label: readings[0]?.label ?? first.concepts[0]?.label ?? "",
        uncertain,
        readings: readings.map(scale),
        decidedByContext: false,
      },
    };
  }

  /** The known words one (or, for long words, two) slips away, one per stem, most frequent first. */
  private readingsOf(word: string): WordCandidate[] {
    const byStem = new Map<string, WordCandidate>();
    for (const c of this.words.candidates(word)) {
      const stem = stemItalian(c.word);
      if (!byStem.has(stem)) byStem.set(stem, c);
    }
    return [...byStem.values()].slice(0, RESOLUTION.readingsPerWord);
  }

  /**
   * An uncertain reading settled by the rest of what the person declared: the reading related to their
   * other occupations (by code) or whose labels and ESCO description share the words of their
   * competences. Without such evidence the resolution is returned unchanged, still uncertain.
   */
  interpretInContext(r: ResolvedOccupation, others: readonly ResolvedOccupation[], competences: readonly string[]): ResolvedOccupation {
    const interpretation = r.interpretation;
    if (!interpretation?.uncertain) return r;
    const competenceStems = [...new Set(competences.flatMap((c) => analyze(c)))];
    const evidence = interpretation.readings.map((reading) => {
      let byOccupation = 0;
      for (const o of others) {
        if (o === r) continue;
        for (const y of o.concepts) {
          const level = this.pairLevel(reading, y);
          if (level) byOccupation = Math.max(byOccupation, OCCUPATION_RELATEDNESS[level.level] * y.confidence);
        }
      }
      return { reading, score: byOccupation + this.describedShare(reading, competenceStems) };
    });
    evidence.sort((a, b) => b.score - a.score);
    const [best, next] = evidence;
    if (!best || best.score <= 0 || best.score - (next?.score ?? 0) < RESOLUTION.contextMargin) return r;
    const chosen: ResolvedConcept = { ...best.reading, confidence: round(RESOLUTION.typoCredit * Math.min(1, best.reading.confidence / RESOLUTION.uncertainTypoCredit)) };
    return {
      ...r,
      concepts: [chosen, ...r.concepts.filter((c) => c.key !== chosen.key && this.pairLevel(chosen, c) !== null)].slice(0, RESOLUTION.maxConcepts),
      interpretation: { ...interpretation, label: chosen.label, uncertain: false, readings: [chosen], decidedByContext: true },
    };
  }

  /** IDF-weighted share of the competence words found among a concept's labels, description and unit name. */
  private describedShare(c: ResolvedConcept, competenceStems: readonly string[]): number {
    if (competenceStems.length === 0) return 0;
    const index = this.conceptByKey.get(c.key);
    if (index === undefined) return 0;
    let words = this.contextWords.get(index);
    if (!words) {
      const texts = [c.label, this.descriptions.get(index) ?? "", c.cp2011Unit ? (this.unitNames.get(c.cp2011Unit) ?? "") : ""];
      const own = new Set(texts.flatMap((t) => analyze(t)));
      for (const l of this.labels) if (l.concept === index) for (const s of l.stems) own.add(s);
      words = own;
      this.contextWords.set(index, words);
    }
    let shared = 0;
    let total = 0;
    for (const s of competenceStems) {
      const w = this.vocabulary.idf(s);
      total += w;
      if (words.has(s)) shared += w;
    }
    return total === 0 ? 0 : shared / total;
  }

  private resolveCode(code: string): ResolvedConcept | null {
    const asConcept = (index: number | undefined): ResolvedConcept | null => {
      const c = index === undefined ? undefined : this.concepts[index];
      return c ? { ...c, confidence: 1, via: "code" } : null;
    };
    if (CP5.test(code)) return asConcept(this.conceptByKey.get(`cpu:${code}`));
    if (CP4.test(code)) {
      const units = this.unitsByGroup4.get(code) ?? [];
      if (units.length === 1) return asConcept(this.conceptByKey.get(`cpu:${units[0]}`));
      if (units.length === 0) return null;
      // Several units: the group itself, with the ISCO group its units agree on when they do.
      const iscos = new Set(units.map((u) => this.unitToIsco.get(u)?.code ?? null));
      const isco = iscos.size === 1 ? [...iscos][0] ?? null : null;
      return {
        key: `cp4:${code}`,
        label: this.unitLabel(code) ?? code,
        cp2011Unit: null,
        cp2011Group: code,
        iscoGroup: isco,
        escoCode: null,
        confidence: 1,
        via: "code",
      };
    }
    if (ISCO4.test(code)) {
      const label = this.iscoLabels.get(code);
      if (!label) return null;
      const unit = this.iscoToUnit.get(code)?.code ?? null;
      return {
        key: `isco:${code}`,
        label,
        cp2011Unit: unit,
        cp2011Group: unit ? unit.slice(0, 7) : null,
        iscoGroup: code,
        escoCode: null,
        confidence: 1,
        via: "code",
      };
    }
    if (ESCO_CODE.test(code)) return asConcept(this.conceptByKey.get(`esco:${code}`));
    return null;
  }

  private resolveStems(stems: string[]): ResolvedConcept[] {
    if (stems.length === 0) return [];
    const exact = this.exact.get(sequenceKey(stems)) ?? this.bag.get(bagKey(stems));
    if (exact) return this.fromExact(exact, 1, "exact");
    return this.fuzzy(stems);
  }

  private fromExact(labelIds: number[], credit: number, via: ResolutionVia): ResolvedConcept[] {
    const byConcept = new Map<number, LabelEntry>();
    for (const id of labelIds) {
      const l = this.labels[id];
      if (!l) continue;
      const prev = byConcept.get(l.concept);
      if (!prev || l.weight > prev.weight) byConcept.set(l.concept, l);
    }
    const anyPreferred = [...byConcept.values()].some((l) => l.preferred);
    return [...byConcept.values()]
      .map((l) => ({ l, score: l.weight * (anyPreferred && !l.preferred ? RESOLUTION.secondaryReading : 1) }))
      .sort((a, b) => b.score - a.score || this.conceptOrder(a.l.concept, b.l.concept))
      .slice(0, RESOLUTION.maxConcepts)
      .map(({ l, score }) => this.output(l.concept, round(score * credit), via));
  }

  /** Ties: ESCO concepts first (they carry both codes when the link found a unit), then file order. */
  private conceptOrder(a: number, b: number): number {
    const ea = this.concepts[a]?.escoCode ? 0 : 1;
    const eb = this.concepts[b]?.escoCode ? 0 : 1;
    return ea - eb || a - b;
  }

  private output(concept: number, confidence: number, via: ResolutionVia): ResolvedConcept {
    const c = this.concepts[concept];
    if (!c) throw new Error(`concetto ${concept} inesistente`);
    return { ...c, confidence, via };
  }

  private fuzzy(stems: string[]): ResolvedConcept[] {
    const scored = this.scoreLabels(stems);
    const byConcept = new Map<number, number>();
    for (const [id, similarity] of scored) {
      const l = this.labels[id];
      if (!l) continue;
      const score = similarity * l.weight;
      if (score > (byConcept.get(l.concept) ?? 0)) byConcept.set(l.concept, score);
    }
    const ranked = [...byConcept].sort((a, b) => b[1] - a[1] || this.conceptOrder(a[0], b[0]));
    const best = ranked[0]?.[1] ?? 0;
    return ranked
      .filter(([, s]) => s >= RESOLUTION.fuzzyMinimum && s >= best * RESOLUTION.fuzzyRelative)
      .slice(0, RESOLUTION.maxConcepts)
      .map(([concept, s]) => this.output(concept, round(s * RESOLUTION.fuzzyCeiling), "fuzzy"));
  }

  /** Weighted Dice of the query against every label sharing a stem with it. */
  private scoreLabels(stems: string[], accept?: (l: LabelEntry) => boolean): Map<number, number> {
    let queryWeight = 0;
    const rarest = this.vocabulary.idf("\u0000");
    const shared = new Map<number, number>();
    // Typos are read before, word by word (readTypos): here an unknown stem is only noise.
    for (const s of new Set(stems)) {
      if (!this.vocabulary.has(s)) {
        queryWeight += rarest * RESOLUTION.unknownWordWeight;
        continue;
      }
      const weight = this.vocabulary.idf(s);
      queryWeight += weight;
      for (const id of this.postings.get(s) ?? []) shared.set(id, (shared.get(id) ?? 0) + weight);
    }
    const out = new Map<number, number>();
    for (const [id, s] of shared) {
      const l = this.labels[id];
      if (!l || (accept && !accept(l))) continue;
      let labelWeight = 0;
      for (const st of new Set(l.stems)) labelWeight += this.vocabulary.idf(st);
      out.set(id, (2 * s) / (queryWeight + labelWeight));
    }
    return out;
  }

  private bestLabel(stems: string[], accept: (l: LabelEntry) => boolean, minimum: number): { concept: number; similarity: number } | null {
    let best: { concept: number; similarity: number } | null = null;
    for (const [id, similarity] of this.scoreLabels(stems, accept)) {
      const l = this.labels[id];
      if (l && similarity >= minimum && (!best || similarity > best.similarity)) best = { concept: l.concept, similarity };
    }
    return best;
  }

  // ── relatedness and retrieval ────────────────────────────────────────────────────────────────

  relatedness(a: ResolvedOccupation, b: ResolvedOccupation): Relatedness {
    // The same title, word for word, is the same occupation however unsure its resolution is.
    if (a.tokens.length > 0 && a.tokens.length === b.tokens.length && a.tokens.every((t) => b.tokens.includes(t))) {
      return { score: 1, level: "same_occupation", reason: "stesso titolo professionale" };
    }
    let best: Relatedness & { weight: number } = { score: 0, level: "none", reason: "nessuna relazione tra le professioni", weight: 0 };
    for (const x of a.concepts) {
      for (const y of b.concepts) {
        const level = this.pairLevel(x, y);
        if (!level) continue;
        // Square root: a fuzzy resolution (confidence ~0.5) still relates at ~0.7 of its level, while
        // a wrong guess on one side is unlikely to land on the other side's code by chance.
        const weight = Math.sqrt(Math.min(x.confidence, y.confidence));
        const score = round(OCCUPATION_RELATEDNESS[level.level] * weight);
        if (score > best.score) best = { score, level: level.level, reason: level.reason, weight };
      }
    }
    const text = weightedDice(a.tokens, b.tokens, (s) => this.vocabulary.idf(s));
    const textScore = round(OCCUPATION_RELATEDNESS.text * text);
    if (textScore > best.score) {
      const shared = a.tokens.filter((t) => b.tokens.includes(t));
      return { score: textScore, level: "text", reason: `titoli simili (parole in comune: ${shared.join(", ")})` };
    }
    return { score: best.score, level: best.level, reason: best.reason };
  }

  private pairLevel(x: ResolvedConcept, y: ResolvedConcept): { level: RelatednessLevel; reason: string } | null {
    if (x.key === y.key) return { level: "same_occupation", reason: `stessa professione: ${x.label}` };
    if (x.cp2011Unit && x.cp2011Unit === y.cp2011Unit)
      return { level: "same_unit", reason: `stessa unità professionale CP2011 ${x.cp2011Unit} (${this.unitLabel(x.cp2011Unit) ?? ""})` };
    if (this.interchangeable(x, y)) return { level: "interchangeable", reason: `professioni considerate equivalenti nei CPI: ${x.label} e ${y.label}` };
    if (x.iscoGroup && x.iscoGroup === y.iscoGroup)
      return { level: "same_group", reason: `stesso gruppo ISCO-08 ${x.iscoGroup} (${this.iscoGroupLabel(x.iscoGroup) ?? ""})` };
    if (x.cp2011Group && x.cp2011Group === y.cp2011Group)
      return { level: "related_group", reason: `stessa categoria CP2011 ${x.cp2011Group} (${this.unitLabel(x.cp2011Group) ?? ""})` };
    const xi = x.iscoGroup?.slice(0, 3);
    if (xi && xi === y.iscoGroup?.slice(0, 3))
      return { level: "related_group", reason: `stesso gruppo minore ISCO-08 ${xi} (${this.iscoGroupLabel(xi) ?? ""})` };
    return null;
  }

  /**
   * Index terms for a resolved occupation: every level at which relatedness can find a relation by
   * code, for every concept. Two occupations related at "related_group" or above share at least one,
   * because each such level compares exactly one of these codes.
   */
  retrievalKeys(r: ResolvedOccupation): string[] {
    const keys = new Set<string>();
    for (const c of r.concepts) {
      if (c.cp2011Unit) keys.add(`cp5:${c.cp2011Unit}`);
      if (c.cp2011Group) keys.add(`cp4:${c.cp2011Group}`);
      if (c.iscoGroup) {
        keys.add(`isco4:${c.iscoGroup}`);
        keys.add(`isco3:${c.iscoGroup.slice(0, 3)}`);
      }
      // A concept without any code (none today) is still found by itself.
      if (!c.cp2011Unit && !c.cp2011Group && !c.iscoGroup) keys.add(`occ:${c.key}`);
      // Both sides of a curated pair carry the pair's key.
      for (const side of this.sidesOf(c)) keys.add(`ic:${side.slice(0, -2)}`);
    }
    return [...keys];
  }

  /**
   * The occupations the taxonomy puts next to a resolved one, as titles and codes to resolve: the other
   * CP2011 units of its 4-level groups, the units the derived link puts in its ISCO-08 group, and the
   * other side of every curated pair it stands on. Its own units are left out; relatedness() says how
   * close each one is.
   */
  neighbourOccupations(r: ResolvedOccupation): { title: string; code: string | null }[] {
    const own = new Set(r.concepts.flatMap((c) => (c.cp2011Unit ? [c.cp2011Unit] : [])));
    const units = new Set<string>();
    const titles = new Set<string>();
    for (const c of r.concepts) {
      for (const u of c.cp2011Group ? (this.unitsByGroup4.get(c.cp2011Group) ?? []) : []) units.add(u);
      for (const u of c.iscoGroup ? (this.unitsOfIsco().get(c.iscoGroup) ?? []) : []) units.add(u);
      for (const side of this.sidesOf(c)) {
        const pair = this.pairs[Number(side.slice(0, -2))];
        const other = pair ? (side.endsWith(":a") ? pair.b : pair.a) : undefined;
        if (!other) continue;
        if (CP5.test(other)) units.add(other);
        else if (CP4.test(other)) for (const u of this.unitsByGroup4.get(other) ?? []) units.add(u);
        else if (!ISCO4.test(other)) titles.add(other);
      }
    }
    return [
      ...[...units].filter((u) => !own.has(u)).map((u) => ({ title: this.unitNames.get(u) ?? u, code: u })),
      ...[...titles].map((title) => ({ title, code: null })),
    ];
  }

  private unitsOfIsco(): Map<string, string[]> {
    if (!this.unitsByIsco) {
      this.unitsByIsco = new Map();
      for (const [unit, link] of this.unitToIsco) this.unitsByIsco.set(link.code, [...(this.unitsByIsco.get(link.code) ?? []), unit]);
    }
    return this.unitsByIsco;
  }

  /** Name of a CP2011 unit (5 levels) or 4-level group (its units' names when they differ). */
  unitLabel(code: string): string | null {
    const trimmed = code.trim();
    if (CP5.test(trimmed)) return this.unitNames.get(trimmed) ?? null;
    if (CP4.test(trimmed)) {
      const names = [...new Set((this.unitsByGroup4.get(trimmed) ?? []).map((u) => this.unitNames.get(u) ?? ""))].filter(Boolean);
      return names.length > 0 ? names.join("; ") : null;
    }
    return null;
  }

  iscoGroupLabel(code: string): string | null {
    return this.iscoLabels.get(code.trim()) ?? null;
  }

  /** The link as derived, for reports and tests. */
  iscoForUnit(unit: string): MajorityLink | null {
    return this.unitToIsco.get(unit) ?? null;
  }

  unitForIsco(isco: string): MajorityLink | null {
    return this.iscoToUnit.get(isco) ?? null;
  }
}

export interface Relatedness {
  score: number;
  level: RelatednessLevel;
  reason: string;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

// ── the shared instance ──────────────────────────────────────────────────────────────────────────

let instance: OccupationTaxonomy | null = null;

/** The taxonomy of the shipped files, built on first use (well under 1.5 s) and kept for the process. */
export function occupationTaxonomy(): OccupationTaxonomy {
  if (!instance) {
    const started = performance.now();
    const sources = loadOccupationSources();
    const synonyms = loadSynonyms();
    const pairs = loadInterchangeablePairs();
    instance = new OccupationTaxonomy(sources, synonyms, performance.now() - started, pairs);
  }
  return instance;
}

/**
 * Matching asks for the same few hundred titles, and the same pairs, thousands of times per list:
 * remember the answer by the raw input before any normalisation, and relatedness by object identity
 * (a resolution is memoised, so equal titles share one object).
 */
const byInput = new Map<string, ResolvedOccupation>();
const relatednessMemo = new WeakMap<ResolvedOccupation, WeakMap<ResolvedOccupation, Relatedness>>();

export function resolveOccupation(title: string, code?: string | null): ResolvedOccupation {
  const key = `${code ?? ""}\u0000${title}`;
  const cached = byInput.get(key);
  if (cached) return cached;
  const resolved = occupationTaxonomy().resolve(title, code);
  if (byInput.size > 200_000) byInput.clear();
  byInput.set(key, resolved);
  return resolved;
}

export function occupationRelatedness(a: ResolvedOccupation, b: ResolvedOccupation): Relatedness {
  let inner = relatednessMemo.get(a);
  if (!inner) relatednessMemo.set(a, (inner = new WeakMap()));
  const cached = inner.get(b);
  if (cached) return cached;
  const result = occupationTaxonomy().relatedness(a, b);
  inner.set(b, result);
  return result;
}

const contextMemo = new WeakMap<ResolvedOccupation, Map<string, ResolvedOccupation>>();

/**
 * A person's occupation read with the rest of what they declared: an uncertain typo reading is settled
 * by their other profiles and experiences and their competences (see OccupationTaxonomy.interpretInContext).
 * Cheap for everything else: only uncertain readings do any work.
 */
export function interpretInContext(r: ResolvedOccupation, others: readonly ResolvedOccupation[], competences: readonly string[]): ResolvedOccupation {
  if (!r.interpretation?.uncertain) return r;
  const key = [...others.map((o) => o.input), "\u0001", ...competences].join("\u0000");
  let inner = contextMemo.get(r);
  if (!inner) contextMemo.set(r, (inner = new Map()));
  const cached = inner.get(key);
  if (cached) return cached;
  const result = occupationTaxonomy().interpretInContext(r, others, competences);
  if (inner.size > 1000) inner.clear();
  inner.set(key, result);
  return result;
}

/** "(interpretato come «Cuoco»)": how a mistyped title was read, for reasons; empty when it was not. */
export function interpretationNote(r: ResolvedOccupation): string {
  const i = r.interpretation;
  if (!i) return "";
  if (i.decidedByContext) return ` (interpretato come «${i.label}» in base a esperienze e competenze)`;
  if (i.uncertain) {
    const others = i.readings.slice(1).map((c) => `«${c.label}»`);
    return ` (interpretato come «${i.label}», lettura incerta${others.length > 0 ? `: forse ${others.join(" o ")}` : ""})`;
  }
  return ` (interpretato come «${i.label}»)`;
}

export function retrievalKeys(r: ResolvedOccupation): string[] {
  return occupationTaxonomy().retrievalKeys(r);
}

export function neighbourOccupations(r: ResolvedOccupation): { title: string; code: string | null }[] {
  return occupationTaxonomy().neighbourOccupations(r);
}

export function unitLabel(code: string): string | null {
  return occupationTaxonomy().unitLabel(code);
}

export function iscoGroupLabel(code: string): string | null {
  return occupationTaxonomy().iscoGroupLabel(code);
}
