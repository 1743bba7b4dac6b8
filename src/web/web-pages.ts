import { Router } from "express";
import type { AppContext } from "../context.js";

/** The web interface served by Vetrina itself, on the same API. */
export function webPages(_ctx: AppContext): Router {
  return Router();
}
