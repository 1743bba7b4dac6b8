import type { Request, Response, Router } from "express";
import type { z } from "zod";
import type { Actor } from "../auth/actor.js";
import { actorOf } from "../auth/authenticate.js";
import { parseInput } from "./errors.js";

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
  query?: Q;
  body?: B;
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
  router[contract.method](contract.path, ...middleware, async (req: Request, res: Response) => {
    const input = {
      params: contract.params ? parseInput(contract.params, req.params) : {},
      query: contract.query ? parseInput(contract.query, req.query ?? {}) : {},
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
