import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./openapi-types.js";

export type { paths } from "./openapi-types.js";

export interface VetrinaClientOptions {
  /** The service's address, e.g. `http://127.0.0.1:3000` (paths start with `/api/v1`). */
  baseUrl: string;
  /** The bearer token; omit it for the public routes (the employer's link, the document). */
  token?: string;
  fetch?: typeof globalThis.fetch;
}

export type VetrinaClient = Client<paths>;

/**
 * A typed client of the Vetrina API, from the types generated out of /api/openapi.json: paths, parameters,
 * bodies and answers are checked by the compiler (`client.GET("/api/v1/vacancies/{id}", { params: { path: { id } } })`).
 */
export function createVetrinaClient({ baseUrl, token, fetch }: VetrinaClientOptions): VetrinaClient {
  return createClient<paths>({
    baseUrl,
    ...(fetch ? { fetch } : {}),
    ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
  });
}
