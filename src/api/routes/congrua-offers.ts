import { Router } from "express";
import type { AppContext } from "../../context.js";

export function congruaOfferRoutes(_ctx: AppContext): Router {
  return Router();
}
