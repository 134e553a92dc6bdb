"""What the build costs, and what search costs, for scripts/bench.py
(`--measure hooks,growth,baseline,pagefind`). Issue 17, part A.

Every build is a `mkdocs build` subprocess (`--no-strict`, as the figures in the
issue), timed two ways: wall clock, and CPU (user + system of the child, from
`resource.getrusage(RUSAGE_CHILDREN)`), which the other helpers' work on the same
cores disturbs much less than wall time. Comparisons run in alternating pairs (AB,
BA, AB …) so that the machine's drift falls on both alike; each pair's ratio is
kept, and reported as median with lowest and highest.

- `hooks`: every hook that checks or adds to the site (guard, search, checker,
  headers: `corpus.CHECKING_HOOKS`) on, against off, on the same pages. The guard
  COLD (`HELPCENTER_CACHE=0`: the honest first build, as in CI) and WARM (its
  per-page cache filled: a writer's repeated builds).
- `growth`: one build per N (e.g. 1,000, 2,000, 3,000 FAQs per language), first
  with an empty guard cache (the first build) and again with it filled; CPU per
  added page between successive N shows whether growth is linear.
- `baseline`: this checkout against an older one (`--baseline DIR`, e.g. made with
  `git archive <commit> | tar -x -C DIR`), same generated pages, in pairs; the older
  code runs from DIR (`PYTHONPATH`), with its own mkdocs.yml and hooks.
- `pagefind`: the built site indexed by Pagefind (a dev dependency, measured only,
  not shipped) against our lunr index: the bytes a reader's browser fetches for
  search before the first result, and MRR over tests/search_queries.yml (the
  queries of scripts/search_mrr.py), per language, in headless Chromium.
Nothing here is asserted; BENCHMARKS.md reports the figures.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from .corpus import ROOT, make_project

PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
COLD = {"HELPCENTER_CACHE": "0"}


def timed_build(config: Path, out: Path, env: dict[str, str] | None = None) -> dict[str, float]:
    """One `mkdocs build --no-strict`: wall and CPU seconds (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [PY, "-m", "mkdocs", "build", "-q", "--no-strict", "-f", str(config), "-d", str(out)],
        cwd=config.parent,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu}


def spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def paired(first: Callable[[], dict[str, float]], second: Callable[[], dict[str, float]], runs: int) -> dict:
    """`runs` alternating pairs (first, second; second, first; …): each side's median
    wall and CPU, and each pair's ratio first / second."""
    a: list[dict[str, float]] = []
    b: list[dict[str, float]] = []
    for i in range(runs):
        order = ((first, a), (second, b)) if i % 2 == 0 else ((second, b), (first, a))
        for fn, times in order:
            times.append(fn())
    figures: dict = {"pairs": runs}
    for key in ("wall", "cpu"):
        figures[key] = {
            "first": statistics.median(x[key] for x in a),
            "second": statistics.median(x[key] for x in b),
            "ratio": spread([x[key] / y[key] for x, y in zip(a, b)]),
        }
    return figures


def measure_hooks(n: int, runs: int, work: Path) -> dict:
    """Hooks on against off at N, with the guard cold and warm."""
    on = make_project(work / f"hooks-on-{n}", n)
    off = make_project(work / f"hooks-off-{n}", n, hooks=False)
    site_on, site_off = work / f"site-on-{n}", work / f"site-off-{n}"
    cold = paired(lambda: timed_build(on, site_on, COLD), lambda: timed_build(off, site_off), runs)
    timed_build(on, site_on)  # fills the guard's cache
    warm = paired(lambda: timed_build(on, site_on), lambda: timed_build(off, site_off), runs)
    return {"n": n, "pages": pages(on), "cold": cold, "warm": warm}


def pages(config: Path) -> int:
    return sum(1 for _ in (config.parent / "docs").rglob("*.md"))


def measure_growth(sizes: list[int], work: Path, keep_sites: bool = False) -> list[dict]:
    """One first build (empty guard cache) and one repeated build per N; with
    `keep_sites` the built site stays for the Pagefind figures."""
    rows = []
    for n in sizes:
        config = make_project(work / f"growth-{n}", n)
        site = work / f"site-growth-{n}"
        first = timed_build(config, site)
        again = timed_build(config, site)
        rows.append({"n": n, "pages": pages(config), "first": first, "again": again, "site": str(site) if keep_sites else None})
        print(f"growth N={n}: {rows[-1]}", flush=True)
    for previous, row in zip(rows, rows[1:]):
        added = row["pages"] - previous["pages"]
        for key in ("first", "again"):
            row[f"{key}_cpu_ms_per_added_page"] = (row[key]["cpu"] - previous[key]["cpu"]) / added * 1000
    for row in rows:
        row["first_cpu_ms_per_page"] = row["first"]["cpu"] / row["pages"] * 1000
    return rows


def measure_baseline(baseline: Path, sizes: list[int], runs: int, work: Path) -> list[dict]:
    """This checkout against the one in `baseline`, same pages, first builds (the
    guard cold: the baseline may have no cache), in alternating pairs."""
    rows = []
    for n in sizes:
        now = make_project(work / f"now-{n}", n)
        old = make_project(work / f"old-{n}", n, root=baseline)
        old_env = {**COLD, "PYTHONPATH": str(baseline)}
        figures = paired(
            lambda now=now: timed_build(now, work / "site-now", COLD),
            lambda old=old, env=old_env: timed_build(old, work / "site-old", env),
            runs,
        )
        rows.append({"n": n, "pages": pages(now), **figures})
        print(f"baseline N={n}: {rows[-1]}", flush=True)
    return rows


# --- Pagefind against lunr --------------------------------------------------------


def compressed(body: bytes, url: str) -> int:
    """Bytes on the wire from a static host that compresses: gzip, unless the file
    is compressed already (Pagefind's chunks and wasm are gzip files)."""
    if body[:2] == b"\x1f\x8b" or url.endswith((".png", ".gz", ".woff2")):
        return len(body)
    return min(len(body), len(gzip.compress(body, 6)))


PAGEFIND_JS = """async ([query, limit]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.init();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, limit).map(r => r.data()));
  return data.map(d => d.url);
}"""

LUNR_FIRST_JS = """async (query) => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  box.focus();
  box.value = query; box.dispatchEvent(new KeyboardEvent("keyup"));
  return await new Promise((resolve) => {
    const done = () => { if (list.querySelector(".md-search-result__item")) { observer.disconnect(); resolve(true); return true; } return false; };
    const observer = new MutationObserver(done);
    observer.observe(list, {childList: true, subtree: true});
    done();
    setTimeout(() => { observer.disconnect(); resolve(false); }, 30000);
  });
}"""


def pagefind_index(site: Path) -> dict:
    """Run Pagefind over the built site (its article bodies only, as our index)."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run(
        [PY, "-m", "pagefind", "--site", str(site), "--root-selector", "article", "--silent"], env=ENV, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(result.stdout[-2000:] + result.stderr[-2000:])
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return {"index_s": time.perf_counter() - start, "files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def mrr(ranks: list[int | None]) -> float:
    return sum(1 / r for r in ranks if r) / len(ranks)


def lunr_ranks(site: Path, lang: str, cases: list[dict]) -> list[int | None]:
    from helpcenter.search.engine import SearchEngine

    engine = SearchEngine.load(site, lang)
    prefix = "" if lang == "zh" else f"{lang}/"
    ranks = []
    for case in cases:
        urls = [hit.url for hit in engine.search(case["q"], limit=20)]
        wanted = f"/{prefix}{case['page']}/"
        ranks.append(urls.index(wanted) + 1 if wanted in urls else None)
    return ranks


def _collector(bodies: list[tuple[str, bytes]]):
    """A `requestfinished` handler keeping (url, body) of each answered request; a
    request still finishing when its page closes is not counted."""

    def collect(request) -> None:
        try:
            response = request.response()
            if response and response.ok:
                bodies.append((request.url, response.body()))
        except Exception:  # noqa: BLE001 (the page closed under it: Playwright's TargetClosedError)
            pass

    return collect


def measure_search(site: Path, queries: Path = ROOT / "tests/search_queries.yml") -> dict:
    """Per language: search bytes before the first result (lunr: the search worker,
    its language files and the index, all fetched for the first query; Pagefind: its
    script, wasm, entry, index chunks and the first result's fragment) and MRR over
    the relevance queries, for lunr and Pagefind."""
    from playwright.sync_api import sync_playwright

    from .measure import CHROMIUM_ARGS, serve

    cases = yaml.safe_load(queries.read_text(encoding="utf-8"))
    built = pagefind_index(site)
    server, base = serve(site)
    figures: dict = {"pagefind_index": built}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            for lang, path in (("zh", "/"), ("en", "/en/")):
                first = cases[lang][0]["q"]
                row: dict = {"queries": len(cases[lang])}
                # lunr: everything the search fetches, from page load to the first result
                context = browser.new_context()
                page = context.new_page()
                bodies: list[tuple[str, bytes]] = []
                page.on("requestfinished", _collector(bodies))
                page.goto(base + path, wait_until="load")
                page.evaluate(LUNR_FIRST_JS, first)
                page.wait_for_load_state("networkidle")
                search = [(u, b) for u, b in bodies if "/search/" in u or "/workers/search." in u or "/lunr/" in u]
                row["lunr_first_query_bytes"] = sum(compressed(b, u) for u, b in search)
                row["lunr_first_query_files"] = [u.replace(base, "") for u, _ in search]
                context.close()
                # Pagefind: from a loaded page, everything fetched up to the first result's data
                context = browser.new_context()
                page = context.new_page()
                page.goto(base + path, wait_until="networkidle")
                bodies = []
                page.on("requestfinished", _collector(bodies))
                page.evaluate(PAGEFIND_JS, [first, 1])
                page.wait_for_load_state("networkidle")
                found = [(u, b) for u, b in bodies if "/pagefind/" in u]
                row["pagefind_first_query_bytes"] = sum(compressed(b, u) for u, b in found)
                row["pagefind_first_query_files"] = len(found)
                ranks = []
                for case in cases[lang]:
                    urls = page.evaluate(PAGEFIND_JS, [case["q"], 20])
                    wanted = f"/{'' if lang == 'zh' else lang + '/'}{case['page']}/"
                    ranks.append(urls.index(wanted) + 1 if wanted in urls else None)
                row["pagefind_mrr"] = mrr(ranks)
                row["lunr_mrr"] = mrr(lunr_ranks(site, lang, cases[lang]))
                context.close()
                figures[lang] = row
            browser.close()
    finally:
        server.shutdown()
    return figures


def measure(what: list[str], sizes: list[int], runs: int, baseline: Path | None = None) -> dict:
    results: dict = {"load": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="bench-cost-") as tmp:
        work = Path(tmp)
        if "hooks" in what:
            results["hooks"] = [measure_hooks(n, runs, work) for n in sizes]
            print(json.dumps(results["hooks"], indent=1), flush=True)
        if "growth" in what:
            results["growth"] = measure_growth(sizes, work, keep_sites="pagefind" in what)
        if "baseline" in what:
            if baseline is None:
                raise SystemExit("--measure baseline needs --baseline DIR (an older checkout)")
            results["baseline"] = measure_baseline(baseline, sizes, runs, work)
        if "pagefind" in what:
            results["pagefind"] = {}
            for n in sizes:
                site = work / f"site-growth-{n}"
                if not site.is_dir():
                    config = ROOT / "mkdocs.yml" if n == 0 else make_project(work / f"search-{n}", n)
                    timed_build(config, site)
                results["pagefind"][n] = measure_search(site)
                print(f"pagefind N={n}: {results['pagefind'][n]}", flush=True)
    results["load_after"] = os.getloadavg()
    return results
