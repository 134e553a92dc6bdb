#!/usr/bin/env python3
"""Benchmark: how build, check and search cost grow with the number of articles.

    .venv/bin/python scripts/bench.py                      # N = 10, 100, 1000; 5 runs each
    .venv/bin/python scripts/bench.py --sizes 10,100 --runs 5
    .venv/bin/python scripts/bench.py --quick              # N = 10, 1 run: a smoke run
    .venv/bin/python scripts/bench.py --json out.json --write-md   # update BENCHMARKS.md
    .venv/bin/python scripts/bench.py --measure hooks --sizes 1000 --runs 5   # hooks on/off, guard cold and warm
    .venv/bin/python scripts/bench.py --measure growth,pagefind --sizes 1000,2000,3000
    .venv/bin/python scripts/bench.py --measure baseline --baseline /tmp/old --sizes 1000 --runs 3

For each N it generates N FAQ articles per language from the real articles'
sentences (scripts/benchlib/corpus.py) in a temporary copy of the project, then
measures (timings are medians of --runs): the full build with and without the
guard hook, the standalone check, jieba's and the hook's share of a profiled
build, each language's search index against its text, the bytes a first page
load transfers, and the time to the first search result in headless Chromium.
Nothing here is asserted: targets are reported, see BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import tempfile
from pathlib import Path

from helpcenter.bench.corpus import make_project
from helpcenter.bench.measure import browser_figures, build, check_times, index_sizes, paired_times, profile_build
from helpcenter.guard.runner import check_config

ROOT = Path(__file__).resolve().parent.parent

TARGETS = {"hook_overhead": 0.05, "check_s": 1.0, "search_ms": 150, "load_kb": 300}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import material
    import mkdocs
    import pyromark

    return (
        f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, "
        f"MkDocs {mkdocs.__version__}, Material {material.__version__}, pyromark {pyromark.__version__}"
    )


def run_size(n: int, runs: int, work: Path, browser: bool) -> dict:
    with_hook = make_project(work / f"n{n}", n)
    without_hook = make_project(work / f"n{n}-nohook", n, hook=False)
    findings = check_config(with_hook).findings
    if findings:
        raise SystemExit(f"generated corpus N={n} is not clean: {findings[0].text()}")
    out = work / f"site{n}"
    build_with, build_without, pair_overheads = paired_times(
        lambda: build(with_hook, out), lambda: build(without_hook, work / f"site{n}-nohook"), runs
    )
    check_inner, check_wall = check_times(with_hook, runs)
    prof = profile_build(with_hook, work / f"site{n}-prof", work / f"n{n}.prof")
    result = {
        "n": n,
        "pages": 2 * n + 26,
        "build_s": build_with,
        "build_nohook_s": build_without,
        "hook_overhead": statistics.median(pair_overheads),
        "hook_overhead_pairs": pair_overheads,
        "check_s": check_inner,
        "check_wall_s": check_wall,
        "profile": prof,
        "index": index_sizes(out),
    }
    if browser:
        result["browser"] = browser_figures(out)
    return result


def table(results: list[dict]) -> str:
    rows = [
        "| N per language | pages | build (s) | build without hook (s) | hook overhead (pairs: min – max) | check (s, in-process / command) | jieba share of build | zh index raw / gzip (KiB) | en index raw / gzip (KiB) | zh / en text (KiB) | first load zh / en (KiB, gzip) | first result cold / warm (ms, zh; en) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ix = r["index"]
        b = r.get("browser")
        load = f"{b['load']['zh']['gzip'] / 1024:.0f} / {b['load']['en']['gzip'] / 1024:.0f}" if b else "–"
        search = (
            (
                f"{b['search']['zh']['cold_ms']:.0f} / {b['search']['zh']['warm_ms']:.0f}; "
                f"{b['search']['en']['cold_ms']:.0f} / {b['search']['en']['warm_ms']:.0f}"
            )
            if b
            else "–"
        )
        rows.append(
            f"| {r['n']} | {r['pages']} | {r['build_s']:.2f} | {r['build_nohook_s']:.2f} | {r['hook_overhead'] * 100:+.1f} % ({min(r['hook_overhead_pairs']) * 100:+.0f} – {max(r['hook_overhead_pairs']) * 100:+.0f} %) | "
            f"{r['check_s']:.2f} / {r['check_wall_s']:.2f} | {r['profile']['jieba'] / r['profile']['total'] * 100:.0f} % | "
            f"{ix['zh']['raw'] / 1024:.0f} / {ix['zh']['gzip'] / 1024:.0f} | {ix['en']['raw'] / 1024:.0f} / {ix['en']['gzip'] / 1024:.0f} | "
            f"{ix['zh']['text'] / 1024:.0f} / {ix['en']['text'] / 1024:.0f} | {load} | {search} |"
        )
    return "\n".join(rows)


def write_md(results: list[dict], info: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "<!-- bench:start -->\n<!-- bench:end -->\n"
    block = f"<!-- bench:start -->\nMachine: {info}\n\n{table(results)}\n<!-- bench:end -->"
    path.write_text(re.sub(r"<!-- bench:start -->.*?<!-- bench:end -->", lambda m: block, text, flags=re.S), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="articles per language, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (median)")
    parser.add_argument("--quick", action="store_true", help="N=10, one run")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figures")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--write-md", action="store_true", help="update the table in BENCHMARKS.md")
    parser.add_argument(
        "--measure",
        default="",
        help="only these figures, comma-separated: check (the check command "
        "cold / cached / after one edit), serve (mkdocs serve save-to-reload), hooks (build with every "
        "checking hook against without, guard cold and warm, in pairs), growth (one build per N: CPU per "
        "added page), baseline (this checkout against --baseline DIR, in pairs), pagefind (search bytes "
        "before the first result and MRR, Pagefind against lunr; see helpcenter/bench/cost.py); or guard "
        "alone (check command cold / cached and hooks on vs off with the cache off and on, alternating pairs, wall and CPU)",
    )
    parser.add_argument("--baseline", type=Path, help="an older checkout of the project, for --measure baseline")
    args = parser.parse_args()
    if args.measure == "guard":  # issue 17: check command cold / cached, hooks on vs off (helpcenter/bench/guardcost.py)
        from helpcenter.bench.guardcost import measure as guard_cost

        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            sizes = [int(s) for s in args.sizes.split(",")] if args.sizes != "10,100,1000" else [1000]
            print(json.dumps(guard_cost(sizes, args.runs, Path(tmp)), indent=2))
        return 0
    if args.measure:
        what = args.measure.split(",")
        unknown = set(what) - {"check", "serve", "hooks", "growth", "baseline", "pagefind"}
        if unknown:
            parser.error(f"unknown --measure: {', '.join(sorted(unknown))}")
        results = {"machine": machine(), "runs": args.runs}
        if {"check", "serve"} & set(what):
            from helpcenter.bench.serve import measure

            sizes = [int(s) for s in args.sizes.split(",")] if args.sizes != "10,100,1000" else [0, 1000]
            results.update(measure([w for w in what if w in ("check", "serve")], sizes, args.runs))
        if {"hooks", "growth", "baseline", "pagefind"} & set(what):
            from helpcenter.bench.cost import measure as measure_cost

            sizes = [int(s) for s in args.sizes.split(",")] if args.sizes != "10,100,1000" else [1000]
            results.update(measure_cost(what, sizes, args.runs, baseline=args.baseline))
        text = json.dumps(results, indent=2)
        print(text)
        if args.json:
            args.json.write_text(text, encoding="utf-8")
        return 0
    sizes = [10] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = 1 if args.quick else args.runs
    info = machine()
    print(info, flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for n in sizes:
            print(f"N={n} …", flush=True)
            results.append(run_size(n, runs, Path(tmp), browser=not args.no_browser))
            print(table(results[-1:]).splitlines()[-1], flush=True)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "runs": runs, "results": results}, indent=2), encoding="utf-8")
    if args.write_md:
        write_md(results, info)
    return 0


if __name__ == "__main__":
    sys.exit(main())
