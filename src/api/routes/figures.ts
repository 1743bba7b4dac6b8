import { Router } from "express";
import type { AppContext } from "../../context.js";

export function figureRoutes(_ctx: AppContext): Router {
  return Router();
}
