import type { Actor } from "../auth/actor.js";

/** Every operator has a feed of their own; employers have none (their news reach them by e-mail). */
export const canReadFeed = (actor: Actor): string | null =>
  actor.role === "employer" ? "Le aziende non hanno un notiziario in Vetrina." : null;
