import { Router } from "express";
import type { AppContext } from "../../context.js";

// Placeholder: imports and exports of the showcase and of job seekers are mounted here.
export function fileRoutes(_ctx: AppContext): Router {
  return Router();
}
