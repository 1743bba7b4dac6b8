import { createVetrinaClient, type VetrinaClient } from "../../api-client/create-client.js";
import { storedToken } from "./session.js";

/** A refusal of the API, with its stable code, its Italian message and the offending fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** The typed client on this origin, with the signed-in user's token (none: `null`, for the employer's link). */
export function vetrina(token: string | null = storedToken()): VetrinaClient {
  return createVetrinaClient({ baseUrl: location.origin, ...(token ? { token } : {}) });
}

/** What the typed client resolves to, before it is read. */
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The answer's body, typed as the route declares it, or an ApiError carrying the API's own code, message and fields. */
export async function answer<R extends FetchResult>(request: Promise<R>): Promise<Exclude<R["data"], undefined>> {
  const { data, error, response } = await request;
  if (!response.ok) {
    const body = (error ?? {}) as { code?: string; message?: string; fields?: { field: string; message: string }[] };
    throw new ApiError(response.status, body.code ?? "ERROR", body.message ?? `Il servizio ha risposto ${response.status}`, body.fields ?? []);
  }
  return data as Exclude<R["data"], undefined>;
}

/** Query values from forms and addresses: empty ones are left out rather than sent as "". */
export function clean<Q extends Record<string, unknown>>(query: Q): Q {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== "")) as Q;
}

/** The look-ups behind the autocomplete fields: label shown, code kept. */
export const lookups = {
  comuni: async (q: string) =>
    (await answer(vetrina().GET("/api/v1/comuni", { params: { query: { q } } }))).map((c) => ({
      code: c.istatCode,
      label: `${c.name} (${c.provinceAcronym})`,
    })),
  occupations: async (q: string) =>
    (await answer(vetrina().GET("/api/v1/occupations", { params: { query: { q } } }))).map((o) => ({ code: o.code, label: `${o.label} (${o.code})` })),
  competences: async (q: string) => (await answer(vetrina().GET("/api/v1/competences", { params: { query: { q } } }))).map((c) => ({ code: c.code, label: c.label })),
};

/** Saves an answer the browser cannot fetch by itself (it needs the bearer token) as a file. */
export async function saveFile(request: Promise<FetchResult & { data?: Blob }>, fileName: string): Promise<void> {
  const blob = await answer(request);
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
