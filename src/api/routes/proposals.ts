import { Router } from "express";
import type { AppContext } from "../../context.js";

export function proposalRoutes(_ctx: AppContext): Router {
  return Router();
}
