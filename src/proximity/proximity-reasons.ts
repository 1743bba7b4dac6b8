/** The Italian sentences every proximity suggestion explains itself with. */
import { list, pct, quoted } from "../matching/format-reason.js";
import type { LackedCompetence, OccupationGap } from "./competence-gap.js";
import type { ReferenceOverlap, Relation } from "./occupation-neighbours.js";

const MAX_NAMED = 5;

const named = (items: string[]): string => {
  const shown = items.slice(0, MAX_NAMED).map(quoted);
  return items.length > MAX_NAMED ? `${shown.join(", ")} e altre ${items.length - MAX_NAMED}` : list(shown);
};

const offers = (n: number): string => (n === 1 ? "1 offerta" : `${n} offerte`);

export function relationReason(relation: Relation, overlap: ReferenceOverlap): string {
  const parts: string[] = [];
  if (relation.score > 0 && relation.level !== "none") parts.push(`Vicina a ${quoted(relation.from)}: ${relation.reason}`);
  if (overlap.share !== null && overlap.shared.length > 0) {
    const withWhom = overlap.from && overlap.from !== relation.from ? ` con ${quoted(overlap.from)}` : "";
    parts.push(`competenze in comune nei profili ANPAL${withWhom}: ${pct(overlap.share)} (${named(overlap.shared)})`);
  }
  return parts.length > 0 ? parts.join("; ") : "Nessuna relazione nella tassonomia: vicina per le competenze chieste dalle offerte";
}

export function reachReason(inReach: number, travelBasis: string): string {
  return inReach === 0 ? `Nessuna offerta aperta entro i ${travelBasis}` : `${offers(inReach)} ${inReach === 1 ? "aperta" : "aperte"} entro i ${travelBasis}`;
}

export function haveReason(have: string[]): string | null {
  return have.length > 0 ? `Possiede già: ${named(have)}` : null;
}

export function lackReason(lack: LackedCompetence[], inReach: number): string | null {
  const must = lack.filter((l) => l.mustHaveIn > 0);
  if (must.length === 0) return null;
  const items = must.slice(0, MAX_NAMED).map((l) => `${quoted(l.competence)} (indispensabile per ${l.mustHaveIn} su ${inReach})`);
  return `${must.length === 1 ? "Manca" : "Mancano"}: ${list(items)}${must.length > MAX_NAMED ? ` e altre ${must.length - MAX_NAMED}` : ""}`;
}

export function gapReason(gap: OccupationGap, inReach: number): string | null {
  if (inReach === 0) return null;
  const parts: string[] = [];
  if (gap.qualifiedNow > 0) parts.push(`Già idonea/o per ${offers(gap.qualifiedNow)}`);
  if (gap.qualifiedOnceGapClosed > 0) {
    const learnt = gap.training.map((t) => t.competence);
    parts.push(`divario piccolo: con ${named(learnt)} ${learnt.length === 1 ? "acquisita" : "acquisite"} risulterebbe idonea/o per ${offers(gap.qualifiedOnceGapClosed)} in più`);
  }
  if (parts.length === 0) return "Divario ampio: nemmeno con una formazione breve (al più 2 competenze indispensabili) risulterebbe idonea/o per queste offerte";
  return parts.join("; ");
}

export function ruledOutReason(excluded: number, reasons: string[]): string {
  return `${offers(excluded)} della professione ${excluded === 1 ? "esclusa" : "escluse"} da un vincolo: ${list([...new Set(reasons)].map(quoted))}`;
}
