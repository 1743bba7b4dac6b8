import { Router } from "express";
import type { AppContext } from "../../context.js";

export function deadlineRoutes(_ctx: AppContext): Router {
  return Router();
}
