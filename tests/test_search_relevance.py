"""Relevance: real readers' queries (tests/search_queries.yml) find the right page,
through the command-line search engine, which searches the built index the way the
browser does. MRR is reported by scripts/search_mrr.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpcenter.search.engine import SearchEngine

QUERIES = yaml.safe_load((Path(__file__).with_name("search_queries.yml")).read_text(encoding="utf-8"))
CASES = [(lang, case) for lang, cases in QUERIES.items() for case in cases]


@pytest.fixture(scope="module")
def engines(site):
    return {lang: SearchEngine.load(site, lang) for lang in QUERIES}


def rank(engine: SearchEngine, lang: str, case: dict) -> int | None:
    urls = [hit.url for hit in engine.search(case["q"], limit=20)]
    wanted = "/" + ("" if lang == "zh" else f"{lang}/") + case["page"] + "/"
    return urls.index(wanted) + 1 if wanted in urls else None


def test_query_file_is_big_enough():
    assert len(QUERIES["zh"]) >= 25 and len(QUERIES["en"]) >= 25


@pytest.mark.parametrize("lang,case", CASES, ids=[f"{lang}:{case['q']}" for lang, case in CASES])
def test_query_finds_its_page(engines, lang, case):
    found = rank(engines[lang], lang, case)
    assert found is not None and found <= case["top"], f"{case['q']!r}: {case['page']} ranked {found}, needed top {case['top']}"


@pytest.mark.parametrize("lang", sorted(QUERIES))
def test_mean_reciprocal_rank(engines, lang):
    ranks = [rank(engines[lang], lang, case) for case in QUERIES[lang]]
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    assert mrr >= 0.85, f"{lang} MRR {mrr:.3f}"


@pytest.mark.parametrize("lang,query,other", [("zh", "密码", "/en/"), ("en", "password", "/faq/")])
def test_results_stay_in_the_language(engines, lang, query, other):
    urls = [hit.url for hit in engines[lang].search(query, limit=50)]
    assert urls
    if lang == "zh":
        assert not any(url.startswith("/en/") for url in urls)
    else:
        assert all(url.startswith("/en/") for url in urls)


def test_command_line_search(site, capsys):
    from helpcenter.search import cli

    assert cli.main(["--site", str(site), "忘记密码怎么办"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(" 1. 忘记钱包密码怎么办") and first.endswith("/faq/forgot-password/")
    assert cli.main(["--site", str(site), "--lang", "en", "-n", "1", "seed phrase"]) == 0
    assert "/en/faq/backup-recovery-phrase/" in capsys.readouterr().out
    assert cli.main(["--site", str(site / "nowhere"), "x"]) == 2
