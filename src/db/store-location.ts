/** Where the store lives: the embedded SQLite file (the default) or a PostgreSQL database. */
export type StoreLocation = { provider: "sqlite"; path: string } | { provider: "postgresql"; url: string };

export type StoreProvider = StoreLocation["provider"];

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** DATABASE_URL (a postgresql:// address) wins over DATABASE_PATH; without it the store is the SQLite file. */
export function storeLocationOf(env: { DATABASE_PATH: string; DATABASE_URL?: string | undefined }): StoreLocation {
  return env.DATABASE_URL ? { provider: "postgresql", url: env.DATABASE_URL } : { provider: "sqlite", path: env.DATABASE_PATH };
}

/** The store for messages and logs, without the password of a PostgreSQL address. */
export function describeStore(location: StoreLocation): string {
  if (location.provider === "sqlite") return location.path;
  const url = new URL(location.url);
  if (url.password) url.password = "***";
  return url.toString();
}

/** Why a tool that copies the SQLite file does not apply to a PostgreSQL store; null on SQLite. */
export function sqliteFileOnly(env: { DATABASE_URL?: string | undefined }, what: string): string | null {
  return env.DATABASE_URL
    ? `${what} copia il file SQLite; con PostgreSQL (DATABASE_URL) usare gli strumenti del server: pg_dump / pg_restore, poi «npm run cli -- reindex».`
    : null;
}
