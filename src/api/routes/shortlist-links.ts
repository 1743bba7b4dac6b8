import { Router } from "express";
import type { AppContext } from "../../context.js";

export function shortlistLinkRoutes(_ctx: AppContext): Router {
  return Router();
}
