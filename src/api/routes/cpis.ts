import { Router } from "express";
import type { AppContext } from "../../context.js";

/** CPIs and their catchment areas: created, changed, closed and imported by administrators. */
export function cpiRoutes(_ctx: AppContext): Router {
  return Router();
}
