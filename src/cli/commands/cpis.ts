import type { AppContext } from "../../context.js";
import { SYSTEM_ACTOR } from "../../auth/actor.js";
import { parseInput } from "../../errors/app-error.js";
import { splitList } from "../../imports/cell-values.js";
import { runImportCommand } from "../../imports/import-command.js";
import { importCpis } from "../../cpis/import-cpis.js";
import { listCpis, readCatchment } from "../../cpis/cpi-repository.js";
import { closeCpi, createCpi, setCatchment, updateCpi } from "../../cpis/manage-cpis.js";
import { catchmentSetSchema, cpiCloseSchema, cpiCreateSchema, cpiUpdateSchema, type CpiView } from "../../cpis/cpi-schemas.js";
import { runUserCommand, UsageError } from "./user-commands.js";

const USAGE = `Uso: npm run cli -- cpis <azione> …

  list [--province PR]                        elenca i CPI (anche chiusi) con il numero di comuni del bacino
  create --code CODICE --name "Nome" --comune COMUNE [--address "…"] [--email …] [--bacino "Comune; Comune; …"]
  update CODICE [--name …] [--comune …] [--address …] [--email …]
  close CODICE [--transfer-to CODICE]         chiude il CPI; il bacino passa all'altro CPI se indicato
  bacino CODICE [--set "Comune; Comune; …"]  mostra il bacino o lo sostituisce
  import file.xlsx|file.csv [--dry-run]       importa l'elenco dei CPI (colonne: Codice, Nome, Provincia, Comune sede,
                                              Indirizzo, Email, Bacino), con barra di avanzamento e resoconto

I comuni si indicano per nome ("Carpi", "Samone (TO)") o codice ISTAT. Si agisce come amministratore (sistema).`;

const OPTIONS = {
  code: { type: "string" },
  name: { type: "string" },
  comune: { type: "string" },
  address: { type: "string" },
  email: { type: "string" },
  bacino: { type: "string" },
  set: { type: "string" },
  province: { type: "string" },
  "transfer-to": { type: "string" },
  "dry-run": { type: "boolean" },
} as const;

const line = (c: CpiView) =>
  `${c.code.padEnd(32)} ${c.name} (${c.comune.name}, ${c.provinceAcronym}) · bacino ${c.catchmentSize} comuni${c.provisional ? " · provvisorio" : ""}${c.closedAt ? ` · chiuso ${c.closedAt.slice(0, 10)}` : ""}`;

/** `npm run cli -- cpis <list|create|update|close|bacino|import> …`: the CPI routes' use-cases, as the system. */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === "import") return runImportCommand(ctx, rest, "cpis import", importCpis);
  // update, close and bacino name the CPI first: `cpis close MO-CARPI --transfer-to MO-MODENA`.
  const named = ["update", "close", "bacino"].includes(action ?? "") && rest[0] !== undefined && !rest[0].startsWith("--") ? rest[0].toUpperCase() : undefined;
  return runUserCommand(named ? rest.slice(1) : rest, USAGE, OPTIONS, async (values) => {
    const code = () => {
      if (!named) throw new UsageError("Indicare il codice del CPI.");
      return named;
    };
    switch (action) {
      case "list":
        for (const c of await listCpis(ctx.db, { province: values.province })) console.log(line(c));
        return 0;
      case "create": {
        const input = parseInput(cpiCreateSchema, { code: values.code, name: values.name, comuneIstatCode: values.comune, address: values.address, email: values.email, catchment: values.bacino === undefined ? undefined : splitList(values.bacino) });
        console.log(`CPI creato: ${line(await createCpi(ctx, SYSTEM_ACTOR, input))}`);
        return 0;
      }
      case "update": {
        const input = parseInput(cpiUpdateSchema, { name: values.name, comuneIstatCode: values.comune, address: values.address, email: values.email });
        if (Object.values(input).every((v) => v === undefined)) throw new UsageError("Nessun campo da modificare.");
        console.log(`CPI aggiornato: ${line(await updateCpi(ctx, SYSTEM_ACTOR, code(), input))}`);
        return 0;
      }
      case "close": {
        const input = parseInput(cpiCloseSchema, { transferCatchmentTo: values["transfer-to"]?.toUpperCase() });
        console.log(`CPI chiuso: ${line(await closeCpi(ctx, SYSTEM_ACTOR, code(), input))}`);
        return 0;
      }
      case "bacino": {
        const view =
          values.set === undefined
            ? await readCatchment(ctx.db, code())
            : await setCatchment(ctx, SYSTEM_ACTOR, code(), parseInput(catchmentSetSchema, { comuni: splitList(values.set) }).comuni);
        console.log(`Bacino di ${view.cpiCode}: ${view.comuni.length} comuni`);
        for (const c of view.comuni) console.log(`  ${c.istatCode} ${c.name} (${c.provinceAcronym})`);
        for (const m of view.moved) console.log(`  spostato dal bacino di ${m.fromCpiCode}: ${m.istatCode}`);
        return 0;
      }
      default:
        throw new UsageError(action ? `Azione sconosciuta: ${action}` : "Indicare l'azione.");
    }
  });
}
