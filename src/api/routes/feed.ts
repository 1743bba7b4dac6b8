import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { feedQuery, feedSeenBody } from "../../feed/feed-schemas.js";
import { readFeed } from "../../feed/read-feed.js";
import { markFeedSeen } from "../../feed/mark-feed-seen.js";
import { feedAtom } from "../../feed/feed-atom.js";
import { feedPageSchema, markFeedSeenResponseSchema } from "../../feed/feed-schemas.js";

const tag = "Notiziario";
const roles = "operatori (admin, referente, tutor, navigator): solo il proprio notiziario; le aziende no (403)";
const ATOM = "application/atom+xml";

/** Each user's feed: what happened to their people, proposals and vacancies, newest first. */
export function feedRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "readFeed", response: feedPageSchema, method: "get", path: "/feed", tag, summary: "Il proprio notiziario dal più recente, con cursore (nextCursor), tipo, titolo e riepilogo in italiano, collegamenti (offerta, persona) e segno di visto; unseen=true solo i non visti", roles, query: feedQuery },
    ({ actor, query }) => readFeed(ctx, actor, query),
  );
  mountRoute(
    r,
    { operationId: "readFeedAtom", method: "get", path: "/feed.atom", tag, summary: "Lo stesso notiziario in Atom (per programmi di posta e intranet): titoli e riepiloghi in italiano, solo codici e dati delle offerte, nessun dato personale", roles, query: feedQuery, produces: ATOM },
    async ({ actor, query, req, res }) => {
      const baseUrl = `${req.protocol}://${req.get("host") ?? "localhost"}`;
      const atom = feedAtom(await readFeed(ctx, actor, query), { baseUrl, selfUrl: `${baseUrl}${req.originalUrl}`, userId: actor.userId, now: new Date() });
      res.status(200).type(`${ATOM}; charset=utf-8`).send(atom);
    },
  );
  mountRoute(
    r,
    { operationId: "markFeedSeen", response: markFeedSeenResponseSchema, errors: ["NOT_FOUND"], method: "post", path: "/feed/seen", tag, summary: "Segna visti i propri elementi: quelli indicati (ids) o tutti fino a uno (upTo, compreso); risponde con quanti ne ha segnati", roles, body: feedSeenBody },
    ({ actor, body }) => markFeedSeen(ctx, actor, body),
  );
  return r;
}
