/** Subscribes the e-mails of the outbox to the events that cause them. */
export function registerEmailHandlers(): void {}
