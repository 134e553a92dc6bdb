"""The benchmark's corpus generator makes real work for the guard: N valid FAQ
pairs, with the same steps count in both languages, that the checker accepts
clean. (Timings are never asserted; scripts/bench.py reports them.)"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpcenter.bench.corpus import make_project
from helpcenter.guard.runner import check_config

ROOT = Path(__file__).resolve().parent.parent


def test_generated_corpus_is_valid_and_clean(tmp_path):
    config = make_project(tmp_path / "p", 5)
    report = check_config(config)
    assert [f.text() for f in report.findings] == []
    generated = {p: r for p, r in report.pages.items() if r.page.startswith("faq/generated-")}
    assert len(generated) == 10  # 5 per language
    for lang_zh in (r for r in generated.values() if r.lang == "zh"):
        twin = next(r for r in generated.values() if r.lang == "en" and r.page == lang_zh.page)
        assert lang_zh.faq is not None and twin.faq is not None
        assert len(lang_zh.faq.steps) == len(twin.faq.steps) >= 3
        assert lang_zh.faq.escalates and twin.faq.escalates


def test_generated_pages_are_built_from_real_sentences(tmp_path):
    config = make_project(tmp_path / "p", 3)
    page = (config.parent / "docs/en/faq/generated-0001.md").read_text(encoding="utf-8")
    real = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs/en/faq").glob("*.md"))
    steps = [line.split("**: ", 1)[1] for line in page.splitlines() if "**: " in line]
    assert steps and all(step in real for step in steps)


def test_without_hook_variant_drops_only_the_guard(tmp_path):
    config = make_project(tmp_path / "p", 1, hook=False)
    text = config.read_text(encoding="utf-8")
    assert "  - hooks/guard.py\n" not in text and "  - hooks/search.py\n" in text
    assert "      - faq/generated-0000.md\n" in text  # the same nav as with the hook


def test_with_and_without_hook_builds_alternate_so_drift_falls_on_both(monkeypatch):
    from helpcenter.bench import measure

    calls: list[str] = []
    now = [0.0]
    monkeypatch.setattr(measure.time, "perf_counter", lambda: now[0])

    def run(name: str, seconds: float):
        calls.append(name)
        now[0] += seconds + len(calls) / 100  # the machine slows down as it goes

    a, b, pairs = measure.paired_times(lambda: run("with", 3.0), lambda: run("without", 2.0), 4)
    assert calls == ["with", "without", "without", "with", "with", "without", "without", "with"]
    assert round(a - b, 6) == 1.0  # the drift fell on both alike
    assert len(pairs) == 4 and all(0.45 < p < 0.5 for p in pairs) and pairs == sorted(pairs)


def test_without_hooks_variant_keeps_only_what_the_pages_need_and_builds_strict(tmp_path):
    """`hooks=False` (bench --measure hooks): no guard, search, checker or headers
    hook; the reader hook stays (the templates need its words). The nav is written
    as the guard hook would complete it, so the strict build has nothing to warn
    about even with FAQs past faq_nav_max, shipped and generated."""
    config = make_project(tmp_path / "p", 45, hooks=False)
    text = config.read_text(encoding="utf-8")
    assert all(f"  - hooks/{name}.py\n" not in text for name in ("guard", "search", "checker", "headers"))
    assert "  - hooks/reader.py\n" in text
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr
    assert (tmp_path / "site/en/faq/generated-0044/index.html").is_file()


def test_paired_builds_alternate_and_give_cpu_and_wall_ratios():
    from helpcenter.bench.cost import paired

    calls: list[str] = []

    def run(name: str, wall: float, cpu: float):
        calls.append(name)
        return {"wall": wall + len(calls), "cpu": cpu}  # the machine's wall clock drifts, CPU does not

    figures = paired(lambda: run("on", 10, 3.0), lambda: run("off", 10, 2.0), 4)
    assert calls == ["on", "off", "off", "on", "on", "off", "off", "on"]
    assert figures["cpu"]["ratio"] == {"median": 1.5, "min": 1.5, "max": 1.5}
    assert figures["wall"]["first"] == figures["wall"]["second"] == 14.5  # drift fell on both alike
    assert figures["wall"]["ratio"]["min"] < 1 < figures["wall"]["ratio"]["max"]


def test_transfer_size_counts_precompressed_files_as_they_are():
    from helpcenter.bench.cost import compressed

    text = b"lunr index " * 1000
    assert compressed(text, "/search/search_index.json") == len(gzip.compress(text, 6)) < len(text)
    chunk = gzip.compress(text)
    assert compressed(chunk, "/pagefind/index/zh_abc.pf_index") == len(chunk)
    assert compressed(b"x", "/a.js") == 1  # never more than the file itself


def test_corpus_from_an_older_checkout(tmp_path):
    """--measure baseline: the project copied from another checkout's files."""
    old = tmp_path / "old"
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, old / name)
    (old / "mkdocs.yml").write_text(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("site_name: BitPie 帮助中心", "site_name: Old"), encoding="utf-8"
    )
    config = make_project(tmp_path / "p", 2, root=old)
    assert "site_name: Old" in config.read_text(encoding="utf-8")
    assert (config.parent / "docs/zh/faq/generated-0001.md").is_file()
