import type { DomainEventInput, DomainEventOf, DomainEventType } from "./domain-events.js";
import type { EventScope } from "./event-scope.js";

/** A reaction that must commit or fail with the change: it runs in the transaction that appended the event. */
export type EventHandler<T extends DomainEventType> = (event: DomainEventOf<T>, scope: EventScope) => Promise<void>;

type AnyHandler = (event: DomainEventInput, scope: EventScope) => Promise<void>;
const handlers = new Map<DomainEventType, AnyHandler[]>();

/** Registers a handler; handlers of one type run in the order they were registered. */
export function onEvent<T extends DomainEventType>(type: T, handler: EventHandler<T>): void {
  handlers.set(type, [...(handlers.get(type) ?? []), handler as unknown as AnyHandler]);
}

/** The handlers of the event's type, in registration order. */
export function handlersOf(type: DomainEventType): readonly AnyHandler[] {
  return handlers.get(type) ?? [];
}

/** A reaction to everything one appendEvents call wrote, at once (bulk writes append thousands of events). */
export type EventBatchHandler = (events: readonly DomainEventInput[], scope: EventScope) => Promise<void>;
const batchHandlers: EventBatchHandler[] = [];

/** Registers a batch handler; it runs after the handlers of each event, in the same transaction. */
export function onEvents(handler: EventBatchHandler): void {
  batchHandlers.push(handler);
}

export function batchHandlersOf(): readonly EventBatchHandler[] {
  return batchHandlers;
}
