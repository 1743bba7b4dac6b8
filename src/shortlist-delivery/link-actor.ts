import { SYSTEM_ACTOR, type Actor } from "../auth/actor.js";

/**
 * Whoever holds a link acts as the employer of the vacancy (the outcome and decline rules apply as to the
 * employer's own users), but is no user: recorded without a user id, with the link named in the audit route.
 */
export function linkActor(link: { id: string }, vacancy: { employerId: string | null }): Actor {
  return { userId: SYSTEM_ACTOR.userId, name: `Azienda (collegamento ${link.id})`, role: "employer", cpiCodes: [], employerId: vacancy.employerId };
}

/** The audit's "who" for a link: the route with the link's id (the token itself is never written down). */
export const linkRoute = (route: string, linkId: string) => `${route} [collegamento ${linkId}]`;
