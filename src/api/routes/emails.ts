import { Router } from "express";
import type { AppContext } from "../../context.js";

export function emailRoutes(_ctx: AppContext): Router {
  return Router();
}
