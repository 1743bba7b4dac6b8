import cliProgress from "cli-progress";
import type { RebuildProgress } from "../indexing/rebuild-index.js";

/** A progress bar on the terminal, silent when output is not a terminal (CI, pipes, tests). */
export function progressBar(label: string, total: number) {
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update(done: number) {
        // Still say something every 10% so long runs in CI logs show they are alive.
        if (total > 0 && Math.floor((done / total) * 10) > last) {
          last = Math.floor((done / total) * 10);
          process.stderr.write(`${label}: ${done}/${total}\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done: number) => bar.update(done), stop: () => bar.stop() };
}

/** The progress of an index rebuild on the terminal, one bar per index (reindex, restore). */
export function indexRebuildProgress(): RebuildProgress {
  let bar: ReturnType<typeof progressBar> | null = null;
  return {
    start: (label, total) => (bar = progressBar(`Indice ${label.toLowerCase()}`, total)),
    update: (done) => bar?.update(done),
    stop: (label, stored, indexed) => {
      bar?.stop();
      console.log(`${label}: ${stored} nell'archivio, ${indexed} nell'indice.`);
    },
  };
}
