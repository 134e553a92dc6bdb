"""The measurements behind scripts/bench.py. Each timing is the median of runs."""

from __future__ import annotations

import functools
import gzip
import json
import os
import pstats
import re
import statistics
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUERIES = {
    "zh": ["忘记密码", "账户被盗", "联系客服", "助记词", "转账未到账"],
    "en": ["password", "stolen", "contact support", "phishing", "transfer"],
}


def paired_times(first, second, runs: int) -> tuple[float, float, list[float]]:
    """Median times of two commands run in alternating pairs (AB BA AB …), so that
    drift on the machine falls on both alike; and, sorted, each pair's overhead of
    `first` over `second` (first / second - 1)."""
    a, b = [], []
    for i in range(runs):
        for fn, times in ((first, a), (second, b)) if i % 2 == 0 else ((second, b), (first, a)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b), sorted(x / y - 1 for x, y in zip(a, b))


def build(config: Path, out: Path) -> None:
    result = subprocess.run(
        [PY, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], cwd=config.parent, env=ENV, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])


def check_times(config: Path, runs: int) -> tuple[float, float]:
    """(in-process time the check reports, wall time of the whole command), medians."""
    inner, wall = [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([PY, str(ROOT / "scripts/check.py"), "--config", str(config)], env=ENV, capture_output=True, text=True)
        wall.append(time.perf_counter() - start)
        inner.append(float(re.search(r"([\d.]+)s\s*$", result.stderr.strip()).group(1)))
    return statistics.median(inner), statistics.median(wall)


def profile_build(config: Path, out: Path, profile: Path) -> dict[str, float]:
    """One build under cProfile: total time, jieba's and the guard hook's share."""
    subprocess.run(
        [PY, "-m", "cProfile", "-o", str(profile), "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
        cwd=config.parent,
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    stats = pstats.Stats(str(profile))
    total = max(v[3] for v in stats.stats.values())

    def cumulative(match) -> float:
        return sum(v[3] for (file, _, name), v in stats.stats.items() if match(file, name))

    jieba = cumulative(lambda f, n: n == "_segment_chinese")
    jieba_init = cumulative(lambda f, n: "jieba" in f and n == "initialize")
    hook = cumulative(lambda f, n: f.endswith("hooks/guard.py") and n.startswith("on_"))
    return {"total": total, "jieba": jieba, "jieba_init": jieba_init, "hook": hook}


def index_sizes(site: Path) -> dict[str, dict[str, int]]:
    from helpcenter.search.engine import plain_text

    sizes = {}
    for lang, path in (("zh", site / "search/search_index.json"), ("en", site / "en/search/search_index.json")):
        raw = path.read_bytes()
        docs = json.loads(raw)["docs"]
        text = sum(len(plain_text(d.get("title", "") + " " + d.get("text", "")).replace("\u200b", "").encode()) for d in docs)
        sizes[lang] = {"raw": len(raw), "gzip": len(gzip.compress(raw, 6)), "text": text, "entries": len(docs)}
    return sizes


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


SEARCH_JS = """async (query) => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  box.value = ""; box.dispatchEvent(new KeyboardEvent("keyup"));
  await new Promise(r => setTimeout(r, 50));
  const start = performance.now();
  box.value = query; box.dispatchEvent(new KeyboardEvent("keyup"));
  return await new Promise((resolve) => {
    const done = () => { if (list.querySelector(".md-search-result__item")) { observer.disconnect(); resolve(performance.now() - start); return true; } return false; };
    const observer = new MutationObserver(done);
    observer.observe(list, {childList: true, subtree: true});
    done();
    setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
  });
}"""


def browser_figures(site: Path) -> dict:
    """First page load bytes per language home, and time to first search result."""
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    figures: dict = {"load": {}, "search": {}}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            for lang, path in (("zh", "/"), ("en", "/en/")):
                context = browser.new_context(viewport={"width": 390, "height": 844})
                page = context.new_page()
                bodies: list[tuple[str, bytes]] = []
                page.on(
                    "requestfinished",
                    lambda r, bodies=bodies: bodies.append((r.url, r.response().body())) if r.response() and r.response().ok else None,
                )
                page.goto(base + path, wait_until="networkidle")
                raw = sum(len(b) for _, b in bodies)
                zipped = sum(len(gzip.compress(b, 6)) if not u.endswith((".png", ".gz")) else len(b) for u, b in bodies)
                figures["load"][lang] = {"requests": len(bodies), "raw": raw, "gzip": zipped}
                page.locator("input.md-search__input").evaluate("e => e.focus()")
                cold = page.evaluate(SEARCH_JS, QUERIES[lang][0])
                warm = [page.evaluate(SEARCH_JS, q) for q in QUERIES[lang][1:] + QUERIES[lang][:1]]
                figures["search"][lang] = {"cold_ms": cold, "warm_ms": statistics.median(warm), "max_ms": max(warm)}
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return figures
