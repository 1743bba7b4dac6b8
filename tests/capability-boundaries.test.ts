import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../src");

/** The modules of `folder` that each module of `from` imports (relative imports only). */
function importsInto(from: string, folder: string): string[] {
  const edges: string[] = [];
  for (const file of fs.readdirSync(path.join(SRC, from), { recursive: true }) as string[]) {
    if (!file.endsWith(".ts")) continue;
    const source = fs.readFileSync(path.join(SRC, from, file), "utf8");
    for (const [, spec] of source.matchAll(/(?:import|export)\s[^"']*?from\s+["']([^"']+)["']/g)) {
      const target = path.relative(SRC, path.resolve(path.dirname(path.join(SRC, from, file)), spec!));
      if (target.startsWith(`${folder}${path.sep}`)) edges.push(`${from}/${file} → ${target}`);
    }
  }
  return edges;
}

describe("vacancies and candidate lists react to each other through events, not calls", () => {
  it("src/vacancies imports nothing from src/shortlists", () => {
    expect(importsInto("vacancies", "shortlists")).toEqual([]);
  });

  it("src/shortlists imports from src/vacancies only its read model and status table, no use-case", () => {
    const allowed = new Set(["vacancies/vacancy-repository.js", "vacancies/vacancy-status.js"]);
    const edges = importsInto("shortlists", "vacancies");
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.filter((e) => !allowed.has(e.split(" → ")[1]!))).toEqual([]);
  });
});
