import { OpenApiGeneratorV31, OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "../validation/zod-setup.js";
import type { ErrorCode } from "../errors/app-error.js";
import { HTTP_STATUS } from "./error-status.js";
import { errorCodesOf, registeredRoutes } from "./route-contract.js";
import { healthSchema } from "./routes/health.js";

const fieldErrorSchema = z.object({ field: z.string(), message: z.string() }).openapi("FieldError");

const errorSchema = z
  .object({
    code: z.string().openapi({ example: "VALIDATION_FAILED" }),
    message: z.string().openapi({ example: "Dati non validi: correggere i campi indicati." }),
    fields: z.array(fieldErrorSchema),
  })
  .openapi("Error");

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: "Dati non validi",
  401: "Autenticazione mancante o non valida",
  403: "Ruolo o CPI non autorizzati",
  404: "Non trovato",
  409: "In conflitto con lo stato attuale",
  413: "Troppo grande",
  415: "Tipo di contenuto non supportato",
  422: "Riferimento sconosciuto o regola non rispettata",
  429: "Troppe richieste",
  500: "Errore interno",
  503: "Servizio momentaneamente non disponibile",
};

/** One response per status, naming (and enumerating) the codes the route may answer with under it. */
function errorResponses(codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(HTTP_STATUS[code], [...(byStatus.get(HTTP_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        status,
        {
          description: `${STATUS_DESCRIPTIONS[status] ?? "Errore"}. Codici: ${list.join(", ")}`,
          content: { "application/json": { schema: errorSchema.extend({ code: z.enum(list as [ErrorCode, ...ErrorCode[]]) }) } },
        },
      ]),
  );
}

/** Builds the OpenAPI 3.1 document from the same route contracts that validate requests and check answers. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.register("Error", errorSchema);
  const bearer = registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  registry.registerPath({
    method: "get",
    path: "/health",
    operationId: "getHealth",
    summary: "Stato del servizio: l'archivio e l'indice rispondono (mai limitato, senza autenticazione)",
    tags: ["Servizio"],
    security: [],
    responses: {
      200: { description: "Tutto risponde", content: { "application/json": { schema: healthSchema } } },
      503: { description: "L'archivio o l'indice non rispondono", content: { "application/json": { schema: healthSchema } } },
    },
  });
  for (const { contract: c } of registeredRoutes) {
    const body = c.body
      ? { content: { [c.upload ? "multipart/form-data" : "application/json"]: { schema: c.body } } }
      : undefined;
    const success = c.produces
      ? { content: { [c.produces]: { schema: { type: "string" as const, format: "binary" } } } }
      : c.response
        ? { content: { "application/json": { schema: c.response } } }
        : {};
    registry.registerPath({
      method: c.method,
      path: `/api/v1${c.path.replace(/:(\w+)/g, "{$1}")}`,
      operationId: c.operationId,
      summary: c.summary,
      description: `Ruoli: ${c.roles}.`,
      tags: [c.tag],
      security: c.public ? [] : [{ [bearer.name]: [] }],
      request: { params: c.params as never, query: c.query as never, body },
      responses: {
        [c.successStatus ?? 200]: { description: "Esito positivo", ...success },
        ...errorResponses(errorCodesOf(c)),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Vetrina API",
      version: "1.0.0",
      description: "Vetrina delle opportunità: offerte, persone, ricerca e abbinamento per i Centri per l'impiego.",
    },
    servers: [{ url: "/" }],
  });
}
