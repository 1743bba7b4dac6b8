import { Router } from "express";
import type { AppContext } from "../../context.js";

export function watchListRoutes(_ctx: AppContext): Router {
  return Router();
}
