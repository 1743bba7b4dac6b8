import type { Request, Response, Router } from "express";
import { z } from "../validation/zod-setup.js";
import type { Actor } from "../auth/actor.js";
import { actorOf } from "../auth/authenticate.js";
import { AppError, parseInput } from "../errors/app-error.js";

type Method = "get" | "post" | "patch" | "put" | "delete";

/**
 * A route's contract: its path, schemas and documentation in one object. The same object validates
 * requests and feeds /api/openapi.json, so the two cannot disagree.
 */
export interface RouteContract<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  roles: string;
  params?: P;
  /** Without one the route takes no query parameters; every query schema is made strict. */
  query?: Q;
  body?: B;
  /** What the route answers with on success: documented in /api/openapi.json. */
  response?: z.ZodType;
  /** Multipart upload instead of JSON (documented, parsed by the route's own middleware). */
  upload?: boolean;
  /** Non-JSON answers (files) are written by the handler itself. */
  produces?: string;
  successStatus?: number;
  public?: boolean;
}

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  req: Request;
  res: Response;
  route: string;
}

export interface RegisteredRoute {
  contract: RouteContract<z.ZodType, z.ZodType, z.ZodType>;
}

export const registeredRoutes: RegisteredRoute[] = [];

export function mountRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  router: Router,
  contract: RouteContract<P, Q, B>,
  handler: (input: HandlerInput<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<unknown>,
  middleware: ((req: Request, res: Response, next: (err?: unknown) => void) => void)[] = [],
): void {
  if (!registeredRoutes.some((r) => r.contract.method === contract.method && r.contract.path === contract.path)) {
    registeredRoutes.push({ contract: contract as unknown as RouteContract<z.ZodType, z.ZodType, z.ZodType> });
  }
  const query = strictQuery(contract.query);
  router[contract.method](contract.path, ...middleware, async (req: Request, res: Response) => {
    if (contract.method === "patch") assertSomethingToChange(req.body);
    const input = {
      params: contract.params ? parseInput(contract.params, req.params) : {},
      query: parseInput(query, req.query ?? {}),
      body: contract.body ? parseInput(contract.body, req.body ?? {}) : {},
      actor: contract.public ? (undefined as unknown as Actor) : actorOf(res),
      req,
      res,
      route: `${contract.method.toUpperCase()} ${contract.path}`,
    } as HandlerInput<z.infer<P>, z.infer<Q>, z.infer<B>>;
    const result = await handler(input);
    if (res.headersSent) return;
    if (result === undefined) res.status(contract.successStatus ?? 204).end();
    else res.status(contract.successStatus ?? 200).json(result);
  });
}

const NO_QUERY = z.object({}).strict();

/** Unknown query parameters are refused on every route, named in the error, rather than ignored. */
function strictQuery(schema: z.ZodType | undefined): z.ZodType {
  if (schema === undefined) return NO_QUERY;
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}

/** A PATCH that names no field would change nothing: refused whatever the route. */
function assertSomethingToChange(body: unknown): void {
  const isObject = typeof body === "object" && body !== null && !Array.isArray(body);
  if (isObject && Object.keys(body).length > 0) return;
  if (!isObject && body !== undefined) return; // not an object at all: the body schema names the problem
  throw new AppError("VALIDATION_FAILED", "Nessun campo da modificare: il corpo della richiesta non contiene campi.", [
    { field: "(corpo)", message: "Nessun campo da modificare" },
  ]);
}
