import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";

/** Where events are appended and handlers run: the caller's transaction, its actor and the route for the audit. */
export interface EventScope {
  ctx: AppContext;
  tx: DbTx;
  actor: Actor | null;
  route: string;
}
