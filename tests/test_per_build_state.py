"""State lives one build: hook modules are loaded once per process (as under
`mkdocs serve`), yet each build starts from fresh state, and whole-site steps run
once per outer build and change nothing when run again."""

from __future__ import annotations

import json
import re

import pytest

from helpcenter.buildnest import OuterBuild
from helpcenter.guard.gate import run_build
from helpcenter.search.split import split_index

from conftest import copy_project


def test_outer_build_creates_state_once_per_outer_build():
    made = []
    build = OuterBuild(lambda: made.append(object()) or made[-1])
    first = build.start()  # on_config of the outer build
    assert build.enter() is True  # on_pre_build
    assert build.start() is first  # on_config of a nested language build: same state
    assert build.enter() is False
    assert build.leave() is False
    assert build.leave() is True  # the outer build ends
    second = build.start()  # the next `mkdocs serve` rebuild
    assert second is not first and len(made) == 2


def test_a_failed_build_does_not_keep_the_next_one_nested():
    build = OuterBuild(dict)
    build.start()
    build.enter()
    build.enter()
    build.reset()  # on_build_error
    fresh = build.start()
    assert build.enter() is True and build.state is fresh


def test_splitting_the_search_index_twice_changes_nothing(tmp_path):
    (tmp_path / "search").mkdir()
    docs = [{"location": "", "title": "首页", "text": "x"}, {"location": "en/", "title": "Home", "text": "y"}]
    (tmp_path / "search/search_index.json").write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    split_index(tmp_path, "zh", ["en"], offline=False)
    first = {p: p.read_bytes() for p in tmp_path.rglob("search_index.json")}
    assert split_index(tmp_path, "zh", ["en"], offline=False) == []
    assert {p: p.read_bytes() for p in tmp_path.rglob("search_index.json")} == first
    assert [d["title"] for d in json.loads(first[tmp_path / "en/search/search_index.json"])["docs"]] == ["Home"]


@pytest.mark.build
def test_keywords_removed_between_builds_in_one_process_leave_the_index(tmp_path):
    """Two builds in one process, as `mkdocs serve` rebuilds: a keyword removed from
    a page is gone from the next index (it stayed until restart before)."""
    copy_project(tmp_path)
    page = tmp_path / "docs/en/about.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace('keywords: ["about",', 'keywords: ["zanzibarword", "about",', 1), encoding="utf-8")
    index = tmp_path / "site/en/search/search_index.json"

    passed, messages = run_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert passed, messages
    assert "zanzibarword" in index.read_text(encoding="utf-8")
    assert json.loads(index.read_text(encoding="utf-8"))["docs"], "English index is empty"

    page.write_text(re.sub(r"^keywords: .*\n", "", original, count=1, flags=re.M), encoding="utf-8")  # no keywords at all
    passed, messages = run_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert passed, messages
    text = index.read_text(encoding="utf-8")
    assert "zanzibarword" not in text and json.loads(text)["docs"]
