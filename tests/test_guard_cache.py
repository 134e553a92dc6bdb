"""The guard's per-page cache (helpcenter/guard/cache.py): a run that reuses cached
results reports exactly what a cold run reports, and anything a page's result
depends on (the page, its folder's FAQs for the FAQ list, the registry, the
guard's code and data, the date) makes it be checked again. A cache file that
cannot be read is ignored."""

from __future__ import annotations

import datetime as dt
import pickle
import shutil
from pathlib import Path

import pytest
from test_check_equals_build import CASES

from helpcenter.guard import cache, runner
from helpcenter.guard.runner import check_config

from conftest import FAQ_EN, FAQ_ZH, copy_project

TODAY = dt.date(2026, 11, 25)


def cold(config: Path, monkeypatch, render: bool = False) -> list:
    with monkeypatch.context() as m:
        m.setenv(cache.ENV, "0")
        return check_config(config, today=TODAY, render=render).findings


def warm(config: Path, render: bool = False, workers: int | None = 1) -> list:
    return check_config(config, today=TODAY, render=render, workers=workers).findings


def shown(findings: list) -> list[tuple]:
    """Everything a reader is shown: file, line, code and the text in both languages."""
    return [(f.path, f.line, f.code, f.text("en"), f.text("zh")) for f in findings]


@pytest.fixture
def counted(monkeypatch):
    """How many pages the rules actually read (not taken from the cache)."""
    calls: list[str] = []
    real = runner.check_page

    def spy(path, rel, *args, **kwargs):
        calls.append(rel)
        return real(path, rel, *args, **kwargs)

    monkeypatch.setattr(runner, "check_page", spy)
    monkeypatch.setenv(cache.ENV, "1")
    return calls


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The shipped project plus every bad page of the check-equals-build corpus."""
    copy_project(tmp_path)
    for name, text in CASES.items():
        for lang in ("en", "zh"):
            (tmp_path / f"docs/{lang}/corpus").mkdir(parents=True, exist_ok=True)
            (tmp_path / f"docs/{lang}/corpus" / name).write_text(text, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


@pytest.mark.parametrize("render", [False, True], ids=["build", "check"])
def test_cached_run_reports_what_a_cold_run_reports(corpus, monkeypatch, counted, render):
    expected = shown(cold(corpus, monkeypatch, render))
    assert len(expected) > len(CASES)  # the corpus is full of problems
    counted.clear()
    assert shown(warm(corpus, render)) == expected  # fills the cache
    pages = len(counted)
    counted.clear()
    assert shown(warm(corpus, render)) == expected  # from the cache
    assert counted == [] and pages > 80
    assert (corpus.parent / ".cache/helpcenter" / f"pages-{'check' if render else 'build'}.pickle").is_file()


def test_results_from_worker_processes_are_cached_under_their_own_page(corpus, monkeypatch):
    """Workers return their pages chunk by chunk, out of order: each result must be
    stored under its own page's key."""
    monkeypatch.setattr(runner, "PARALLEL_FROM", 0)
    monkeypatch.setenv(cache.ENV, "1")
    expected = shown(cold(corpus, monkeypatch))
    assert shown(warm(corpus, workers=2)) == expected
    assert shown(warm(corpus, workers=1)) == expected
    edited = corpus.parent / "docs/en/corpus/inline.md"
    edited.write_text("# Inline\n\nNothing here.\n", encoding="utf-8")
    expected = shown(cold(corpus, monkeypatch))
    assert shown(warm(corpus, workers=2)) == expected
    assert shown(warm(corpus, workers=1)) == expected


def test_an_edited_page_is_checked_again_and_only_it(mini, counted):
    mini.page("# Page\n\nText.\n")
    assert warm(mini.config) == []
    counted.clear()
    mini.write("en/page.md", "# Page\n\nSee [help](https://bitpie-help.com/).\n")
    assert [(f.path, f.line, f.code) for f in warm(mini.config)] == [("docs/en/page.md", 3, "lookalike-domain")]
    assert counted == ["docs/en/page.md"]
    counted.clear()
    mini.write("en/page.md", "# Page\n\nText.\n")  # back as it was: the old entry is gone, checked again
    assert warm(mini.config) == []
    assert counted == ["docs/en/page.md"]


def test_a_registry_change_rechecks_every_page(mini, counted):
    mini.page("# Page\n\n[mail](mailto:help@bitpie.com)\n")
    assert [f.code for f in warm(mini.config)] == ["contact-unlisted"]
    text = mini.config.read_text(encoding="utf-8")
    mini.config.write_text(text.replace("url: mailto:support@bitpie.com", "url: mailto:help@bitpie.com"), encoding="utf-8")
    counted.clear()
    assert warm(mini.config) == []
    assert len(counted) == 8  # every page: the registry is part of every key


def test_a_change_to_the_guards_code_or_data_rechecks_every_page(mini, counted, monkeypatch, tmp_path_factory):
    package = tmp_path_factory.mktemp("package")
    shutil.copytree(cache._PACKAGE / "guard", package / "guard", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache.code_version.cache_clear()
    try:
        warm(mini.config)
        counted.clear()
        warm(mini.config)
        assert counted == []
        rules = package / "guard/data/shorteners.txt"
        rules.write_text(rules.read_text(encoding="utf-8") + "example-short.test\n", encoding="utf-8")
        cache.code_version.cache_clear()
        warm(mini.config)
        assert len(counted) == 6
    finally:
        cache.code_version.cache_clear()


def test_another_day_rechecks_every_page(mini, counted, monkeypatch):
    warm(mini.config)
    counted.clear()
    monkeypatch.setattr(cache, "today_in_zone", lambda: dt.date(2031, 1, 1))
    warm(mini.config)
    assert len(counted) == 6


def test_the_faq_list_page_follows_its_folder(mini, counted, monkeypatch):
    """The FAQ index lists its folder's FAQs when rendered: a new FAQ there changes it."""
    for lang in ("zh", "en"):
        mini.write(f"{lang}/faq/index.md", "# FAQ\n\n<!-- faq-list -->\n")
    assert warm(mini.config, render=True) == []
    counted.clear()
    mini.write("en/faq/second.md", FAQ_EN.replace("# Forgot your password?", "# Ask at bitpie-help.com"))  # a finding
    mini.write("zh/faq/second.md", FAQ_ZH)
    findings = shown(warm(mini.config, render=True))
    assert sorted(counted) == ["docs/en/faq/index.md", "docs/en/faq/second.md", "docs/zh/faq/index.md", "docs/zh/faq/second.md"]
    assert findings == shown(cold(mini.config, monkeypatch, render=True))


@pytest.mark.parametrize(
    "garbage", [b"", b"not a pickle", b"\x80\x05\x95truncated", pickle.dumps({"version": "x", "entries": {}}), pickle.dumps([1, 2, 3])]
)
def test_a_corrupt_cache_file_is_ignored(mini, counted, monkeypatch, garbage):
    mini.page("# Page\n\nSee [help](https://bitpie-help.com/).\n")
    expected = shown(cold(mini.config, monkeypatch))
    warm(mini.config)
    for file in (mini.root / ".cache/helpcenter").iterdir():
        file.write_bytes(garbage)
    counted.clear()
    assert shown(warm(mini.config)) == expected
    assert len(counted) == 8
    counted.clear()
    assert shown(warm(mini.config)) == expected  # and it was written anew
    assert counted == []


def test_entries_of_the_wrong_type_are_ignored(mini, counted, monkeypatch):
    mini.page("# Page\n\nSee [help](https://bitpie-help.com/).\n")
    expected = shown(cold(mini.config, monkeypatch))
    warm(mini.config)
    file = mini.root / ".cache/helpcenter/pages-build.pickle"
    data = pickle.loads(file.read_bytes())
    data["entries"] = {key: "nonsense" for key in data["entries"]}
    file.write_bytes(pickle.dumps(data))
    assert shown(warm(mini.config)) == expected


def test_switched_off_it_writes_nothing(mini, monkeypatch):
    monkeypatch.setenv(cache.ENV, "0")
    warm(mini.config)
    assert not (mini.root / ".cache").exists()


def test_a_read_only_cache_folder_only_costs_speed(mini, counted, monkeypatch):
    mini.page("# Page\n\nSee [help](https://bitpie-help.com/).\n")
    expected = shown(cold(mini.config, monkeypatch))
    (mini.root / ".cache").write_text("a file where the folder should be", encoding="utf-8")
    assert shown(warm(mini.config)) == expected
