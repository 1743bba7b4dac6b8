import { Router } from "express";
import type { AppContext } from "../../context.js";

/** Occupations of proximity and competence gaps, for a person or a group. */
export function proximityRoutes(_ctx: AppContext): Router {
  return Router();
}
