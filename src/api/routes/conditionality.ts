import { Router } from "express";
import type { AppContext } from "../../context.js";

export function conditionalityRoutes(_ctx: AppContext): Router {
  return Router();
}
