// check.mjs — reads the citation downloads of a built site with real parsers and prints what they
// understood, as JSON on stdout, for tests/press.rs to compare with the content files.
//
//   node tests/press/check.mjs <site folder> <ID> [<ID>…]
//
// For each ID: `csl` — the bibliography entry citeproc-js renders from s/<ID>/trich-dan.json with
// the bundled APA 7th edition style and the Vietnamese locale (csl/, no network); `bibtex` — the
// entry @retorquere/bibtex-parser reads from trich-dan.bib; `ris` — the CSL item citation.js
// reads from trich-dan.ris. Parse errors are reported, never swallowed.

import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const CSL = require("citeproc");
const { parse: parseBibtex } = await import("@retorquere/bibtex-parser");
const { plugins } = require("@citation-js/core");
require("@citation-js/plugin-ris");

const here = dirname(fileURLToPath(import.meta.url));
const style = readFileSync(join(here, "csl", "apa.csl"), "utf8");
const locales = {
  "vi-VN": readFileSync(join(here, "csl", "locales-vi-VN.xml"), "utf8"),
  "en-US": readFileSync(join(here, "csl", "locales-en-US.xml"), "utf8"),
};

const [site, ...ids] = process.argv.slice(2);
const out = {};
for (const id of ids) {
  const dir = join(site, "s", id);
  const result = {};

  const items = JSON.parse(readFileSync(join(dir, "trich-dan.json"), "utf8"));
  const byId = Object.fromEntries(items.map((it) => [it.id, it]));
  const engine = new CSL.Engine(
    { retrieveLocale: (lang) => locales[lang] || locales["en-US"], retrieveItem: (key) => byId[key] },
    style,
    "vi-VN",
  );
  engine.setOutputFormat("text");
  engine.updateItems(items.map((it) => it.id));
  const [meta, entries] = engine.makeBibliography();
  result.csl = { text: entries.join("").trim(), errors: meta.bibliography_errors.length };

  const bib = parseBibtex(readFileSync(join(dir, "trich-dan.bib"), "utf8"), { sentenceCase: false });
  result.bibtex = {
    errors: bib.errors.map((e) => e.error || String(e)),
    entries: bib.entries.map((e) => ({ type: e.type, key: e.key, fields: e.fields })),
  };

  const ris = plugins.input.chain(readFileSync(join(dir, "trich-dan.ris"), "utf8"), {
    forceType: "@ris/file",
    generateGraph: false,
  });
  result.ris = ris;
  out[id] = result;
}
process.stdout.write(JSON.stringify(out));
