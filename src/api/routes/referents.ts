import { Router } from "express";
import type { AppContext } from "../../context.js";

export function referentRoutes(_ctx: AppContext): Router {
  return Router();
}
