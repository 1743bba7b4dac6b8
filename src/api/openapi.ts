import { OpenApiGeneratorV31, OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "../validation/zod-setup.js";
import { registeredRoutes } from "./route-contract.js";

const errorSchema = z
  .object({
    code: z.string().openapi({ example: "VALIDATION_FAILED" }),
    message: z.string().openapi({ example: "Dati non validi: correggere i campi indicati." }),
    fields: z.array(z.object({ field: z.string(), message: z.string() })),
  })
  .openapi("Error");

/** Builds the OpenAPI 3.1 document from the same route contracts that validate requests. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.register("Error", errorSchema);
  const bearer = registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorSchema } } });
  for (const { contract: c } of registeredRoutes) {
    const body = c.body
      ? { content: { [c.upload ? "multipart/form-data" : "application/json"]: { schema: c.body } } }
      : undefined;
    registry.registerPath({
      method: c.method,
      path: `/api/v1${c.path.replace(/:(\w+)/g, "{$1}")}`,
      summary: c.summary,
      description: `Ruoli: ${c.roles}.`,
      tags: [c.tag],
      security: c.public ? [] : [{ [bearer.name]: [] }],
      request: { params: c.params as never, query: c.query as never, body },
      responses: {
        [c.successStatus ?? 200]: {
          description: "Esito positivo",
          ...(c.produces ? { content: { [c.produces]: { schema: { type: "string", format: "binary" } } } } : {}),
          ...(c.response && !c.produces ? { content: { "application/json": { schema: c.response } } } : {}),
        },
        400: errorResponse("Dati non validi"),
        401: errorResponse("Autenticazione mancante o non valida"),
        403: errorResponse("Ruolo o CPI non autorizzati"),
        404: errorResponse("Non trovato"),
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
