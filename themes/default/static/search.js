// sangkien search client: one self-contained ES module, no dependencies.
//
// It reads the index that `sangkien build` bakes from tantivy (src/search/export.rs)
// and ranks exactly as tantivy does: the same Vietnamese analyzer (src/search/analyzer.rs),
// the same query plan (src/search/plan.rs), tantivy 0.27's BM25 in f32 (Math.fround).
// The node parity test (tests/js/parity.mjs) imports this file and holds it to tantivy.
//
// Top-k without downloading whole posting lists: postings come impact-ordered in pages;
// a no-random-access threshold loop (NRA) reads the most promising pages until no
// unread posting can change the top results, then rescores the few undecided
// candidates exactly from their fragments (the text the index was built from).
//
// Safety: every piece of entry text reaches the page as a text node; the only markup
// built here is <mark> around matched words, made with createElement.

const f = Math.fround;
const K1 = f(1.2);
const B = f(0.75);

// ---------------------------------------------------------------- BM25 (tantivy 0.27)

/** tantivy's one-byte field-norm table (src/fieldnorm/code.rs). */
export const ID_TO_FIELDNORM = Array.from({ length: 256 }, (_, id) => {
  if (id < 24) return id;
  const e = id - 24;
  const bits = e & 7;
  const shift = e >> 3;
  return 24 + (shift === 0 ? bits : (bits | 8) * 2 ** (shift - 1));
});

/** The largest field-norm id whose length is ≤ tokens. */
export function fieldnormToId(tokens) {
  let lo = 0;
  let hi = 255;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ID_TO_FIELDNORM[mid] <= tokens) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const idf = (n, N) => f(Math.log(f(1 + f(f(f(N - n) + 0.5) / f(f(n) + 0.5)))));

export function weight(n, N, boost) {
  const w = f(idf(n, N) * f(1 + K1));
  return boost === 1 ? w : f(w * f(boost));
}

/** K[id] = k1·(1 − b + b·dl/avgdl) for one field. */
export function normCache(totalTokens, N) {
  const avgdl = f(f(totalTokens) / f(N));
  const K = new Float32Array(256);
  for (let id = 0; id < 256; id++) {
    K[id] = f(K1 * f(f(1 - B) + f(f(B * f(ID_TO_FIELDNORM[id])) / avgdl)));
  }
  return K;
}

export const impact = (tf, k) => f(f(tf) / f(f(tf) + k));

// ---------------------------------------------------------------- analyzer

const TONES = new Set(['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']);
const ALNUM = /[\p{Alphabetic}\p{N}]/u;
const TOKEN = /[\p{Alphabetic}\p{N}]+/gu;
const SPACE_ONLY = /^\p{White_Space}*$/u;
const MAX_TOKEN_BYTES = 40;

/** Syllable-final "òa", "òe", "ùy" → "oà", "oè", "uỳ" (case kept); NFC in, NFC out. */
export function canonicalTones(text) {
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const after = chars[i + 2];
    if (after !== undefined && ALNUM.test(after)) continue;
    const parts = Array.from(chars[i].normalize('NFD'));
    if (parts.length !== 2 || !TONES.has(parts[1])) continue;
    const [base, tone] = parts;
    const next = chars[i + 1];
    const fits = 'oO'.includes(base) ? 'aAeE'.includes(next) : 'uU'.includes(base) && 'yY'.includes(next);
    if (!fits) continue;
    const toned = (next + tone).normalize('NFC');
    if (Array.from(toned).length !== 1) continue;
    chars[i] = base;
    chars[i + 1] = toned;
    i++;
  }
  return chars.join('');
}

export const prepare = (text) => canonicalTones(String(text).normalize('NFC'));

function utf8Length(s) {
  let n = 0;
  for (const c of s) {
    const cp = c.codePointAt(0);
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

const lower = (s) => (/^[\x00-\x7f]*$/.test(s) ? s.toLowerCase() : Array.from(s, (c) => c.toLowerCase()).join(''));

/** Vietnamese letters fold by dropping marks (the fold table agrees; tested). */
const VI_MARKS = /[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]/gu;
function viFold(c) {
  if (c === 'đ') return 'd';
  if (c === 'Đ') return 'D';
  const base = c.normalize('NFD').replace(VI_MARKS, '');
  return base.length === 1 && /[a-zA-Z]/.test(base) && Array.from(c).length === 1 ? base : null;
}
const VI_LETTERS = new Set('aăâeêioôơuưyAĂÂEÊIOÔƠUƯY'.split('').flatMap((v) =>
  ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'].map((t) => (v + t).normalize('NFC')),
).concat(['đ', 'Đ']).filter((c) => c.length === 1 && c.charCodeAt(0) > 127));

/** Whether folding `text` needs the full table (a non-ASCII letter not Vietnamese). */
export function needsFoldTable(text) {
  for (const c of text) if (c.charCodeAt(0) > 127 && !VI_LETTERS.has(c) && ALNUM.test(c)) return true;
  return false;
}

/** A fold function: tantivy's AsciiFoldingFilter, from its exported table or built in. */
export function makeFold(table) {
  return (token) => {
    if (/^[\x00-\x7f]*$/.test(token)) return token;
    let out = '';
    for (const c of token) {
      const t = table ? table[c] : undefined;
      out += t !== undefined ? t : VI_LETTERS.has(c) ? viFold(c) : c;
    }
    return out;
  };
}
export const builtinFold = makeFold(null);
export const VIETNAMESE_LETTERS = VI_LETTERS;

/** Tokens of prepared text: {exact, folded, start, end, joined} (UTF-16 offsets). */
export function analyzePrepared(prepared, fold) {
  const tokens = [];
  let prevEnd = -1;
  for (const m of prepared.matchAll(TOKEN)) {
    if (utf8Length(m[0]) >= MAX_TOKEN_BYTES) continue;
    const start = m.index;
    const end = start + m[0].length;
    const exact = lower(m[0]);
    const joined = prevEnd >= 0 && SPACE_ONLY.test(prepared.slice(prevEnd, start));
    tokens.push({ exact, folded: fold(exact), start, end, joined });
    prevEnd = end;
  }
  return tokens;
}

export const analyze = (text, fold) => analyzePrepared(prepare(text), fold);
export const bigram = (a, b) => `${a}_${b}`;

// ---------------------------------------------------------------- query plan

/** Two-letter key of a completion file (code points). */
export function prefixKey(folded, min) {
  const cs = Array.from(folded);
  return cs.length >= min ? cs.slice(0, min).join('') : null;
}

/**
 * Clauses [{field, term, boost}] for a query, as src/search/plan.rs makes them.
 * `lex` = {fields, stopExact, stopFolded, synonyms, plan, fold}; `completions` = the
 * completion list of the last word's prefix (or null).
 */
export function planQuery(text, lex, completions) {
  const prepared = prepare(text);
  let tokens = analyzePrepared(prepared, lex.fold);
  const max = lex.plan.maxTokens;
  const typing = tokens.length > 0 && tokens.length <= max && tokens[tokens.length - 1].end === prepared.length;
  tokens = tokens.slice(0, max);
  const clauses = [];
  const seen = new Set();
  const push = (field, term, boost) => {
    const key = `${field}\u0000${term}`;
    if (!seen.has(key)) {
      seen.add(key);
      clauses.push({ field, term, boost });
    }
  };
  const add = (toks, factor) => {
    toks.forEach((t, i) => {
      lex.fields.forEach((spec, field) => {
        const boost = f(f(spec.boost) * f(factor));
        if (spec.kind === 'exact' && !lex.stopExact.has(t.exact)) push(field, t.exact, boost);
        else if (spec.kind === 'folded' && !lex.stopFolded.has(t.folded)) push(field, t.folded, boost);
        else if (spec.kind === 'bigram' && i > 0 && t.joined) push(field, bigram(toks[i - 1].folded, t.folded), boost);
      });
    });
  };
  add(tokens, 1);
  for (const t of tokens) {
    const expansions = Object.prototype.hasOwnProperty.call(lex.synonyms, t.folded) ? lex.synonyms[t.folded] : null;
    if (expansions) for (const e of expansions) add(analyze(e, lex.fold), 1);
  }
  if (typing && completions) {
    const last = tokens[tokens.length - 1];
    const prev = tokens.length > 1 && last.joined ? tokens[tokens.length - 2] : null;
    const pb = f(lex.plan.prefixBoost);
    const picks = completions.filter(([term]) => term.startsWith(last.folded) && term !== last.folded).slice(0, lex.plan.prefixTake);
    for (const [term] of picks) {
      lex.fields.forEach((spec, field) => {
        if (spec.kind === 'folded') push(field, term, f(f(spec.boost) * pb));
      });
      if (prev) {
        const bi = lex.fields.findIndex((s) => s.kind === 'bigram');
        push(bi, bigram(prev.folded, term), f(f(lex.fields[bi].boost) * pb));
      }
    }
  }
  return clauses;
}

/** Compares strings by code point (= tantivy's byte order of UTF-8 keys). */
export function compareKeys(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d) return d;
  }
  return x.length - y.length;
}

// ---------------------------------------------------------------- the baked index

// A request that never answers (a stalled connection) must not freeze the
// search: after 15 s it fails, and callers fall back (facet counts to their
// totals) or say the search failed.
const defaultFetch = async (url) => {
  const signal = typeof AbortSignal !== 'undefined' && AbortSignal.timeout ? AbortSignal.timeout(15000) : undefined;
  const r = await fetch(url, { signal });
  if (!r.ok) throw new Error(`${r.status} ${url}`);
  return r.text();
};

export class SearchIndex {
  /** `base`: URL of the `search/` folder (ending in "/"); `fetchText(url) → text`. */
  constructor(base, fetchText = defaultFetch) {
    this.base = String(base);
    this.fetchText = fetchText;
    this.cache = new Map();
    this.pageBytes = 0;
  }

  async json(path, counted = false) {
    if (!this.cache.has(path)) {
      const p = this.fetchText(this.dir + path).then((text) => {
        if (counted) this.pageBytes += text.length;
        return JSON.parse(text);
      });
      this.cache.set(path, p);
      p.catch(() => this.cache.delete(path));
    }
    return this.cache.get(path);
  }

  async open() {
    if (this.meta) return this;
    const meta = JSON.parse(await this.fetchText(this.base + 'meta.json'));
    this.meta = meta;
    this.dir = `${this.base}${meta.build}/`;
    this.N = meta.n;
    this.K = meta.fields.map((fl) => normCache(fl.tokens, Math.max(1, meta.n)));
    this.fold = builtinFold;
    this.lex = {
      fields: meta.fields,
      stopExact: new Set(meta.stop.exact),
      stopFolded: new Set(meta.stop.folded),
      synonyms: meta.synonyms,
      plan: meta.plan,
      fold: builtinFold,
    };
    return this;
  }

  /** Loads tantivy's full fold table when some text needs more than Vietnamese. */
  async ensureFold(text) {
    if (this.lex.fold !== builtinFold || !needsFoldTable(text)) return;
    const table = await this.json('fold.json');
    this.fold = this.lex.fold = makeFold(table);
  }

  async completions(key) {
    if (key === null) return null;
    const hex = Array.from(new TextEncoder().encode(key), (b) => b.toString(16).padStart(2, '0')).join('');
    return this.json(`c/${hex}.json`).catch(() => []);
  }

  async plan(text) {
    await this.ensureFold(text);
    const prepared = prepare(text);
    const tokens = analyzePrepared(prepared, this.lex.fold);
    const last = tokens[tokens.length - 1];
    const typing = last && last.end === prepared.length && tokens.length <= this.lex.plan.maxTokens;
    const completions = typing ? await this.completions(prefixKey(last.folded, this.lex.plan.prefixMin)) : null;
    return planQuery(text, this.lex, completions);
  }

  /** The dictionary entry {field: entry} of a term, or undefined. */
  async lookup(term) {
    const key = this.fold(term);
    const shards = this.meta.shards;
    let lo = 0;
    let hi = shards.length - 1;
    if (hi < 0 || compareKeys(key, shards[0]) < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (compareKeys(shards[mid], key) <= 0) lo = mid;
      else hi = mid - 1;
    }
    const shard = await this.json(`d/${lo}.json`);
    return Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : undefined;
  }

  page(id) {
    return this.json(`p/${id}.json`, true);
  }

  fragment(ord) {
    return this.json(`f/${ord}.json`);
  }

  /** The facet table: [{key, label, values: [[id, name, count]]}] (large ones loaded). */
  async facets() {
    return Promise.all(
      this.meta.facets.map(async (fc) => (fc.values ? fc : { ...fc, values: await this.json(fc.file) })),
    );
  }

  /** Ordinals having one facet value. */
  async facetDocs(keyIndex, valueIndex) {
    const list = await this.json(`x/${keyIndex}-${valueIndex}.json`).catch(() => []);
    let d = 0;
    return list.map((x, i) => (d = i === 0 ? x : d + x));
  }

  /** A mask of the entries passing `filters` ([[key, value]]) for each key, or null. */
  async filterMasks(filters) {
    if (!filters.length) return new Map();
    const facets = await this.facets();
    const masks = new Map();
    for (const [key, value] of filters) {
      const ki = facets.findIndex((fc) => fc.key === key);
      if (ki < 0) throw new Error(`unknown filter ${key}`);
      const vi = facets[ki].values.findIndex((v) => v[0] === value);
      if (!masks.has(key)) masks.set(key, new Uint8Array(this.N));
      if (vi < 0) continue;
      const mask = masks.get(key);
      for (const d of await this.facetDocs(ki, vi)) mask[d] = 1;
    }
    return masks;
  }
}

// ---------------------------------------------------------------- top-k (NRA)

/** Flat groups `tf, fnid, count, doc, Δdoc…` → calls visit(tf, fnid, doc). */
function eachPosting(flat, visit) {
  let i = 0;
  while (i < flat.length) {
    const tf = flat[i];
    const fnid = flat[i + 1];
    const count = flat[i + 2];
    i += 3;
    let d = 0;
    for (let j = 0; j < count; j++, i++) {
      d = j === 0 ? flat[i] : d + flat[i];
      visit(tf, fnid, d);
    }
  }
}

/** Exact per-clause scores of one entry from its fragment text. */
export function rescore(fragment, clauses, index) {
  const { fields } = index.lex;
  const counts = fields.map(() => new Map());
  const totals = fields.map(() => 0);
  const analysed = fragment.parts.map((values) => values.map((v) => analyze(v, index.lex.fold)));
  fields.forEach((spec, fi) => {
    const add = (t) => {
      counts[fi].set(t, (counts[fi].get(t) || 0) + 1);
      totals[fi]++;
    };
    if (spec.kind === 'bigram') {
      for (const part of analysed) for (const toks of part) {
        for (let i = 1; i < toks.length; i++) if (toks[i].joined) add(bigram(toks[i - 1].folded, toks[i].folded));
      }
      return;
    }
    const part = { title: 0, title_f: 0, meta: 1, meta_f: 1, body: 2, body_f: 2 }[spec.name];
    for (const toks of analysed[part]) {
      for (const t of toks) {
        if (spec.kind === 'exact' && !index.lex.stopExact.has(t.exact)) add(t.exact);
        if (spec.kind === 'folded' && !index.lex.stopFolded.has(t.folded)) add(t.folded);
      }
    }
  });
  return clauses.map((c) => {
    const tf = counts[c.field].get(c.term) || 0;
    return tf ? f(c.w * impact(tf, index.K[c.field][fieldnormToId(totals[c.field])])) : 0;
  });
}

const sum = (scores) => {
  let s = 0;
  for (const x of scores) s = f(s + x);
  return s;
};

/**
 * Top `k` entries: [{ord, score}], plus `rankSafe`, `exhaustive`, `matched` (entries
 * seen with a score), `clauses`. Options: k (10), exhaustive (read every posting),
 * budget (raw bytes of posting pages before giving up rank-safety), slack (extra
 * candidates allowed before stopping).
 */
export async function search(index, text, filters = [], opts = {}) {
  await index.open();
  const k = opts.k ?? 10;
  const budget = opts.budget ?? 160_000;
  const startBytes = index.pageBytes;
  const slack = opts.slack ?? 10;
  const plan = await index.plan(String(text ?? ''));
  const masks = await index.filterMasks(filters);
  const passes = (d) => {
    for (const m of masks.values()) if (!m[d]) return false;
    return true;
  };
  const out = { hits: [], rankSafe: true, exhaustive: true, matched: new Map(), count: 0, clauses: plan, masks };
  if (!plan.length) {
    if (!masks.size) return out;
    for (let d = 0; d < index.N && out.hits.length < k; d++) if (passes(d)) out.hits.push({ ord: d, score: 0 });
    for (let d = 0; d < index.N; d++) {
      out.matched.set(d, 0);
      if (passes(d)) out.count++;
    }
    return out;
  }

  const entries = await Promise.all(plan.map((c) => index.lookup(c.term)));
  const clauses = [];
  plan.forEach((c, i) => {
    const e = entries[i] && entries[i][c.field];
    if (!e) return;
    const [df, inline, pages] = e;
    const cl = { ...c, df, w: weight(df, index.N, c.boost), K: index.K[c.field], pages: [], next: 0 };
    if (pages) for (let p = 0; p < pages.length; p += 4) cl.pages.push(pages.slice(p, p + 4));
    cl.inline = inline;
    clauses.push(cl);
  });
  out.clauses = clauses;
  const n = clauses.length;
  const docs = new Map(); // ord → Float32Array of clause scores, NaN = not seen
  const seen = (d) => {
    let s = docs.get(d);
    if (!s) {
      s = new Float32Array(n).fill(NaN);
      docs.set(d, s);
    }
    return s;
  };
  const take = (ci, flat) => {
    const cl = clauses[ci];
    let lastKey = -1;
    let score = 0;
    eachPosting(flat, (tf, fnid, d) => {
      const key = tf * 256 + fnid;
      if (key !== lastKey) {
        score = f(cl.w * impact(tf, cl.K[fnid]));
        lastKey = key;
      }
      out.matched.set(d, 1);
      if (passes(d)) {
        if (!docs.has(d)) out.count++;
        seen(d)[ci] = score;
      }
    });
  };
  clauses.forEach((cl, ci) => cl.inline && take(ci, cl.inline));
  const frontier = (cl) => {
    if (cl.next >= cl.pages.length) return 0;
    const [tf, fnid] = cl.pages[cl.next];
    return f(cl.w * impact(tf, cl.K[fnid]));
  };

  let theta = 0;
  let candidates = [];
  for (;;) {
    const fronts = clauses.map(frontier);
    const unseen = fronts.reduce((a, b) => a + b, 0);
    // Bounds: lower = sum of seen scores; upper adds the frontiers of unseen clauses.
    const bounds = [];
    for (const [d, s] of docs) {
      let lower = 0;
      let extra = 0;
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(s[i])) extra += fronts[i];
        else lower += s[i];
      }
      bounds.push([d, lower, lower + extra * (1 + 1e-6), extra > 0]);
    }
    const lowers = bounds.map((b) => b[1]).sort((a, b) => b - a);
    theta = lowers.length >= k ? lowers[k - 1] * (1 - 1e-6) : 0;
    candidates = bounds.filter((b) => b[2] >= theta);
    // Stop when no unseen entry can reach the k-th best, and few candidates are
    // still undecided (their exact scores then come from their fragments).
    const undecided = candidates.reduce((a, b) => a + (b[3] ? 1 : 0), 0);
    const done = unseen === 0 || (!opts.exhaustive && lowers.length >= k && unseen * (1 + 1e-6) < theta && undecided <= k + slack);
    if (done) break;
    if (!opts.exhaustive && index.pageBytes - startBytes >= budget) {
      out.rankSafe = false;
      break;
    }
    // Next pages of the (up to 3) clauses with the highest frontier, in parallel.
    const order = clauses.map((_, i) => i).filter((i) => fronts[i] > 0).sort((a, b) => fronts[b] - fronts[a] || a - b);
    const pick = opts.exhaustive ? order : order.slice(0, 3);
    const pages = await Promise.all(pick.map((i) => index.page(clauses[i].pages[clauses[i].next][3])));
    pick.forEach((i, j) => {
      clauses[i].next++;
      take(i, pages[j]);
    });
  }
  out.exhaustive = clauses.every((cl) => cl.next >= cl.pages.length);

  // Exact scores: from postings when a doc was seen in every clause with pages left,
  // else from its fragment.
  candidates.sort((a, b) => b[2] - a[2] || a[0] - b[0]);
  if (!out.rankSafe) {
    const decided = candidates.filter((c) => !c[3]);
    candidates = decided.concat(candidates.filter((c) => c[3]).slice(0, k + slack));
  }
  const exact = await Promise.all(
    candidates.map(async ([d]) => {
      const s = docs.get(d);
      const open = clauses.some((cl, i) => Number.isNaN(s[i]) && cl.next < cl.pages.length);
      if (!open) return [d, sum(Array.from(s, (x) => (Number.isNaN(x) ? 0 : x)))];
      const frag = await index.fragment(d);
      await index.ensureFold(frag.parts.flat().join(' '));
      return [d, sum(rescore(frag, clauses, index))];
    }),
  );
  exact.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  out.hits = exact.slice(0, k).map(([ord, score]) => ({ ord, score }));
  return out;
}

// ---------------------------------------------------------------- highlighting

/** Ranges [start, end) of words in `text` matching the query's folded words. */
export function matchRanges(text, words, prefix, fold) {
  const ranges = [];
  for (const t of analyze(text, fold)) {
    if (words.has(t.folded) || (prefix && t.folded.startsWith(prefix))) ranges.push([t.start, t.end]);
  }
  return ranges;
}

/** A window of about `size` characters of `text` around the densest matches. */
export function snippetWindow(text, ranges, size = 180) {
  if (text.length <= size) return [0, text.length];
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < ranges.length; i++) {
    let c = 0;
    for (let j = i; j < ranges.length && ranges[j][1] - ranges[i][0] <= size; j++) c++;
    if (c > bestCount) {
      bestCount = c;
      best = ranges[i][0];
    }
  }
  let start = Math.max(0, best - 40);
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  let end = Math.min(text.length, start + size);
  while (end < text.length && !/\s/.test(text[end])) end++;
  return [start, end];
}

// ---------------------------------------------------------------- the page

const STRINGS = {
  vi: {
    results: (n, more) => `${more ? 'Hơn ' : ''}${n} kết quả`,
    none: 'Không tìm thấy sáng kiến phù hợp.',
    searching: 'Đang tìm…',
    common: 'Từ này quá phổ biến để tìm riêng; hãy thêm một từ nữa.',
    failed: 'Không tải được chỉ mục tìm kiếm.',
    filters: 'Lọc kết quả',
    clear: 'Bỏ lọc',
    results_label: 'Kết quả tìm kiếm',
  },
  en: {
    results: (n, more) => `${more ? 'Over ' : ''}${n} result${n === 1 ? '' : 's'}`,
    none: 'No matching initiatives.',
    searching: 'Searching…',
    common: 'This word is too common on its own; add another word.',
    failed: 'Could not load the search index.',
    filters: 'Filter results',
    clear: 'Clear filters',
    results_label: 'Search results',
  },
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

/** Text with <mark> around ranges, built from text nodes only. */
function highlighted(text, ranges, from = 0, to = text.length) {
  const frag = document.createDocumentFragment();
  let at = from;
  if (from > 0) frag.append('… ');
  for (const [s, e] of ranges) {
    if (e <= from || s >= to || s < at) continue;
    frag.append(text.slice(at, s), el('mark', { text: text.slice(s, e) }));
    at = e;
  }
  frag.append(text.slice(at, to));
  if (to < text.length) frag.append(' …');
  return frag;
}

/** Query and filters ⇄ URL (?q=…&linh-vuc=…). */
export function readUrl(search, facetKeys) {
  const params = new URLSearchParams(search);
  const filters = [];
  for (const key of facetKeys) for (const v of params.getAll(key)) filters.push([key, v]);
  return { q: params.get('q') || '', filters };
}

export function writeUrl(q, filters) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const [k, v] of filters) params.append(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export async function mount(root) {
  const form = document.querySelector('form[role="search"]');
  const input = form && form.querySelector('input[name="q"]');
  if (!input) return;
  const t = STRINGS[root.dataset.lang === 'en' ? 'en' : 'vi'];
  const base = new URL(root.dataset.index || '../search/', document.baseURI);
  const site = new URL('../', base);
  const index = new SearchIndex(base.href);
  const status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const facetBox = el('div', { class: 'search-facets', 'aria-label': t.filters, role: 'group' });
  const list = el('ol', { class: 'search-results', 'aria-label': t.results_label });
  root.replaceChildren(status, facetBox, list);
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('maxlength', '1000');

  let facets = [];
  let filters = [];
  let active = -1;
  let generation = 0;
  const counted = new Map(); // key index → [Set of ordinals per value]
  // Facets the reader opened stay open when a newer result re-renders them.
  const opened = new Set();

  try {
    await index.open();
    facets = await index.facets();
  } catch (e) {
    status.textContent = t.failed;
    return;
  }
  const state = readUrl(location.search, facets.map((fc) => fc.key));
  filters = state.filters;
  if (state.q) input.value = state.q;

  async function valueSets(ki) {
    if (!counted.has(ki)) {
      const sets = Promise.all(facets[ki].values.map((_, vi) => index.facetDocs(ki, vi).then((d) => new Set(d))));
      // A failed download is not cached: the next query tries again.
      sets.catch(() => counted.delete(ki));
      counted.set(ki, sets);
    }
    return counted.get(ki);
  }

  // Both renderers build off the page and swap in at the end, and give up
  // when a newer query started while they awaited data (`mine`): an older,
  // slower query must never overwrite a newer one's results.
  async function renderFacets(result, mine) {
    const eager = index.N <= 5000;
    const boxes = [];
    for (const [ki, fc] of facets.entries()) {
      const box = el('details', { class: 'search-facet' });
      const chosen = filters.filter(([k]) => k === fc.key).map(([, v]) => v);
      if (chosen.length || opened.has(fc.key)) box.open = true;
      box.addEventListener('toggle', () => (box.open ? opened.add(fc.key) : opened.delete(fc.key)));
      box.append(el('summary', { text: fc.label }));
      const ul = el('ul');
      const others = [...result.masks.entries()].filter(([k]) => k !== fc.key).map(([, m]) => m);
      const fill = async () => {
        // Without the value sets (not downloaded yet, or a failed download)
        // the counts fall back to the totals.
        const sets = eager || box.open ? await valueSets(ki).catch(() => null) : null;
        ul.replaceChildren();
        fc.values.forEach(([id, name, total], vi) => {
          let count = total;
          if (sets && result.matched.size) {
            count = 0;
            for (const d of sets[vi]) if (result.matched.has(d) && others.every((m) => m[d])) count++;
          }
          if (!count && !chosen.includes(id)) return;
          const box2 = el('input', { type: 'checkbox', name: fc.key, value: id });
          box2.checked = chosen.includes(id);
          box2.addEventListener('change', () => {
            filters = box2.checked ? [...filters, [fc.key, id]] : filters.filter(([k, v]) => !(k === fc.key && v === id));
            run();
          });
          ul.append(el('li', {}, el('label', {}, box2, ` ${name} `, el('span', { class: 'count', text: `(${count})` }))));
        });
      };
      box.addEventListener('toggle', () => box.open && fill(), { once: true });
      box.append(ul);
      boxes.push(box);
      await fill();
      if (mine !== generation) return;
    }
    facetBox.replaceChildren(...boxes);
    if (filters.length) {
      const clear = el('button', { type: 'button', class: 'search-clear', text: t.clear });
      clear.addEventListener('click', () => {
        filters = [];
        run();
      });
      facetBox.append(clear);
    }
  }

  async function renderHits(result, q, mine) {
    const words = new Set(analyze(q, index.lex.fold).map((x) => x.folded));
    for (const c of result.clauses) if (index.lex.fields[c.field].kind === 'folded') words.add(c.term);
    const frags = await Promise.all(result.hits.map((h) => index.fragment(h.ord)));
    if (mine !== generation) return;
    const items = [];
    frags.forEach((fr) => {
      const title = fr.title;
      const body = fr.parts[2] ? fr.parts[2].join(' ') : '';
      const bodyRanges = matchRanges(body, words, null, index.lex.fold);
      const useBody = bodyRanges.length > 0;
      const text = useBody ? body : fr.summary;
      const ranges = useBody ? bodyRanges : matchRanges(text, words, null, index.lex.fold);
      const [s, e] = snippetWindow(text, ranges);
      const target = new URL(fr.url, site);
      const href = target.origin === site.origin ? target.href : '#';
      const link = el('a', { href }, highlighted(title, matchRanges(title, words, null, index.lex.fold)));
      const meta = [fr.unit, fr.province, fr.year || ''].filter(Boolean).join(' · ');
      items.push(
        el('li', { class: 'search-result' },
          el('h3', {}, link),
          el('p', { class: 'search-meta', text: meta }),
          el('p', { class: 'search-snippet' }, highlighted(text, ranges, s, e))),
      );
    });
    list.replaceChildren(...items);
  }

  // While a query runs the results carry aria-busy="true"; assistive
  // technology (and the browser tests) wait for "false", the settled state.
  async function run() {
    const mine = ++generation;
    root.setAttribute('aria-busy', 'true');
    try {
      await runQuery(mine);
    } finally {
      if (mine === generation) root.setAttribute('aria-busy', 'false');
    }
  }

  async function runQuery(mine) {
    const q = input.value.slice(0, 1000);
    history.replaceState(null, '', writeUrl(q.trim() ? q : '', filters) || location.pathname);
    active = -1;
    if (!q.trim() && !filters.length) {
      list.replaceChildren();
      status.textContent = '';
      await renderFacets({ matched: new Map(), masks: new Map() }, mine);
      return;
    }
    status.textContent = t.searching;
    let result;
    try {
      index.pageBytes = 0;
      result = await search(index, q, filters, { k: 10 });
    } catch (e) {
      if (mine === generation) status.textContent = t.failed;
      return;
    }
    if (mine !== generation) return;
    const n = result.count;
    if (!result.hits.length) {
      status.textContent = q.trim() && !result.clauses.length && analyze(q, index.lex.fold).length ? t.common : t.none;
    } else {
      status.textContent = t.results(n || result.hits.length, !result.exhaustive);
    }
    await renderHits(result, q, mine);
    if (mine === generation) await renderFacets(result, mine);
  }

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    run();
  });
  const links = () => Array.from(list.querySelectorAll('a'));
  const move = (to) => {
    const ls = links();
    if (!ls.length) return;
    active = Math.max(-1, Math.min(ls.length - 1, to));
    if (active < 0) input.focus();
    else ls[active].focus();
  };
  const keys = (ev) => {
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      move(active + 1);
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      move(active - 1);
    } else if (ev.key === 'Escape') {
      input.value = '';
      input.focus();
      run();
    } else if (ev.key === 'Enter' && ev.target === input && links().length) {
      ev.preventDefault();
      (links()[Math.max(active, 0)]).click();
    }
  };
  input.addEventListener('keydown', keys);
  list.addEventListener('keydown', keys);
  await run();
}

if (typeof document !== 'undefined') {
  const root = document.getElementById('search-app');
  if (root) mount(root);
}
