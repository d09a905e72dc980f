#!/usr/bin/env python3
"""Turns bench/out/results.tsv into the markdown tables of BENCHMARKS.md.

Called by bench/run.sh; prints the report and, with --benchmarks FILE,
replaces the text between the result markers of that file.
Rows of results.tsv: N, step, run, a, b, status — for timed steps a = wall
seconds, b = peak RSS in KB; for size_* rows a = bytes, b = files; for
search_* rows a = first-query gzip bytes, b = second-query gzip bytes.
"""
import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
from collections import defaultdict

START = "<!-- bench:results:start -->"
END = "<!-- bench:results:end -->"

STEPS = [
    ("generate", "gen-bank: generate the bank and the Hugo site (1 run)"),
    ("sangkien_build", "**sangkien build**, cold (full site{search}; `--no-cache`: every share image rendered)"),
    ("sangkien_build_warm", "**sangkien build**, warm (share-image cache kept from an earlier build)"),
    ("sangkien_check", "sangkien check"),
    ("sangkien_rebuild_one", "sangkien build after editing one entry (warm cache, into the existing site)"),
    ("hugo", "**Hugo** (no search)"),
    ("pagefind", "Pagefind on Hugo's output"),
    ("hugo_pagefind", "**Hugo + Pagefind**"),
]


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = subprocess.run(["free", "-g"], capture_output=True, text=True).stdout.split("\n")[1].split()[1]
    except Exception:
        mem = "?"
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB RAM (`free -g`), Linux {platform.release()}"


def fmt_s(x):
    return f"{x:.2f}" if x < 100 else f"{x:.0f}"


def mb(kb):
    return f"{kb / 1024:.0f}"


def main():
    ap = argparse.ArgumentParser()
    for a in ["results", "out-dir", "command", "runs", "seed", "sangkien", "hugo", "pagefind", "rustc", "q1", "q2"]:
        ap.add_argument("--" + a, default="")
    ap.add_argument("--benchmarks")
    args = ap.parse_args()

    timed = defaultdict(list)  # (n, step) -> [(wall, rss, status)]
    other = {}  # (n, step) -> (a, b)
    for line in open(args.results):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 6:
            parts.append("")
        if len(parts) != 7:
            continue
        n, step, run, a, b, st, cpu = parts
        n = int(n)
        if step.startswith(("size_", "search_", "load_")):
            other[(n, step)] = (float(a), float(b))
        else:
            timed[(n, step)].append((float(a), float(b), int(st), float(cpu) if cpu else None))
    ns = sorted({n for n, _ in list(timed) + list(other)})
    # Hugo + Pagefind: per run, the sum of the times and the larger peak.
    for n in ns:
        h, p = timed.get((n, "hugo")), timed.get((n, "pagefind"))
        if h and p:
            timed[(n, "hugo_pagefind")] = [
                (a[0] + b[0], max(a[1], b[1]), a[2] or b[2], None if a[3] is None or b[3] is None else a[3] + b[3])
                for a, b in zip(h, p)
            ]

    def med(n, step, i):
        rows = timed.get((n, step))
        if not rows:
            return None
        vals = [r[i] for r in rows if r[i] is not None]
        return statistics.median(vals) if vals else None

    def failed(n, step):
        return any(r[2] != 0 for r in timed.get((n, step), []))

    def timed_out(n, step):
        return any(r[2] == 124 for r in timed.get((n, step), []))

    out = []
    w = out.append
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    w(f"Measured {today} with `{args.command.strip()}` ({args.runs} runs per step, median; seed {args.seed}; "
      f"search queries \"{args.q1}\" then \"{args.q2}\").\n")
    w(f"- Machine: {machine()}.")
    loads = [f"N={n}: {other[(n, 'load_before')][0]:.1f} → {other[(n, 'load_after')][0]:.1f}"
             for n in ns if (n, "load_before") in other and (n, "load_after") in other]
    if loads:
        w(f"- Load average (1 min) before → after each N: {'; '.join(loads)}. The machine is shared with other "
          "work (the load before each N, when the bench itself runs nothing, shows how much), so absolute "
          "times are noisy; the side-by-side ratios within one N are the meaningful figures.")
    w(f"- Versions: sangkien `{args.sangkien}` ({args.rustc}); {args.hugo}; Pagefind {args.pagefind.replace('pagefind ', '')}.")
    w("")
    for n in ns:
        has_search = (n, "size_sangkien_search") in other and other[(n, "size_sangkien_search")][1] > 0
        w(f"### N = {n:,}\n")
        w(f"| step | wall s (median) | CPU s (median) | peak RSS MB (median) | runs, wall s |")
        w("|---|---:|---:|---:|---|")
        for key, label in STEPS:
            rows = timed.get((n, key))
            if not rows:
                continue
            searched = has_search or any(k[1] == "size_sangkien_search" and v[1] > 0 for k, v in other.items())
            label = label.replace("{search}", " and search" if searched else "; no search/ output yet")
            if key == "generate":
                label = label if (n, "hugo") in timed else "gen-bank: generate the bank (1 run)"
            runs = ", ".join(fmt_s(r[0]) for r in rows)
            flag = " **(killed at the time limit: wall ≥ the figure shown)**" if timed_out(n, key) else (" **(failed)**" if failed(n, key) else "")
            cpu = med(n, key, 3)
            w(f"| {label}{flag} | {fmt_s(med(n, key, 0))} | {fmt_s(cpu) if cpu is not None else '–'} | {mb(med(n, key, 1))} | {runs} |")
        w("")
        sizes = [("size_sangkien", "sangkien site"), ("size_sangkien_search", "… of which search/"),
                 ("size_hugo", "Hugo site (without Pagefind)"), ("size_pagefind", "Pagefind index (pagefind/)")]
        if any((n, k) in other for k, _ in sizes):
            w("| output | MB | files |")
            w("|---|---:|---:|")
            for k, label in sizes:
                if (n, k) in other:
                    b, f = other[(n, k)]
                    w(f"| {label} | {b / 1e6:.1f} | {int(f):,} |")
            w("")
        w(f"| search, bytes downloaded (gzip) | first query \"{args.q1}\" (client included) | second query \"{args.q2}\" |")
        w("|---|---:|---:|")
        if (n, "search_sangkien") in other:
            a, b = other[(n, "search_sangkien")]
            w(f"| sangkien | {a / 1000:.1f} kB | {b / 1000:.1f} kB |")
        else:
            why = "no `search/` in the output yet" if not has_search else "bench/search-bytes.mjs not provided yet"
            w(f"| sangkien | n/a ({why}) | n/a |")
        if (n, "search_pagefind") in other:
            a, b = other[(n, "search_pagefind")]
            w(f"| Pagefind | {a / 1000:.1f} kB | {b / 1000:.1f} kB |")
        w("")
        for name, what in (("sangkien-steps.txt", "cold"), ("sangkien-steps-warm.txt", "warm")):
            steps = os.path.join(args.out_dir, str(n), "logs", name)
            if not os.path.exists(steps):
                continue
            lines = [l.rstrip() for l in open(steps, encoding="utf-8", errors="replace") if re.match(r"^\s+\S.*?\s+\d+ ms", l) or l.startswith(("Đã dựng", "Built"))]
            if lines:
                w(f"<details><summary>sangkien build steps, {what} (stderr of the last run)</summary>\n")
                w("```")
                w("\n".join(lines))
                w("```\n</details>\n")

    # Targets of the issue.
    w("### Targets\n")
    w("| target | measured | |")
    w("|---|---|---|")

    def verdict(ok):
        return "n/a" if ok is None else ("**pass**" if ok else "**FAIL**")

    hu10 = med(10000, "hugo", 0)
    for step, label in (("sangkien_build", "cold"), ("sangkien_build_warm", "warm")):
        sk10 = med(10000, step, 0)
        w(f"| 10k: sangkien build ({label}) with search ≤ ½ × Hugo without search | "
          + (f"wall {fmt_s(sk10)} s vs {fmt_s(hu10)} s (× {sk10 / hu10:.2f})" if sk10 and hu10 else "not measured")
          + (f"; CPU {fmt_s(med(10000, step, 3))} s vs {fmt_s(med(10000, 'hugo', 3))} s"
             f" (× {med(10000, step, 3) / med(10000, 'hugo', 3):.2f})"
             if med(10000, step, 3) and med(10000, "hugo", 3) else "")
          + f" | {verdict(None if not (sk10 and hu10) else sk10 <= hu10 / 2)} |")
    sk10 = med(10000, "sangkien_build", 0)
    sk100, rss100 = med(100000, "sangkien_build", 0), med(100000, "sangkien_build", 1)
    over = "> " if timed_out(100000, "sangkien_build") else ""
    w(f"| 100k: sangkien build under 60 s wall | " + (f"{over}{fmt_s(sk100)} s" + (" (killed at the time limit)" if over else "") if sk100 else "not measured")
      + f" | {verdict(None if sk100 is None else sk100 < 60)} |")
    w(f"| 100k: under 2 GiB peak | " + (f"{over}{rss100 / 1024:.0f} MB" if rss100 else "not measured")
      + f" | {verdict(None if rss100 is None else rss100 < 2 * 1024 * 1024)} |")
    w(f"| time grows ≤ 11× from 10k to 100k | " + (f"{over}× {sk100 / sk10:.1f}" if sk100 and sk10 else "not measured")
      + (" (the 100k build did not finish)" if over else "")
      + f" | {verdict(None if not (sk100 and sk10) or (over and sk100 / sk10 <= 11) else sk100 / sk10 <= 11)} |")
    s100 = other.get((100000, "search_sangkien"))
    p100 = other.get((100000, "search_pagefind"))
    w(f"| first search query at 100k ≤ 100 KB gzip, client included | "
      + (f"{s100[0] / 1000:.1f} kB" if s100 else "not measured")
      + (f" (Pagefind: {p100[0] / 1000:.1f} kB)" if p100 else "")
      + f" | {verdict(None if s100 is None else s100[0] <= 100 * 1024)} |")
    w("")
    text = "\n".join(out)
    print(text)
    if args.benchmarks:
        path = args.benchmarks
        doc = open(path, encoding="utf-8").read() if os.path.exists(path) else f"# Benchmarks\n\n{START}\n{END}\n"
        if START not in doc or END not in doc:
            doc += f"\n{START}\n{END}\n"
        head, rest = doc.split(START, 1)
        _, tail = rest.split(END, 1)
        open(path, "w", encoding="utf-8").write(f"{head}{START}\n{text}\n{END}{tail}")


if __name__ == "__main__":
    main()
