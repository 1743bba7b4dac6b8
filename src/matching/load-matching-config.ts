import fs from "node:fs";
import { ConfigError } from "../config/env.js";
import { DEFAULT_MATCHING_CONFIG, matchingConfigSchema, type MatchingConfig } from "./matching-config.js";

/** The defaults, or a region's own weights and boosts from a JSON file (MATCHING_CONFIG), validated at start. */
export function loadMatchingConfig(file: string | undefined): MatchingConfig {
  if (!file) return DEFAULT_MATCHING_CONFIG;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(`Configurazione non valida:\n  - MATCHING_CONFIG: file ${file} non leggibile come JSON (${(err as Error).message})`);
  }
  const parsed = matchingConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - MATCHING_CONFIG ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Configurazione non valida:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
