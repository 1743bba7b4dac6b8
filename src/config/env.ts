import { z } from "zod";
import { isPostgresUrl, storeLocationOf, type StoreLocation } from "../db/store-location.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

/**
 * Express's `trust proxy`: "false" (default, the client is the socket's peer), "true" (trust every proxy),
 * a number of hops, or a comma-separated list of addresses, subnets and Express's names (loopback,
 * linklocal, uniquelocal).
 */
const trustProxy = z
  .string()
  .trim()
  .refine(
    (v) =>
      /^(true|false|\d{1,2})$/.test(v) ||
      v.split(",").every((part) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(part.trim())),
    { message: "usare true, false, un numero di proxy o un elenco di indirizzi/sottoreti separati da virgole" },
  )
  .transform((v): boolean | number | string[] =>
    v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v.split(",").map((p) => p.trim()),
  );

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default("./data/vetrina.db"),
  // A postgresql:// address puts the store on PostgreSQL (several processes); unset, the SQLite file at DATABASE_PATH.
  DATABASE_URL: z.string().trim().refine(isPostgresUrl, { message: "usare un indirizzo postgresql://utente@host:porta/database" }).optional(),
  // Connections each process keeps to PostgreSQL.
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  SEARCH_BACKEND: z.enum(["embedded", "meilisearch"]).default("embedded"),
  MEILISEARCH_URL: z.url().optional(),
  MEILISEARCH_API_KEY: z.string().optional(),
  // Prepended to the index names, so several deployments (or test runs) can share one Meilisearch server.
  MEILISEARCH_INDEX_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]{1,100}$/, { message: "solo lettere, cifre, - e _" }).optional(),
  DEMO_DATA: booleanFlag.default(true),
  SCHEDULER: booleanFlag.default(true),
  DEMO_SEED: z.coerce.number().int().min(0).default(2026),
  // The region the demo data populates (name or ISTAT code, e.g. "Emilia-Romagna" or "08"); unset: Piemonte and Lombardia.
  DEMO_REGION: z.string().trim().min(1).max(60).optional(),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default("1mb"),
  UPLOAD_LIMIT_MB: z.coerce.number().positive().max(200).default(20),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  TRUST_PROXY: trustProxy.default(false),
  TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  DB_WRITE_RETRIES: z.coerce.number().int().min(0).max(50).default(12),
  // SQLite's page cache per process (its own default is 2 MB, which sends most index reads back to the file).
  SQLITE_CACHE_MB: z.coerce.number().int().min(2).max(4096).default(64),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(5_000_000).default(200_000),
  IMPORT_MAX_UNCOMPRESSED_MB: z.coerce.number().positive().max(4096).default(200),
  MATCHING_CONFIG: z.string().min(1).optional(),
  // The address employers reach the service at (behind a proxy: its public URL); links in e-mails start with it.
  PUBLIC_BASE_URL: z.url().optional(),
  // E-mail through SMTP; with no SMTP_HOST messages stay queued in the outbox (GET /api/v1/emails).
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: booleanFlag.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("Vetrina <vetrina@localhost>"),
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  // Deadlines of a vacancy (Umbria E2), in days, and how many days ahead a reminder says "due".
  DEADLINE_LIST_DAYS: z.coerce.number().int().min(1).max(365).default(20),
  DEADLINE_SELECTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  DEADLINE_OUTCOME_CHECK_DAYS: z.coerce.number().int().min(1).max(365).default(15),
  DEADLINE_DUE_SOON_DAYS: z.coerce.number().int().min(0).max(30).default(3),
  // Navigators' watch list: the days without a coherent offer that put a person on it, and the regional target share.
  WATCH_LIST_DAYS: z.coerce.number().int().min(1).max(366).default(60),
  WATCH_LIST_TARGET: z.coerce.number().min(0).max(1).default(1),
  // Nightly online backup of the store: the folder it is written to and how many of them are kept.
  BACKUP_DIR: z.string().min(1).default("./data/backups"),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
  // Retention of personal data: years without activity before a person is erased, years an audit entry is kept,
  // days a delivery link is kept past its expiry; with RETENTION_APPLY=false the nightly run only reports.
  RETENTION_PEOPLE_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  RETENTION_AUDIT_YEARS: z.coerce.number().int().min(1).max(100).default(10),
  RETENTION_LINK_GRACE_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  RETENTION_APPLY: booleanFlag.default(true),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** The variables `schema` reads, an empty one counting as unset; a bad value throws with a readable list. */
function parseEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv): z.output<S> {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Configurazione non valida:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

const storeEnvSchema = envSchema.pick({ DATABASE_PATH: true, DATABASE_URL: true });

/** Where the store is, from the environment alone: for the commands that need nothing else of it (migrations, reference data). */
export function loadStoreLocation(source: NodeJS.ProcessEnv = process.env): StoreLocation {
  return storeLocationOf(parseEnv(storeEnvSchema, source));
}

/** Reads and validates the environment once at start; a bad value stops the service with a readable list. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = parseEnv(envSchema, source);
  if (env.SEARCH_BACKEND === "meilisearch" && !env.MEILISEARCH_URL) {
    throw new ConfigError("Configurazione non valida:\n  - MEILISEARCH_URL: obbligatorio con SEARCH_BACKEND=meilisearch");
  }
  if (env.DATABASE_URL && env.SEARCH_BACKEND !== "meilisearch") {
    throw new ConfigError(
      "Configurazione non valida:\n  - SEARCH_BACKEND: con PostgreSQL (DATABASE_URL) il motore di ricerca dev'essere Meilisearch " +
        "(SEARCH_BACKEND=meilisearch e MEILISEARCH_URL): l'indice integrato vive nel file SQLite",
    );
  }
  return env;
}
