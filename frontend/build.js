// Bundles the widget and the console into the files Django serves (both committed, so running
// the product needs no Node): `npm run build`.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = dirname(dirname(fileURLToPath(import.meta.url)));

const bundles = [
  { entry: "frontend/widget/main.js", outfile: "static/widget/widget.js" },
  { entry: "frontend/console/main.js", outfile: "static/console/console.js" },
];

// The entry's opening comment heads the built file, with a note on where the sources are.
function banner(entry) {
  const source = readFileSync(join(root, entry), "utf8");
  const match = source.match(/^\/\*[\s\S]*?\*\//);
  const note = `/* Built by esbuild from ${dirname(entry)}/ (npm run build): edit those sources, not this file. */`;
  return [match ? match[0] : null, note, '"use strict";'].filter(Boolean).join("\n");
}

for (const { entry, outfile } of bundles) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "iife",
    target: "es2019",
    platform: "browser",
    loader: { ".css": "text" },
    banner: { js: banner(entry) },
    minify: false,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
}
