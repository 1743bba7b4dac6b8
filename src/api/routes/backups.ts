import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { assertAllowed, requireRole } from "../../auth/policies.js";
import { backupOnDemand } from "../../backup/on-demand-backup.js";
import { z } from "../../validation/zod-setup.js";

export const takeBackupResponseSchema = z.strictObject({
  file: z.string().describe("Nome del file nella cartella dei backup (BACKUP_DIR)"),
  bytes: z.number(),
  tables: z.number(),
  rows: z.number(),
  removed: z.number().describe("Backup più vecchi rimossi perché ne restino BACKUP_KEEP"),
});

/** A backup on demand, for an administrator without shell access (the nightly one runs by itself). */
export function backupRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    {
      operationId: "takeBackup", response: takeBackupResponseSchema, successStatus: 201, errors: ["CONFLICT"], method: "post", path: "/backups", tag: "Backup",
      summary: "Esegue subito un backup verificato del database nella cartella dei backup, come quello notturno (409 se un altro backup è in corso)", roles: "admin",
      body: z.strictObject({}),
    },
    async ({ actor, route }) => {
      assertAllowed(requireRole(actor, ["admin"]));
      return backupOnDemand(ctx, actor, route);
    },
  );
  return r;
}
