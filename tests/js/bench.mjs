// Bytes per query, as a static host serves them (gzip -6 of each file fetched), for
// the real client over an exported index. Also the export's total size raw and gzip.
// usage: node bench.mjs <dir holding search/> <queries.json>

import { readFile, readdir, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const clientPath = path.join(here, '../../themes/default/static/search.js');
const client = await import(clientPath);
const [dir, queriesPath] = process.argv.slice(2);
const queries = JSON.parse(await readFile(queriesPath, 'utf8'));
const gz = (text) => gzipSync(Buffer.from(text), { level: 6 }).length;
const clientGz = gz(await readFile(clientPath, 'utf8'));

async function walk(d) {
  let raw = 0, zipped = 0, files = 0;
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) {
      const r = await walk(p);
      raw += r.raw; zipped += r.zipped; files += r.files;
    } else {
      const b = await readFile(p);
      raw += b.length; zipped += gzipSync(b, { level: 6 }).length; files++;
    }
  }
  return { raw, zipped, files };
}

function session() {
  const s = { bytes: 0, requests: 0, pages: 0 };
  s.fetch = async (url) => {
    const text = await readFile(url, 'utf8');
    s.bytes += gz(text);
    s.requests++;
    if (url.includes('/p/')) s.pages += gz(text);
    return text;
  };
  s.index = new client.SearchIndex(path.join(dir, 'search') + '/', s.fetch);
  return s;
}

/** One query as the page runs it: search, then the fragments of the shown hits. */
async function run(s, q) {
  const before = { bytes: s.bytes, requests: s.requests, pages: s.pages };
  const r = await client.search(s.index, q.text, q.filters, { k: 10 });
  await Promise.all(r.hits.map((h) => s.index.fragment(h.ord)));
  return { bytes: s.bytes - before.bytes, requests: s.requests - before.requests, pages: s.pages - before.pages, rankSafe: r.rankSafe };
}

const pct = (xs, p) => { const a = [...xs].sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.floor(p * a.length))]; };
const cold = [];
const coldPages = [];
let safe = 0;
const t0 = Date.now();
for (const q of queries) {
  const r = await run(session(), q);
  cold.push(r.bytes + clientGz);
  coldPages.push(r.pages);
  if (r.rankSafe) safe++;
}
const clientMs = (Date.now() - t0) / queries.length;
// Later queries: one visitor typing the queries one after another (the search page
// runs on every keystroke, so each query is also typed letter by letter).
const s = session();
await run(s, queries[0]);
const later = [];
const typed = [];
for (const q of queries.slice(1)) {
  later.push((await run(s, q)).bytes);
}
const s2 = session();
await run(s2, queries[0]);
for (const q of queries.slice(1, 41)) {
  let total = 0;
  for (let i = 2; i <= q.text.length; i++) total += (await run(s2, { ...q, text: q.text.slice(0, i) })).bytes;
  typed.push(total);
}
const size = await walk(path.join(dir, 'search'));
const meta = await readFile(path.join(dir, 'search/meta.json'), 'utf8');
const kb = (x) => Math.round(x / 100) / 10;
console.log(JSON.stringify({
  queries: queries.length,
  exportFiles: size.files,
  exportRawMB: Math.round(size.raw / 1e5) / 10,
  exportGzipMB: Math.round(size.zipped / 1e5) / 10,
  clientGzKB: kb(clientGz),
  metaGzKB: kb(gz(meta)),
  coldKB: { median: kb(pct(cold, 0.5)), p90: kb(pct(cold, 0.9)), max: kb(Math.max(...cold)) },
  coldPagesKB: { median: kb(pct(coldPages, 0.5)), p90: kb(pct(coldPages, 0.9)) },
  laterKB: { median: kb(pct(later, 0.5)), p90: kb(pct(later, 0.9)) },
  typedLetterByLetterKB: { median: kb(pct(typed, 0.5)), p90: kb(pct(typed, 0.9)) },
  rankSafe: `${safe}/${queries.length}`,
  clientMsPerColdQuery: Math.round(clientMs),
}));
