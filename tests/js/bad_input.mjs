// Bad input through the JS client: no exception, bounded results, highlight ranges
// inside the text; and no HTML sink or eval anywhere in the client's source.
// usage: node bad_input.mjs <dir holding search/> <queries.json>

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = path.dirname(fileURLToPath(import.meta.url));
const clientPath = path.join(here, '../../themes/default/static/search.js');
const client = await import(clientPath);
const [dir, queriesPath] = process.argv.slice(2);
const queries = JSON.parse(await readFile(queriesPath, 'utf8'));
const index = new client.SearchIndex(path.join(dir, 'search') + '/', (u) => readFile(u, 'utf8'));

const source = await readFile(clientPath, 'utf8');
for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'setTimeout(\'', 'srcdoc']) {
  assert.ok(!source.includes(sink), `search.js must not use ${sink}`);
}
assert.ok(!/https?:\/\//.test(source.replace(/\/\/.*$/gm, '')), 'search.js makes no third-party request');

let answered = 0;
for (const q of queries) {
  for (const filters of [[], [['tinh', 'cao-bang']]]) {
    const r = await client.search(index, q, filters, { k: 10 });
    assert.ok(r.hits.length <= 10);
    for (const h of r.hits) assert.ok(Number.isFinite(h.score) && h.ord >= 0 && h.ord < index.N);
    const frag = r.hits.length ? await index.fragment(r.hits[0].ord) : null;
    if (frag) {
      const words = new Set(client.analyze(q, index.lex.fold).map((t) => t.folded));
      const text = frag.parts[2] ? frag.parts[2].join(' ') : frag.summary;
      const ranges = client.matchRanges(text, words, null, index.lex.fold);
      for (const [s, e] of ranges) assert.ok(s >= 0 && e <= text.length && s < e);
      const [a, b] = client.snippetWindow(text, ranges);
      assert.ok(a >= 0 && b <= text.length && a <= b);
    }
    answered++;
  }
}
// URL state round-trips whatever was typed.
for (const q of queries) {
  const url = client.writeUrl(q, [['linh-vuc', 'chuyen-doi-so']]);
  const back = client.readUrl(url, ['linh-vuc']);
  assert.equal(back.q, q.trim() ? q : back.q);
  assert.deepEqual(back.filters, [['linh-vuc', 'chuyen-doi-so']]);
}
// An empty query with a filter lists the filtered entries (browse mode).
const browse = await client.search(index, '', [['tinh', 'cao-bang']], { k: 10 });
assert.ok(browse.hits.length > 0);
console.log(JSON.stringify({ answered }));
