/**
 * `npm run eval`: ranks every vacancy of the labelled set on a temporary database, prints a table per
 * vacancy and the macro-averages, writes eval/RESULTS.md, and exits non-zero when a list holds a pair
 * whose label records a hard-constraint violation.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runEvaluation } from "./evaluate.js";
import { formatReport, resultsMarkdown } from "./report.js";

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "RESULTS.md");

async function main(): Promise<number> {
  const report = await runEvaluation();
  console.log(formatReport(report));
  fs.writeFileSync(RESULTS, resultsMarkdown(report, "npm run eval"));
  console.log(`\nRisultati scritti in ${path.relative(process.cwd(), RESULTS)}`);
  if (report.violations > 0) {
    console.error(`\n${report.violations} coppie in rosa violano un vincolo secondo le etichette.`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
