import { Router } from "express";
import type { AppContext } from "../../context.js";

export function trendRoutes(_ctx: AppContext): Router {
  return Router();
}
