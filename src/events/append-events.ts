import { recordedUserId } from "../auth/actor.js";
import { lockEventLog } from "../db/event-log-lock.js";
import { insertRows } from "../db/insert-rows.js";
import type { DomainEventInput } from "./domain-events.js";
import type { EventScope } from "./event-scope.js";
import { batchHandlersOf, handlersOf } from "./handler-registry.js";
import { registerEventHandlers } from "./register-handlers.js";

/**
 * Writes the events to the log in the caller's transaction (one moment, one author), then runs the
 * in-transaction handlers of each, in order, then the batch handlers once: if a handler fails, the
 * change and its events roll back.
 */
export async function appendEvents(scope: EventScope, events: DomainEventInput[], at: Date = new Date()): Promise<void> {
  if (events.length === 0) return;
  registerEventHandlers();
  const actorUserId = recordedUserId(scope.actor);
  await lockEventLog(scope.tx);
  await insertRows(
    scope.tx,
    "DomainEvent",
    events.map((e) => ({ type: e.type, entityType: e.entityType, entityId: e.entityId, actorUserId, at, payload: e.payload })),
  );
  for (const event of events) {
    for (const handler of handlersOf(event.type)) await handler(event, scope);
  }
  for (const handler of batchHandlersOf()) await handler(events, scope);
}
