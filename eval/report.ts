/**
 * How an evaluation report reads: a console table per vacancy (metrics, the top 5 of the list with
 * the grade next to the score, and the pairs where the ranking and the labels disagree) and the
 * Markdown of eval/RESULTS.md.
 */
import type { EvalReport, MustHaveRecall, PairDiagnosis, Summary, VacancyResult } from "./evaluate.js";
import { CUTOFF } from "./metrics.js";

const f2 = (n: number) => n.toFixed(3);
const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + " ".repeat(n - s.length));
const grade = (g: number, labelled: boolean) => (labelled ? String(g) : "–");
const recall = (m: MustHaveRecall) => (m.share === null ? "–" : `${m.qualified}/${m.holders} (${f2(m.share)})`);

/** Why a labelled pair is where it is, in a few words. */
export function whereItWent(p: PairDiagnosis, qualifying: number): string {
  if (p.listRank !== null) return `in rosa al ${p.listRank}° posto (punteggio ${p.score})`;
  if (p.exclusions.length > 0) return `esclusa: ${p.exclusions.join(", ")} (punteggio ${p.score})`;
  if (p.score < qualifying) return `sotto la soglia: ${p.score} < ${qualifying}`;
  if (p.mustHaveCoverage === 0) return `nessuna competenza indispensabile riconosciuta (punteggio ${p.score})`;
  if (p.rankedPosition === null) return `non recuperata dall'indice (punteggio ${p.score})`;
  return `oltre il tetto della rosa (posizione ${p.rankedPosition}, punteggio ${p.score})`;
}

/** The pairs worth a look: relevant but left out, irrelevant but listed, and labels the code disagrees with. */
export function disagreements(r: VacancyResult, qualifying: number): { pair: PairDiagnosis; issue: string }[] {
  const out: { pair: PairDiagnosis; issue: string }[] = [];
  for (const p of r.pairs) {
    const g = p.label.grade;
    if (p.label.violates && p.listRank !== null) out.push({ pair: p, issue: `VIOLAZIONE in rosa (${p.label.violates})` });
    else if (p.label.violates && !p.exclusions.includes(p.label.violates)) out.push({ pair: p, issue: `vincolo ${p.label.violates} non rilevato dal codice` });
    if (g >= 2 && p.listRank === null) out.push({ pair: p, issue: `grado ${g} fuori rosa: ${whereItWent(p, qualifying)}` });
    if (g <= 1 && !p.label.violates && p.listRank !== null && p.listRank <= 5) out.push({ pair: p, issue: `grado ${g} nei primi 5: ${whereItWent(p, qualifying)}` });
    if (!p.label.violates && p.exclusions.length > 0 && g >= 1) out.push({ pair: p, issue: `esclusa dal codice (${p.exclusions.join(", ")}) senza violazione nei fatti` });
    if (p.label.holdsMustHaves && !p.label.violates && !p.qualifies && g < 2) out.push({ pair: p, issue: `ha tutte le indispensabili ma non è qualificata: ${whereItWent(p, qualifying)}` });
  }
  return out;
}

export function formatVacancy(r: VacancyResult, qualifying: number): string {
  const lines: string[] = [];
  lines.push(`\n■ ${r.key} — ${r.profile} (${r.comune}, ${r.region})`);
  lines.push(
    `  nDCG@${CUTOFF} rosa ${f2(r.ndcg)}   nDCG@${CUTOFF} graduatoria ${f2(r.ndcgFull)}   P@${CUTOFF} ${f2(r.precision)}   violazioni ${r.violations}   rosa ${r.list.length}/${r.cap}   qualificati ${r.qualifiedCount}   etichettati ${r.poolSize}   indispensabili→qualificati ${recall(r.mustHaveRecall)}`,
  );
  lines.push(`  ${pad("#", 3)} ${pad("persona", 8)} ${pad("grado", 5)} ${pad("punti", 6)} caso`);
  for (const e of r.list.slice(0, 5)) {
    lines.push(`  ${pad(String(e.rank), 3)} ${pad(e.key ?? e.candidateId.slice(0, 8), 8)} ${pad(grade(e.grade, e.labelled), 5)} ${pad(e.score.toFixed(1), 6)} ${e.case ?? ""}${e.violates ? ` VIOLA ${e.violates}` : ""}`);
  }
  const unlabelled = r.list.filter((e) => !e.labelled);
  if (unlabelled.length > 0) lines.push(`  non etichettati in rosa (grado 0): ${unlabelled.map((e) => `${e.key ?? e.candidateId}@${e.rank}`).join(", ")}`);
  for (const d of disagreements(r, qualifying)) lines.push(`  ! ${d.pair.key} [${d.pair.label.case ?? "-"}] ${d.issue}`);
  return lines.join("\n");
}

function summaryLine(s: Summary): string {
  return `${s.vacancies} offerte · nDCG@${CUTOFF} rosa ${f2(s.meanNdcg)} · graduatoria ${f2(s.meanFullNdcg)} · P@${CUTOFF} ${f2(s.meanPrecision)} · violazioni ${s.violations} · indispensabili→qualificati ${recall(s.mustHaveRecall)}`;
}

export function formatReport(report: EvalReport): string {
  const out = [
    `Valutazione del matching: ${report.vacancies} offerte, ${report.people} persone, ${report.labelledPairs} coppie etichettate`,
    ...report.results.map((r) => formatVacancy(r, report.qualifyingScore)),
    "",
    ...report.batches.map(({ batch, summary }) => `Lotto ${batch}: ${summaryLine(summary)}`),
    `Media (macro) su tutto: ${summaryLine({ ...report, vacancies: report.vacancies })}   (${(report.durationMs / 1000).toFixed(1)} s)`,
  ];
  return out.join("\n");
}

/** Where the workplaces are; people beyond Piemonte and Lombardia are registered at a CPI of those two (the only CPIs the service knows). */
function regionNote(report: EvalReport): string[] {
  const regions = [...new Set(report.results.map((r) => r.region))].sort();
  const known = new Set(["Piemonte", "Lombardia"]);
  const others = regions.filter((r) => !known.has(r));
  const line = `Workplaces in ${regions.length} regions: ${regions.join(", ")}.`;
  if (others.length === 0) return [line, ""];
  return [
    `${line} The service only knows the CPIs of Piemonte and Lombardia, so vacancies and people located elsewhere (workplaces across the border, people domiciled in a neighbouring region) are registered at the nearest CPI of those two regions.`,
    "",
  ];
}

export function resultsMarkdown(report: EvalReport, command: string): string {
  const rows = report.results.map(
    (r) =>
      `| ${r.key} | ${r.family ?? "—"} | ${r.profile} | ${r.comune} (${r.region}) | ${r.poolSize} | ${r.list.length} | ${f2(r.ndcg)} | ${f2(r.ndcgFull)} | ${f2(r.precision)} | ${recall(r.mustHaveRecall)} | ${r.violations} |`,
  );
  const summaryRow = (name: string, s: Summary) =>
    `| ${name} | ${s.vacancies} | ${f2(s.meanNdcg)} | ${f2(s.meanFullNdcg)} | ${f2(s.meanPrecision)} | ${recall(s.mustHaveRecall)} | ${s.violations} |`;
  const issues = report.results.flatMap((r) =>
    disagreements(r, report.qualifyingScore).map((d) => `- **${r.key}** · \`${d.pair.key}\` (${d.pair.label.case ?? "—"}, grado ${d.pair.label.grade}: ${d.pair.label.rationale}) — ${d.issue}`),
  );
  return [
    "# Matching evaluation results",
    "",
    `Run: ${report.ranAt.toISOString()} · command: \`${command}\` · ${report.vacancies} vacancies, ${report.people} people, ${report.labelledPairs} labelled pairs · qualifying score ${report.qualifyingScore}.`,
    "",
    `- **nDCG@${CUTOFF} list**: on the list a referent would send (\`rankCandidatesForVacancy\`, limit = the vacancy's cap): only the people the service calls qualified, best first. This is the figure the earlier reports called nDCG@${CUTOFF}.`,
    `- **nDCG@${CUTOFF} ranking**: on the first ${CUTOFF} of the full ranking (\`rankVacancy\`: everyone retrieved who passes the hard constraints, qualified or not).`,
    `- Both: gain 2^g − 1, log2 discount, ideal from all the vacancy's labels, unlabelled = grade 0. **P@${CUTOFF}** on the list: grade ≥ 2 relevant, denominator min(${CUTOFF}, people listed).`,
    `- **must-have → qualified**: of the labelled people who hold every must-have competence in some wording (label \`holdsMustHaves\`) and break no hard constraint, how many the service calls qualified (no exclusion, qualifying score, some must-have covered). "–" where no label says so.`,
    `- **violations**: listed pairs whose label records a hard-constraint violation.`,
    "",
    ...regionNote(report),
    "| batch | vacancies | nDCG@15 list | nDCG@15 ranking | P@15 | must-have → qualified | violations |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...report.batches.map(({ batch, summary }) => summaryRow(batch, summary)),
    summaryRow("**all (macro mean)**", report),
    "",
    "| vacancy | family | profile | workplace | labelled | listed | nDCG@15 list | nDCG@15 ranking | P@15 | must-have → qualified | violations |",
    "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    "## Where ranking and labels disagree",
    "",
    ...(issues.length > 0 ? issues : ["None."]),
    "",
  ].join("\n");
}
