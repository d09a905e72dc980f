#!/usr/bin/env python3
"""Bytes a cold Pagefind search downloads, for a first and a second query.

usage: pagefind_bytes.py PAGEFIND_DIR "first query" "second query" [RESULTS]

Follows the query path of Pagefind 1.5 (SEARCH.md §4): the first query loads
pagefind-entry.json, pagefind.js (+ pagefind-worker.js when present), the wasm,
the language's pf_meta, every index chunk whose word range holds a query term
(terms are diacritic-folded and lower-cased; Pagefind also loads the chunk
for a prefix match, which is the same chunk here), and the fragments of the
first RESULTS results (default 5, what the default UI shows). The second query
reuses the cached client, wasm and meta: it costs its own chunks (not already
loaded) and its fragments. .pf_* and the wasm are stored gzipped and served as
they are; the JS and JSON are counted gzip -9 (what a host with compression
sends). Results are ranked by the number of query terms matched and then by
occurrence count, which approximates Pagefind's BM25 well enough to pick
fragments of typical size.

Prints one JSON object.
"""
import gzip
import json
import os
import struct
import sys
import unicodedata


class Cbor:
    def __init__(self, data):
        self.d = data
        self.i = 0

    def head(self):
        b = self.d[self.i]
        self.i += 1
        major, info = b >> 5, b & 31
        if info < 24:
            val = info
        elif info == 24:
            val = self.d[self.i]; self.i += 1
        elif info == 25:
            val = struct.unpack(">H", self.d[self.i:self.i + 2])[0]; self.i += 2
        elif info == 26:
            val = struct.unpack(">I", self.d[self.i:self.i + 4])[0]; self.i += 4
        elif info == 27:
            val = struct.unpack(">Q", self.d[self.i:self.i + 8])[0]; self.i += 8
        elif info == 31:
            val = None  # indefinite length
        else:
            raise ValueError("bad cbor head")
        return major, info, val

    def item(self):
        major, info, val = self.head()
        if major == 0:
            return val
        if major == 1:
            return -1 - val
        if major in (2, 3):
            if val is None:
                parts = []
                while self.d[self.i] != 0xFF:
                    parts.append(self.item())
                self.i += 1
                return b"".join(parts) if major == 2 else "".join(parts)
            raw = self.d[self.i:self.i + val]
            self.i += val
            return raw if major == 2 else raw.decode("utf-8", "replace")
        if major == 4:
            out = []
            if val is None:
                while self.d[self.i] != 0xFF:
                    out.append(self.item())
                self.i += 1
            else:
                for _ in range(val):
                    out.append(self.item())
            return out
        if major == 5:
            out = {}
            n = val
            while True:
                if n is None:
                    if self.d[self.i] == 0xFF:
                        self.i += 1
                        break
                elif n == 0:
                    break
                k = self.item()
                out[k if not isinstance(k, list) else str(k)] = self.item()
                if n is not None:
                    n -= 1
            return out
        if major == 6:
            return self.item()
        if major == 7:
            if info == 20:
                return False
            if info == 21:
                return True
            if info in (22, 23):
                return None
            if info == 25:
                return val
            if info == 26:
                return struct.unpack(">f", struct.pack(">I", val))[0]
            if info == 27:
                return struct.unpack(">d", struct.pack(">Q", val))[0]
            return None
        raise ValueError("bad cbor major")


def load(path):
    raw = gzip.decompress(open(path, "rb").read())
    sig = b"pagefind_dcd"
    if raw.startswith(sig):
        raw = raw[len(sig):]
    return Cbor(raw).item()


def gz_size(path):
    return len(gzip.compress(open(path, "rb").read(), 9))


def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def find_chunks(meta):
    """The index chunk list: [from, to, hash] triples, wherever they sit."""
    best = None
    def walk(x):
        nonlocal best
        if isinstance(x, list) and x and all(isinstance(c, list) and len(c) == 3 and all(isinstance(v, str) for v in c) for c in x):
            if best is None or len(x) > len(best):
                best = x
        elif isinstance(x, list):
            for y in x:
                walk(y)
        elif isinstance(x, dict):
            for y in x.values():
                walk(y)
    walk(meta)
    return best or []


def find_pages(meta):
    """The page list: [hash, word_count, ...] records, in page-number order."""
    best = None
    def walk(x):
        nonlocal best
        if isinstance(x, list) and x and all(isinstance(p, list) and p and isinstance(p[0], str) and len(p) >= 2 and isinstance(p[1], int) for p in x):
            if best is None or len(x) > len(best):
                best = x
        elif isinstance(x, list):
            for y in x:
                walk(y)
        elif isinstance(x, dict):
            for y in x.values():
                walk(y)
    walk(meta)
    return [p[0] for p in (best or [])]


def chunk_for(chunks, term):
    """Chunks whose word range overlaps the words starting with `term`
    (chunk bounds are shortened to distinguishing prefixes)."""
    hits = []
    top = term + "\uffff"
    for lo, hi, h in chunks:
        if lo <= top and (hi >= term or term.startswith(hi) or hi.startswith(term)):
            hits.append(h)
    return hits


def word_pages(index, term):
    """Page number -> occurrences, for indexed words starting with `term`.

    A chunk is [[word, pages, variants], ...] with the folded word, its page
    list and its diacritic variants [[variant, pages], ...]; a page list is
    [[page_delta, locations, meta_locations], ...], page numbers delta-encoded
    (Pagefind >= 1.5), locations with negative weight markers.
    """
    found = {}
    records = index[0] if index and isinstance(index[0], list) and index[0] and isinstance(index[0][0], list) else index
    for rec in records:
        if not (isinstance(rec, list) and rec and isinstance(rec[0], str)):
            continue
        if not fold(rec[0]).startswith(term):
            continue
        lists = [rec[1]] if len(rec) > 1 and isinstance(rec[1], list) else []
        if len(rec) > 2 and isinstance(rec[2], list):
            lists += [v[1] for v in rec[2] if isinstance(v, list) and len(v) > 1 and isinstance(v[1], list)]
        for lst in lists:
            page = 0
            for e in lst:
                if not (isinstance(e, list) and e and isinstance(e[0], int)):
                    continue
                page += e[0]
                locs = [x for x in (e[1] if len(e) > 1 and isinstance(e[1], list) else []) if isinstance(x, int) and x >= 0]
                found[page] = found.get(page, 0) + max(1, len(locs))
    return found


def main():
    pf, q1, q2 = sys.argv[1], sys.argv[2], sys.argv[3]
    nres = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    entry = json.load(open(os.path.join(pf, "pagefind-entry.json")))
    lang, info = next(iter(entry["languages"].items()))
    meta_path = os.path.join(pf, f"pagefind.{info['hash']}.pf_meta")
    meta = load(meta_path)
    chunks = find_chunks(meta)
    pages = find_pages(meta)
    wasm = info.get("wasm") or "unknown"
    client = {
        "pagefind-entry.json": gz_size(os.path.join(pf, "pagefind-entry.json")),
        "pagefind.js": gz_size(os.path.join(pf, "pagefind.js")),
        f"wasm.{wasm}.pagefind": os.path.getsize(os.path.join(pf, f"wasm.{wasm}.pagefind")),
        "pf_meta": os.path.getsize(meta_path),
    }
    worker = os.path.join(pf, "pagefind-worker.js")
    if os.path.exists(worker):
        client["pagefind-worker.js"] = gz_size(worker)
    loaded = set()

    def query(q):
        terms = [fold(t) for t in q.split() if t.strip()]
        idx_bytes = 0
        per_term = []
        for t in terms:
            for h in chunk_for(chunks, t):
                path = os.path.join(pf, "index", f"{h}.pf_index")
                if h not in loaded and os.path.exists(path):
                    loaded.add(h)
                    idx_bytes += os.path.getsize(path)
                if os.path.exists(path):
                    per_term.append(word_pages(load(path), t))
        # AND of the terms, ranked by occurrences.
        if per_term:
            common = set(per_term[0])
            for m in per_term[1:]:
                common &= set(m)
            ranked = sorted(common, key=lambda p: -sum(m.get(p, 0) for m in per_term))
        else:
            ranked = []
        frag_bytes = 0
        for p in ranked[:nres]:
            if p < len(pages):
                path = os.path.join(pf, "fragment", f"{pages[p]}.pf_fragment")
                if os.path.exists(path):
                    frag_bytes += os.path.getsize(path)
        return idx_bytes, frag_bytes, len(ranked)

    i1, f1, n1 = query(q1)
    i2, f2, n2 = query(q2)
    first = sum(client.values()) + i1 + f1
    print(json.dumps({
        "first_gz": first,
        "second_gz": i2 + f2,
        "client_gz": client,
        "first": {"query": q1, "index_gz": i1, "fragments_gz": f1, "results": n1},
        "second": {"query": q2, "index_gz": i2, "fragments_gz": f2, "results": n2},
        "chunks": len(chunks),
        "pages": len(pages),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
