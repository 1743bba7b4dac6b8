import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default("./data/vetrina.db"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  SEARCH_BACKEND: z.enum(["embedded", "meilisearch"]).default("embedded"),
  MEILISEARCH_URL: z.url().optional(),
  MEILISEARCH_API_KEY: z.string().optional(),
  DEMO_DATA: booleanFlag.default(true),
  SCHEDULER: booleanFlag.default(true),
  DEMO_SEED: z.coerce.number().int().min(0).default(2026),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default("1mb"),
  UPLOAD_LIMIT_MB: z.coerce.number().positive().max(200).default(20),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  MATCHING_CONFIG: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Reads and validates the environment once at start; a bad value stops the service with a readable list. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Configurazione non valida:\n${lines.join("\n")}`);
  }
  if (parsed.data.SEARCH_BACKEND === "meilisearch" && !parsed.data.MEILISEARCH_URL) {
    throw new ConfigError("Configurazione non valida:\n  - MEILISEARCH_URL: obbligatorio con SEARCH_BACKEND=meilisearch");
  }
  return parsed.data;
}
