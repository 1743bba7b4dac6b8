import type { DbTx } from "./client.js";

export type SqlDialect = "sqlite" | "postgresql";

/**
 * The provider of a client or of an interactive transaction (Prisma's transaction client forwards the
 * field). Raw SQL is the only place the two providers differ: the model API is the same.
 */
export function dialectOf(db: DbTx): SqlDialect {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "postgresql") return "postgresql";
  if (provider === "sqlite") return "sqlite";
  throw new Error(`provider del database sconosciuto: ${String(provider)}`);
}

/**
 * Raw SQL is written once with `?` placeholders (SQLite's); PostgreSQL numbers them ($1, $2, …). The
 * statements passed here are ours, with no `?` inside literals.
 */
export function placeholders(dialect: SqlDialect, sql: string): string {
  if (dialect === "sqlite") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `placeholders` for the store `db` is on. */
export function rawSql(db: DbTx, sql: string): string {
  return placeholders(dialectOf(db), sql);
}

/**
 * A `contains` filter on text typed by a user: SQLite's LIKE ignores case (of ASCII letters), PostgreSQL's
 * does not unless asked (ILIKE). The SQLite client's types do not know `mode`, hence the cast.
 */
export function containsIgnoringCase(db: DbTx, text: string): { contains: string } {
  return dialectOf(db) === "postgresql" ? ({ contains: text, mode: "insensitive" } as { contains: string }) : { contains: text };
}
