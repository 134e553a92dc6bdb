"""The benchmark's corpus generator makes real work for the guard: N valid FAQ
pairs, with the same steps count in both languages, that the checker accepts
clean. (Timings are never asserted; scripts/bench.py reports them.)"""
from __future__ import annotations

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
