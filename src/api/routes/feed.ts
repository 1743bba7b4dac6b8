import { Router } from "express";
import type { AppContext } from "../../context.js";

export function feedRoutes(_ctx: AppContext): Router {
  return Router();
}
