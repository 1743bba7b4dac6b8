/**
 * `npm run eval:proximity [-- --seed 2026] [-- --people 3000]`: the measurement of the occupations of
 * proximity on a generated region (the demo generators, on a temporary database). For the available people
 * whose declared occupations have no open vacancy in their reach, the share who get at least one occupation
 * of proximity with open vacancies in reach (and with one they qualify for now or after a small gap); then
 * the hand-labelled sample (labels.csv: would a CPI referent accept the suggestion?) and the share accepted.
 * Writes eval/proximity/RESULTS.md; pairs of the sample without a label are listed, to be labelled.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { findCandidatesByIds } from "../../src/candidates/candidate-repository.js";
import { seedDemoData } from "../../src/demo/seed-demo-data.js";
import { candidateFacts } from "../../src/matching/build-facts.js";
import { proximityOfPerson } from "../../src/proximity/person-proximity.js";
import type { PersonProximity } from "../../src/proximity/proximity-schemas.js";
import { createEvalContext } from "../evaluate.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LABELS = path.join(HERE, "labels.csv");
const RESULTS = path.join(HERE, "RESULTS.md");
/** The sample: the first suggestion with vacancies of every this-many-th person of the population. */
const SAMPLE_EVERY = 2;
const SAMPLE_MAX = 80;
const PAGE = 200;
/** A fixed reference day: the same seed gives the same region, and so the same figures. */
const TODAY = new Date("2026-11-30T00:00:00Z");

interface Label {
  person_occupation: string;
  suggested_code: string;
  suggested_occupation: string;
  acceptable: string;
  why: string;
}

const pairKey = (personOccupation: string, suggestedCode: string) => `${personOccupation.toLocaleLowerCase("it")}\u0000${suggestedCode}`;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name}: atteso un intero positivo`);
  return value;
}

const pct = (n: number, of: number) => (of === 0 ? "–" : `${((100 * n) / of).toFixed(1)}%`);

async function main(): Promise<number> {
  const seed = argument("seed", 2026);
  const candidates = argument("people", 3000);
  const vacancies = argument("vacancies", 300);
  const started = performance.now();
  const e = await createEvalContext();
  try {
    await seedDemoData(e.ctx, { seed, candidates, vacancies, today: TODAY });
    const ids = (await e.ctx.db.candidate.findMany({ where: { availability: "available" }, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    const answers: { declared: string; answer: PersonProximity }[] = [];
    // In pages: one query with thousands of ids exceeds SQLite's parameter limit.
    for (let i = 0; i < ids.length; i += PAGE) {
      for (const p of await findCandidatesByIds(e.ctx.db, ids.slice(i, i + PAGE))) {
        const facts = candidateFacts(p);
        const { answer } = await proximityOfPerson(e.ctx, facts, { limit: 10 }, TODAY);
        answers.push({ declared: facts.profiles[0]?.title ?? facts.experiences[0]?.title ?? "", answer });
      }
    }
    const population = answers.filter((a) => a.answer.ownOccupationVacancies.inReach === 0);
    const withVacancies = population.filter((a) => a.answer.occupations.some((s) => s.vacanciesInReach > 0));
    const reachable = population.filter((a) => a.answer.occupations.some((s) => s.qualifiedNow > 0 || s.qualifiedOnceGapClosed > 0));
    const sample = population
      .filter((_, i) => i % SAMPLE_EVERY === 0)
      .flatMap((a) => {
        const s = a.answer.occupations.find((o) => o.vacanciesInReach > 0);
        // The pair a referent judges: the person's occupation the suggestion starts from, and the suggested one.
        return s ? [{ person: s.relation.from ?? a.declared, code: s.occupation.code ?? s.occupation.key, label: s.occupation.label, reason: s.reasons[0] ?? "" }] : [];
      })
      .slice(0, SAMPLE_MAX);
    const labels: Label[] = fs.existsSync(LABELS) ? parse(fs.readFileSync(LABELS), { columns: true, skip_empty_lines: true }) : [];
    const byPair = new Map(labels.map((l) => [pairKey(l.person_occupation, l.suggested_code), l]));
    const labelled = sample.flatMap((s) => {
      const l = byPair.get(pairKey(s.person, s.code));
      return l ? [{ ...s, acceptable: l.acceptable.trim() === "yes" }] : [];
    });
    const unlabelled = [...new Map(sample.filter((s) => !byPair.has(pairKey(s.person, s.code))).map((s) => [pairKey(s.person, s.code), s])).values()];
    const accepted = labelled.filter((l) => l.acceptable).length;
    const seconds = (performance.now() - started) / 1000;
    const command = `npm run eval:proximity -- --seed ${seed} --people ${candidates} --vacancies ${vacancies}`;
    const lines = [
      "# Occupations of proximity: measurement",
      "",
      `Command: \`${command}\` (generated region: demo generators, seed ${seed}, ${vacancies} vacancies, ${candidates} people, reference day ${TODAY.toISOString().slice(0, 10)}; ${seconds.toFixed(0)} s on this machine).`,
      "",
      "| figure | value |",
      "| --- | ---: |",
      `| available people | ${answers.length} |`,
      `| of whom no open vacancy of their own occupations in reach (the population) | ${population.length} |`,
      `| population with at least one occupation of proximity with open vacancies in reach | ${withVacancies.length} (${pct(withVacancies.length, population.length)}) |`,
      `| population with one they qualify for now or after a small gap (≤ 2 must-haves) | ${reachable.length} (${pct(reachable.length, population.length)}) |`,
      `| sample: first suggestion with vacancies of one person in ${SAMPLE_EVERY} of the population (at most ${SAMPLE_MAX}) | ${sample.length} |`,
      `| of which labelled in labels.csv | ${labelled.length} |`,
      `| labelled suggestions a referent would accept | ${accepted} (${pct(accepted, labelled.length)}) |`,
      "",
    ];
    if (unlabelled.length > 0) {
      lines.push(`Pairs of the sample without a label (add them to labels.csv): ${unlabelled.length}`, "", "| person occupation | suggested | code | why it is near |", "| --- | --- | --- | --- |");
      for (const u of unlabelled) lines.push(`| ${u.person} | ${u.label} | ${u.code} | ${u.reason} |`);
      lines.push("");
    }
    const rejected = labelled.filter((l) => !l.acceptable);
    if (rejected.length > 0) {
      lines.push("Suggestions of the sample labelled not acceptable:", "", "| person occupation | suggested | why |", "| --- | --- | --- |");
      for (const r of rejected) lines.push(`| ${r.person} | ${r.label} | ${byPair.get(pairKey(r.person, r.code))?.why ?? ""} |`);
      lines.push("");
    }
    const report = lines.join("\n");
    console.log(report);
    fs.writeFileSync(RESULTS, report);
    console.log(`Risultati scritti in ${path.relative(process.cwd(), RESULTS)}`);
    return 0;
  } finally {
    await e.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
