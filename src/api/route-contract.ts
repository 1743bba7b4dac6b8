import type { Request, Response, Router } from "express";
import { z } from "../validation/zod-setup.js";
import type { Actor } from "../auth/actor.js";
import { actorOf } from "../auth/authenticate.js";
import { AppError, parseInput, type ErrorCode } from "../errors/app-error.js";

type Method = "get" | "post" | "patch" | "put" | "delete";

/** Codes every route may answer with, whatever it does: they are documented without being declared. */
const EVERY_ROUTE: readonly ErrorCode[] = ["VALIDATION_FAILED", "RATE_LIMITED", "INTERNAL", "UNAVAILABLE"];
const AUTHENTICATED: readonly ErrorCode[] = ["UNAUTHENTICATED", "FORBIDDEN"];
const JSON_BODY: readonly ErrorCode[] = ["MALFORMED_JSON", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"];
const UPLOAD: readonly ErrorCode[] = ["MALFORMED_UPLOAD", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"];

interface ContractBase<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  path: string;
  /** Stable camelCase English name of the operation: what generated clients call it. */
  operationId: string;
  summary: string;
  tag: string;
  roles: string;
  params?: P;
  /** Without one the route takes no query parameters; every query schema is made strict. */
  query?: Q;
  body?: B;
  /** The codes this route answers with beyond those of every route (see `errorCodesOf`). */
  errors?: readonly ErrorCode[];
  /** Multipart upload instead of JSON (documented, parsed by the route's own middleware). */
  upload?: boolean;
  successStatus?: number;
  public?: boolean;
}

/** What comes back on success: a JSON body with its schema, a file, or nothing (204). One of them, always. */
type SuccessBody =
  | { response: z.ZodType; produces?: undefined }
  /** Non-JSON answers (files) are written by the handler itself. */
  | { produces: string; response?: undefined }
  | { successStatus: 204; response?: undefined; produces?: undefined };

/**
 * A route's contract: its path, schemas and documentation in one object. The same object validates
 * requests, documents the answers in /api/openapi.json and, under the tests, checks every answer.
 */
export type RouteContract<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = ContractBase<P, Q, B> & SuccessBody;

export type AnyRouteContract = RouteContract<z.ZodType, z.ZodType, z.ZodType>;

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
  contract: AnyRouteContract;
}

export const registeredRoutes: RegisteredRoute[] = [];

/** Every code a route may answer with: those of every route, of its kind (authenticated, body, upload) and its own. */
export function errorCodesOf(contract: AnyRouteContract): ErrorCode[] {
  const body = contract.upload ? UPLOAD : contract.body ? JSON_BODY : [];
  return [...new Set([...EVERY_ROUTE, ...(contract.public ? [] : AUTHENTICATED), ...body, ...(contract.errors ?? [])])];
}

/**
 * Under the tests every answer is parsed with its contract's schema, and every refusal's code must be declared,
 * so the document cannot drift from the service: a mismatch is a loud 500 naming the route and the path.
 */
const checkAnswers = (): boolean => process.env.NODE_ENV === "test";

export function mountRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  router: Router,
  contract: RouteContract<P, Q, B>,
  handler: (input: HandlerInput<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<unknown>,
  middleware: ((req: Request, res: Response, next: (err?: unknown) => void) => void)[] = [],
): void {
  const registered = contract as unknown as AnyRouteContract;
  if (!registeredRoutes.some((r) => r.contract.method === contract.method && r.contract.path === contract.path)) {
    registeredRoutes.push({ contract: registered });
  }
  const query = strictQuery(contract.query);
  const route = `${contract.method.toUpperCase()} ${contract.path}`;
  const allowedCodes = new Set(errorCodesOf(registered));
  router[contract.method](contract.path, ...middleware, async (req: Request, res: Response) => {
    if (contract.method === "patch") assertSomethingToChange(req.body);
    const input = {
      params: contract.params ? parseInput(contract.params, req.params) : {},
      query: parseInput(query, req.query ?? {}),
      body: contract.body ? parseInput(contract.body, req.body ?? {}) : {},
      actor: contract.public ? (undefined as unknown as Actor) : actorOf(res),
      req,
      res,
      route,
    } as HandlerInput<z.infer<P>, z.infer<Q>, z.infer<B>>;
    let result: unknown;
    try {
      result = await handler(input);
    } catch (err) {
      if (checkAnswers() && err instanceof AppError && !allowedCodes.has(err.code)) {
        return mismatch(req, res, route, [{ field: "(errore)", message: `codice ${err.code} non dichiarato nel contratto (errors): ${err.message}` }]);
      }
      throw err;
    }
    if (res.headersSent) return;
    if (checkAnswers() && !contract.produces) {
      const problems = answerProblems(contract.response, result);
      if (problems.length > 0) return mismatch(req, res, route, problems);
    }
    if (result === undefined) res.status(contract.successStatus ?? 204).end();
    else res.status(contract.successStatus ?? 200).json(result);
  });
}

function answerProblems(schema: z.ZodType | undefined, result: unknown): { field: string; message: string }[] {
  if (schema === undefined) {
    return result === undefined ? [] : [{ field: "(corpo)", message: "il contratto non dichiara una risposta (204) ma il gestore ha restituito un corpo" }];
  }
  if (result === undefined) return [{ field: "(corpo)", message: "il gestore non ha restituito nulla ma il contratto dichiara una risposta" }];
  // What goes on the wire: dates as strings, undefined fields dropped.
  const parsed = schema.safeParse(JSON.parse(JSON.stringify(result)));
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ field: i.path.join(".") || "(corpo)", message: i.message }));
}

function mismatch(req: Request, res: Response, route: string, fields: { field: string; message: string }[]): void {
  req.log?.error({ route, fields }, "risposta diversa dal contratto");
  // The tests' logger is silent: say it where the person running them looks.
  process.stderr.write(`RESPONSE_SCHEMA_MISMATCH ${route} ${JSON.stringify(fields)}\n`);
  res.status(500).json({ code: "RESPONSE_SCHEMA_MISMATCH", message: `La risposta di ${route} non corrisponde al contratto dichiarato.`, fields });
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
