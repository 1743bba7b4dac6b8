import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where the bundle goes: not committed, rebuilt by `npm start` and `npm test`. */
export const WEB_DIST = path.join(root, "dist", "web");

/** Replaces a file in one step: a test file building while another one's server reads never sees half a bundle. */
function writeAtomically(file: string, contents: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/** Bundles the web client (Preact + htm) and copies its stylesheet: everything the pages load is served by us. */
export async function buildWeb(): Promise<void> {
  fs.mkdirSync(WEB_DIST, { recursive: true });
  const result = await build({
    entryPoints: [path.join(root, "src/web/client/main.ts")],
    outfile: path.join(WEB_DIST, "app.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: true,
    legalComments: "linked",
    logLevel: "warning",
    write: false,
  });
  for (const output of result.outputFiles) writeAtomically(output.path, output.contents);
  writeAtomically(path.join(WEB_DIST, "app.css"), fs.readFileSync(path.join(root, "src/web/client/styles.css")));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWeb();
}
