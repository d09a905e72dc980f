// Parity harness: runs the real browser client (themes/default/static/search.js) in node
// over an exported index and compares it with tantivy's answers.
//
// usage: node parity.mjs <site dir holding search/> <expected.json>
// expected.json (written by tests/search_parity.rs): analyzer goldens, the field-norm
// table, and queries with tantivy's plan and top hits. Prints a JSON summary; exits 1
// when a check fails.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const client = await import(path.join(here, '../../themes/default/static/search.js'));

const [dir, expectedPath] = process.argv.slice(2);
const expected = JSON.parse(await readFile(expectedPath, 'utf8'));
const fsFetch = (url) => readFile(url, 'utf8');
const failures = [];
const fail = (what) => {
  if (failures.length < 40) failures.push(what);
};

// 1. Analyzer goldens, fold table, field norms.
const index = new client.SearchIndex(path.join(dir, 'search') + '/', fsFetch);
await index.open();
const table = await index.json('fold.json');
const fullFold = client.makeFold(table);
for (const c of client.VIETNAMESE_LETTERS) {
  if (client.builtinFold(c) !== table[c]) fail(`builtin fold of ${c}: ${client.builtinFold(c)} vs ${table[c]}`);
}
let analyzerChecked = 0;
for (const g of expected.analyzer) {
  const prepared = client.prepare(g.text);
  if (prepared !== g.prepared) fail(`prepare ${JSON.stringify(g.text)}: ${JSON.stringify(prepared)}`);
  const got = client.analyze(g.text, fullFold).map((t) => [t.exact, t.folded, t.joined]);
  if (JSON.stringify(got) !== JSON.stringify(g.tokens)) {
    fail(`analyze ${JSON.stringify(g.text)}: ${JSON.stringify(got)} vs ${JSON.stringify(g.tokens)}`);
  }
  analyzerChecked++;
}
if (JSON.stringify(client.ID_TO_FIELDNORM) !== JSON.stringify(expected.fieldnorms)) fail('field-norm table');
for (const [tokens, id] of expected.fieldnormIds) {
  if (client.fieldnormToId(tokens) !== id) fail(`fieldnormToId(${tokens})`);
}

// 2. Queries: plan, exhaustive scores, NRA scores.
const close = (a, b) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));
const near = (a, b) => Math.abs(a - b) <= 2e-6 * Math.max(1, Math.abs(b));

/** Compares a top-k with tantivy's (which holds more hits than k, for ties at the cut). */
function compare(got, want, k) {
  const top = want.slice(0, k);
  if (got.length !== top.length) return { ok: false, why: `length ${got.length} vs ${top.length}` };
  let identical = true;
  for (let i = 0; i < top.length; i++) {
    const [ord, score] = top[i];
    if (!close(got[i].score, score)) return { ok: false, why: `rank ${i}: score ${got[i].score} vs ${score}` };
    if (got[i].ord !== ord) {
      identical = false;
      // A permutation within a tie (scores 1 ulp apart) is allowed.
      const other = want.find(([o]) => o === got[i].ord);
      if (!other || !near(other[1], score)) return { ok: false, why: `rank ${i}: ord ${got[i].ord} vs ${ord}` };
    }
  }
  return { ok: true, identical };
}

const stats = { queries: 0, plans: 0, exhaustive: { identical: 0, ties: 0 }, nra: { identical: 0, ties: 0, rankSafe: 0, approximate: 0, minRecall: 1 }, maxRelDiff: 0, byKind: {} };
for (const q of expected.queries) {
  stats.queries++;
  const kind = (stats.byKind[q.kind] ??= { n: 0, ok: 0 });
  kind.n++;
  const plan = await index.plan(q.text);
  const mine = plan.map((c) => [c.field, c.term, c.boost]);
  const key = (x) => JSON.stringify(x.map(([a, b, c]) => [a, b, Math.fround(c)]).sort());
  if (key(mine) !== key(q.plan)) {
    fail(`plan ${JSON.stringify(q.text)}: ${JSON.stringify(mine)} vs ${JSON.stringify(q.plan)}`);
    continue;
  }
  stats.plans++;
  let ok = true;
  const ex = await client.search(index, q.text, q.filters, { k: expected.k, exhaustive: true });
  const c1 = compare(ex.hits, q.hits, expected.k);
  if (!c1.ok) {
    ok = false;
    fail(`exhaustive ${JSON.stringify(q.text)} ${JSON.stringify(q.filters)}: ${c1.why}`);
  } else {
    stats.exhaustive[c1.identical ? 'identical' : 'ties']++;
    ex.hits.forEach((h, i) => {
      const rel = Math.abs(h.score - q.hits[i][1]) / Math.max(1, Math.abs(q.hits[i][1]));
      stats.maxRelDiff = Math.max(stats.maxRelDiff, rel);
    });
  }
  const nra = await client.search(index, q.text, q.filters, { k: expected.k });
  if (nra.rankSafe) {
    stats.nra.rankSafe++;
    const c2 = compare(nra.hits, q.hits, expected.k);
    if (!c2.ok) {
      ok = false;
      fail(`nra ${JSON.stringify(q.text)} ${JSON.stringify(q.filters)}: ${c2.why}`);
    } else stats.nra[c2.identical ? 'identical' : 'ties']++;
  } else {
    stats.nra.approximate++;
    const want = new Set(q.hits.slice(0, expected.k).map(([o]) => o));
    const recall = want.size ? nra.hits.filter((h) => want.has(h.ord)).length / want.size : 1;
    stats.nra.minRecall = Math.min(stats.nra.minRecall, recall);
    if (recall < 0.9) {
      ok = false;
      fail(`nra (budget) ${JSON.stringify(q.text)}: recall ${recall}`);
    }
  }
  if (ok) kind.ok++;
}
if (stats.nra.approximate > 0.1 * stats.queries) fail(`${stats.nra.approximate} queries not rank-safe`);

console.log(JSON.stringify({ analyzerChecked, ...stats, failures }, null, 1));
process.exit(failures.length ? 1 : 0);
