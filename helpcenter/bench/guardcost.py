"""What the guard costs, for scripts/bench.py `--measure guard` (issue 17):

- the standalone check as a command (start-up included), with no cache
  (`HELPCENTER_CACHE=0`) and with a filled cache;
- a full `mkdocs build` with every hook against the same pages built without the
  guard hook, with the guard's cache off and on.

Each comparison runs in alternating pairs (AB, BA, AB …) so the shared machine's
drift falls on both alike, and reports wall time and CPU time (user + system of
the command and every process it waited for), each as the median with its spread
(lowest and highest) over the runs, and the ratio of the pairs' medians.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from .measure import ENV, PY


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise RuntimeError(result.stderr[-2000:])
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def pairs(first, second, runs: int) -> dict:
    """`first` and `second` (callables returning (wall, cpu)) in alternating pairs."""
    a: list[tuple[float, float]] = []
    b: list[tuple[float, float]] = []
    for i in range(runs):
        for fn, out in ((first, a), (second, b)) if i % 2 == 0 else ((second, b), (first, a)):
            out.append(fn())
    result: dict = {}
    for index, name in ((0, "wall"), (1, "cpu")):
        ratios = sorted(x[index] / y[index] for x, y in zip(a, b))
        result[name] = {"on": _spread([x[index] for x in a]), "off": _spread([y[index] for y in b]), "ratio": _spread(ratios)}
    return result


def check_command(config: Path, runs: int) -> dict:
    """The check command, cold (no cache) and with a filled cache."""
    command = [PY, "-m", "helpcenter.guard", "--config", str(config)]
    cold = [_run(command, config.parent, {**ENV, "HELPCENTER_CACHE": "0"}) for _ in range(runs)]
    shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    _run(command, config.parent, ENV)  # fills the cache
    warm = [_run(command, config.parent, ENV) for _ in range(runs)]
    return {
        name: {"wall": _spread([w for w, _ in times]), "cpu": _spread([c for _, c in times])}
        for name, times in (("cold", cold), ("cached", warm))
    }


def hooks_on_off(with_hook: Path, without_hook: Path, runs: int, cache: bool) -> dict:
    """Full builds with every hook against the same pages without the guard hook."""
    env = {**ENV, "HELPCENTER_CACHE": "1" if cache else "0"}
    if cache:  # filled once, as a writer's machine or CI cache would have it
        shutil.rmtree(with_hook.parent / ".cache", ignore_errors=True)
        _run([PY, "-m", "mkdocs", "build", "-q", "-f", str(with_hook), "-d", str(with_hook.parent / "site")], with_hook.parent, env)

    def build(config: Path) -> tuple[float, float]:
        return _run([PY, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(config.parent / "site")], config.parent, env)

    return pairs(lambda: build(with_hook), lambda: build(without_hook), runs)


def measure(sizes: list[int], runs: int, work: Path) -> dict:
    from .corpus import make_project

    results: dict = {"cores": os.cpu_count()}
    for n in sizes:
        with_hook = make_project(work / f"n{n}", n)
        without_hook = make_project(work / f"n{n}-nohook", n, hook=False)
        results[f"N={n}"] = {
            "check_command": check_command(with_hook, runs),
            "hooks_on_off_cache_off": hooks_on_off(with_hook, without_hook, runs, cache=False),
            "hooks_on_off_cache_on": hooks_on_off(with_hook, without_hook, runs, cache=True),
        }
        print(n, results[f"N={n}"], flush=True)
    return results
