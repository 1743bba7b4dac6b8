import express, { type Express } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { AppContext } from "../context.js";
import { identifyCaller, requireActor } from "../auth/authenticate.js";
import { anonymousRateLimit, tokenRateLimit } from "../auth/rate-limits.js";
import { AppError } from "../errors/app-error.js";
import { errorHandler } from "./error-handler.js";
import { buildOpenApiDocument } from "./openapi.js";
import { vacancyRoutes } from "./routes/vacancies.js";
import { shortlistRoutes } from "./routes/shortlists.js";
import { candidateRoutes } from "./routes/candidates.js";
import { employerRoutes } from "./routes/employers.js";
import { referenceRoutes } from "./routes/reference.js";
import { userRoutes } from "./routes/users.js";
import { healthRoute } from "./routes/health.js";
import { fileRoutes } from "./routes/files.js";
import { auditRoutes } from "./routes/audit.js";
import { matchRoutes } from "./routes/matches.js";
import { jobRoutes } from "./routes/jobs.js";
import { referentRoutes } from "./routes/referents.js";
import { proposalRoutes } from "./routes/proposals.js";
import { emailRoutes } from "./routes/emails.js";
import { congruaOfferRoutes } from "./routes/congrua-offers.js";
import { conditionalityRoutes } from "./routes/conditionality.js";
import { deadlineRoutes } from "./routes/deadlines.js";
import { figureRoutes } from "./routes/figures.js";
import { feedRoutes } from "./routes/feed.js";
import { watchListRoutes } from "./routes/watch-list.js";
import { trendRoutes } from "./routes/trends.js";
import { shortlistLinkRoutes } from "./routes/shortlist-links.js";
import { employerLinkAccessRoutes } from "./routes/employer-link-access.js";
import { cpiRoutes } from "./routes/cpis.js";
import { proximityRoutes } from "./routes/proximity.js";
import { backupRoutes } from "./routes/backups.js";
import { webPages } from "../web/web-pages.js";

export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "extended");
  app.set("trust proxy", ctx.env.TRUST_PROXY);
  app.use(helmet());
  app.use(pinoHttp({ logger: ctx.log, autoLogging: ctx.env.NODE_ENV !== "test" }));
  // Every /api/v1 answer may hold personal data, refusals included: no cache may keep it.
  app.use("/api/v1", (_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });

  // Before any limit, so a monitor or a load balancer never gets 429.
  app.get("/health", healthRoute(ctx));
  // The pages and their assets carry no data and take no token: an office behind one address must not hit the limits.
  app.use(webPages(ctx));
  app.use(identifyCaller({ db: ctx.db, log: ctx.log, ttlDays: ctx.env.TOKEN_TTL_DAYS }));
  app.use(anonymousRateLimit(ctx.env.RATE_LIMIT_ANONYMOUS_PER_MINUTE), tokenRateLimit(ctx.env.RATE_LIMIT_PER_MINUTE));
  app.use(express.json({ limit: ctx.env.BODY_LIMIT, strict: true }));

  const openapi = buildOpenApiDocumentLazily();
  app.get("/api/openapi.json", (_req, res) => {
    res.json(openapi());
  });

  // The employer's link to a sent list (/api/v1/link/...): the token in the path is the credential (no account,
  // no bearer token). Mounted at /api/v1 so its contracts' paths are the real ones in /api/openapi.json.
  app.use("/api/v1", employerLinkAccessRoutes(ctx));

  const v1 = express.Router();
  v1.use(requireActor);
  // Files first: their fixed paths must win over /vacancies/:id.
  v1.use(fileRoutes(ctx));
  v1.use(vacancyRoutes(ctx));
  v1.use(shortlistRoutes(ctx));
  v1.use(matchRoutes(ctx));
  v1.use(candidateRoutes(ctx));
  v1.use(employerRoutes(ctx));
  v1.use(referenceRoutes(ctx));
  v1.use(userRoutes(ctx));
  v1.use(auditRoutes(ctx));
  v1.use(jobRoutes(ctx));
  v1.use(referentRoutes(ctx));
  v1.use(proposalRoutes(ctx));
  v1.use(emailRoutes(ctx));
  v1.use(congruaOfferRoutes(ctx));
  v1.use(conditionalityRoutes(ctx));
  v1.use(deadlineRoutes(ctx));
  v1.use(figureRoutes(ctx));
  v1.use(feedRoutes(ctx));
  v1.use(watchListRoutes(ctx));
  v1.use(trendRoutes(ctx));
  v1.use(shortlistLinkRoutes(ctx));
  v1.use(cpiRoutes(ctx));
  v1.use(proximityRoutes(ctx));
  v1.use(backupRoutes(ctx));
  app.use("/api/v1", v1);

  app.use((req, _res, next) => next(new AppError("NOT_FOUND", `Percorso inesistente: ${req.method} ${req.path}`)));
  app.use(errorHandler(ctx.log));
  return app;
}

/** Routes register their contracts while mounting, so the document is built on first request. */
function buildOpenApiDocumentLazily() {
  let doc: ReturnType<typeof buildOpenApiDocument> | undefined;
  return () => (doc ??= buildOpenApiDocument());
}
