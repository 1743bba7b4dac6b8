import { Router } from "express";
import type { AppContext } from "../../context.js";

export function employerLinkAccessRoutes(_ctx: AppContext): Router {
  return Router();
}
