"""Save-to-reload of `mkdocs serve`, and the standalone check, for scripts/bench.py
(`--measure check,serve`).

Save-to-reload is what a writer waits for: from writing a page to the moment
MkDocs' live-reload answers the browser's poll with a new version (the browser
then reloads). We start `mkdocs serve` on a free 127.0.0.1 port, read the build
epoch the served page carries, ask `/livereload/<epoch>/<id>` as the browser's
script does (the server holds the request until a newer build is visible), and
append a sentence to a page. Each figure is the median of runs; the page is
restored afterwards.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
_EPOCH = re.compile(rb"livereload\((\d+),\s*(\d+)\)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(server: subprocess.Popen) -> None:
    """Stop a server started with `start_new_session=True`: Ctrl-C to its whole process
    group (MkDocs' watcher included), then, after 20 s, kill."""
    os.killpg(server.pid, signal.SIGINT)
    try:
        server.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _get(url: str, timeout: float) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as answer:  # noqa: S310 (127.0.0.1 only)
        return answer.read()


def _epoch(base: str, timeout: float = 120) -> int:
    """The build epoch the served home page carries, once the first build is up."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            match = _EPOCH.search(_get(base + "/", 5))
            if match:
                return int(match.group(1))
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("mkdocs serve did not come up")
        time.sleep(0.1)


def save_to_reload(
    config: Path, page: str = "docs/en/faq/forgot-password.md", runs: int = 5, args: tuple[str, ...] = (), pause: float = 1.0
) -> list[float]:
    """Seconds from saving `page` (relative to the project) to the reload signal,
    one per run, after a first rebuild that is not counted (warm-up)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    target = config.parent / page
    original = target.read_bytes()
    log = tempfile.NamedTemporaryFile(prefix="bench-serve-", suffix=".log", delete=False)  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [PY, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}", *args],
        cwd=config.parent,
        env=ENV,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    times: list[float] = []
    try:
        epoch = _epoch(base)
        for run in range(runs + 1):
            answer: dict[str, float] = {}

            def poll(epoch: int = epoch, answer: dict = answer, run: int = run) -> None:
                answer["epoch"] = float(_get(f"{base}/livereload/{epoch}/{run}", 120))
                answer["at"] = time.perf_counter()

            waiter = threading.Thread(target=poll, daemon=True)
            waiter.start()
            time.sleep(0.3)  # the poll is parked on the server before we save
            saved = time.perf_counter()
            target.write_bytes(original + f"\nEdited {run}.\n".encode())
            waiter.join(120)
            if "at" not in answer:
                raise RuntimeError(f"no reload signal; see {log.name}")
            if run:  # the first rebuild warms caches: not counted
                times.append(answer["at"] - saved)
            epoch = int(answer["epoch"])
            time.sleep(pause)
    finally:
        target.write_bytes(original)
        stop(server)
        log.close()
    return times


def check_command(config: Path, runs: int = 5, edit: str | None = None) -> dict[str, float]:
    """The standalone check as a command (median wall time, start-up included):
    `cold` with no cache, `unchanged` with a filled cache, and after one page edit."""

    def once(env: dict[str, str]) -> float:
        start = time.perf_counter()
        subprocess.run([PY, "-m", "helpcenter.guard", "--config", str(config)], cwd=config.parent, env=env, capture_output=True, text=True)
        return time.perf_counter() - start

    shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    figures = {"cold": statistics.median(once({**ENV, "HELPCENTER_CACHE": "0"}) for _ in range(max(1, runs // 2)))}
    once(ENV)  # fills the cache
    figures["unchanged"] = statistics.median(once(ENV) for _ in range(runs))
    page = config.parent / (edit or "docs/en/faq/forgot-password.md")
    original = page.read_bytes()
    edits = []
    try:
        for run in range(runs):
            page.write_bytes(original + f"\nEdited {run}.\n".encode())
            edits.append(once(ENV))
    finally:
        page.write_bytes(original)
    figures["one_edit"] = statistics.median(edits)
    return figures


def measure(what: list[str], sizes: list[int], runs: int) -> dict:
    """`--measure check,serve`: N = 0 is the shipped site itself (a git checkout,
    so page dates come from git), other N a generated copy (scripts/bench.py)."""
    from .corpus import ROOT, make_project

    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for n in sizes:
            config = ROOT / "mkdocs.yml" if n == 0 else make_project(Path(tmp) / f"n{n}", n)
            row: dict = {}
            if "check" in what:
                row["check_command_s"] = check_command(config, runs)
            if "serve" in what:
                times = save_to_reload(config, runs=runs)
                row["serve_save_to_reload_s"] = {"median": statistics.median(times), "min": min(times), "max": max(times)}
            results[f"N={n}"] = row
            print(n, row, flush=True)
    return results
