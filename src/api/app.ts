import express, { type Express } from "express";
import helmet from "helmet";
import { rateLimit } from "express-rate-limit";
import { pinoHttp } from "pino-http";
import type { AppContext } from "../context.js";
import { authenticate } from "../auth/authenticate.js";
import { AppError } from "./errors.js";
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

export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "extended");
  app.use(helmet());
  app.use(pinoHttp({ logger: ctx.log, autoLogging: ctx.env.NODE_ENV !== "test" }));
  if (ctx.env.RATE_LIMIT_PER_MINUTE > 0) {
    app.use(
      rateLimit({
        windowMs: 60_000,
        limit: ctx.env.RATE_LIMIT_PER_MINUTE,
        standardHeaders: "draft-8",
        legacyHeaders: false,
        handler: (_req, _res, next) => next(new AppError("RATE_LIMITED", "Troppe richieste: riprovare tra un minuto.")),
      }),
    );
  }
  app.use(express.json({ limit: ctx.env.BODY_LIMIT, strict: true }));

  app.get("/health", healthRoute(ctx));
  const openapi = buildOpenApiDocumentLazily();
  app.get("/api/openapi.json", (_req, res) => {
    res.json(openapi());
  });

  const v1 = express.Router();
  v1.use(authenticate(ctx.db));
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
