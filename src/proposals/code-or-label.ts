import { foldName } from "../reference/fold-name.js";
import { z } from "../validation/zod-setup.js";

const folded = (value: string) => foldName(value.replace(/_/g, " "));

/**
 * A value of a fixed list as operators type it: its code ("rosa_completa") or its Italian label ("Rosa
 * già completa", any case or accents); answers the code. Unknown values name the codes allowed.
 */
export function codeOrLabel<C extends string>(codes: readonly C[], labels: Record<C, string>, what: string) {
  const byFolded = new Map<string, C>(codes.flatMap((c): [string, C][] => [[folded(c), c], [folded(labels[c]), c]]));
  return z
    .string({ error: `${what}: uno fra ${codes.join(", ")}` })
    .transform((value, ctx): C => {
      const code = byFolded.get(folded(value));
      if (code) return code;
      ctx.addIssue({ code: "custom", message: `${what} sconosciuto «${value}»: uno fra ${codes.map((c) => `${c} («${labels[c]}»)`).join(", ")}` });
      return z.NEVER;
    })
    .describe(`${what}: codice o etichetta italiana (${codes.join(", ")})`);
}
