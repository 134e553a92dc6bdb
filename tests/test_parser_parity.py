"""The guard's Markdown reader changed from markdown-it-py to pulldown-cmark
(pyromark, helpcenter/guard/markdown.py). Every page the tests and the benchmark
write must give the same findings (file, line, code and the text in both
languages) as the former reader, kept frozen in tests/legacy/markdown_it_reader.py;
and, so that a clean corpus proves something too, each page must be read the
same: the same links, raw HTML and text pieces with their lines, the same FAQ
steps and the same block tokens (type, level, line, list marker, item number).

Where the two deliberately differ, a test below says so: lines after a code span
or an image text that spans a line break (markdown-it counted them one short),
and what lies beyond `nesting-too-deep` (markdown-it stopped reading there)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from legacy.markdown_it_reader import parse_article as former
from test_check_equals_build import CASES, CLEAN
from test_guard_catalogue import SCENARIOS

from helpcenter.bench.corpus import make_project
from helpcenter.guard import cache, runner
from helpcenter.guard.faq import read_faq
from helpcenter.guard.markdown import MAX_NESTING, parse_article
from helpcenter.guard.runner import check_config

from conftest import MINI_PAGES, MKDOCS_YML, Mini, copy_project

TODAY = dt.date(2026, 11, 25)
NOT_MARKDOWN = {
    "registry-unreachable",
    "nav-missing-page",
    "not-in-nav",
    "build-warning",
    "headers-missing",
    "headers-csp",
    "inline-script-unlisted",
    "search-index",
}

# Markdown the other corpora hold little of: every block and inline kind, in and out of lists and quotes.
EDGE = {
    "lists.md": "# L\n\n1. **A**: x\n   - sub [l](https://a.example/)\n   - sub2\n2. **B**：y\n\n   more text\n3) paren\n\n"
    "- a\n\n- b\n\n  c\n\n10. ten\n11. eleven\n\n* star\n+ plus\n",
    "inline.md": "A *em* **strong** ***both*** `code` <b>h</b>\nline2 &amp; &#x41; \\* esc  \nhard\\\nbreak [ref][r] [coll][] [r]\n\n"
    '[r]: https://r.example/ "Title"\n[coll]: <https://c.example/x y>\n',
    "auto.md": "<https://a.example/> <mailto:x@y.com> <x@y.com> www.example.com https://bare.example/\n",
    "images.md": '![alt *em* `c` [l](https://in.example/)](https://img.example/a.png "t") and [l](https://after.example/)\n',
    "code.md": "```\nhttps://code.example/\n\n  indented\n```\n\n    indented code\n    more\n\n- item\n\n      code in item\n\n"
    "~~~python\nx\n~~~\n`one line` then [l](https://late.example/)\n",
    "html.md": '<div>\n<a href="https://h.example/">x</a>\n</div>\n\n- <span>in list</span>\n\n  <div>\n  block in item\n  </div>\n\n'
    "> <p>quote html</p>\n> [q](https://q.example/)\n\n<!-- c -->\n\ntext <!-- inline --> more\n",
    "tables.md": "| a | b |\n|---|:-:|\n| [x](https://t.example/) | `c` |\n| 2 | 3 |\n\nno | table\n-- | --\nx | y\n",
    "headings.md": "Setext\n======\n\nSub\n---\n\n# ATX #\n\n## [link](https://hd.example/) heading\n\n#no\n",
    "quotes.md": "> a\nlazy\n> > nested\n> 1. in quote\n> 2. two\n\n***\n\n---\n___\n",
    "admonitions.md": '!!! note "T"\n    body [l](https://ad.example/)\n\n    1. **S**: x\n\n???+ tip\n    more\n\n=== "Tab"\n    tab body\n',
    "unicode.md": "中文**标题**：内容 [链接](https://zh.example/路径)\n\n1. **第一步**：做\n2. **第二步**：再做\n\n全角　空格 ｗｗｗ\n",
    "weird.md": "[a](<b c> 'x') [d]( e ) [f](g\\)h) [i](\"j\")\n\n[unused]: https://unused.example/\n\n\\<not html>\n\n"
    "<https://x.example/a b>\n\n1.\n2. empty first\n\n- [ ] task\n- [x] done\n\n~~strike~~\n",
    "crlf.md": "# T\r\n\r\n1. **A**: a\r\n2. **B**: b\r\n",
}


def findings(config: Path, monkeypatch, reader, render: bool) -> list[tuple]:
    """Everything a reader of the check is shown, with the guard reading Markdown through `reader`."""
    with monkeypatch.context() as m:
        m.setenv(cache.ENV, "0")
        m.setattr(runner, "parse_article", reader)
        found = check_config(config, today=TODAY, workers=1, render=render).findings
    return sorted((f.path, f.line, f.code, f.text("en"), f.text("zh")) for f in found)


def reading(path: Path) -> dict:
    """What the rules look at in one page, as this reader and the former one give it."""
    out = {}
    for name, reader in (("former", former), ("now", parse_article)):
        article = reader(path, "x.md", "en", "faq/x.md")
        # th/td tokens have no line in markdown-it; nothing reads one
        tokens = [
            (t.type, t.tag, t.level, None if t.tag in ("th", "td") else (t.map or [None])[0], t.markup if "list" in t.type else "", t.info)
            if t.nesting >= 0
            else (t.type, t.level)
            for t in article.tokens
        ]
        out[name] = {
            "links": article.links,
            "html": article.html,
            "tokens": tokens,
            "faq": read_faq(article, "contact.md"),
            "texts": [s for s in article.texts if s.text],
        }  # markdown-it leaves empty text pieces; they judge as nothing
    return out


def assert_read_alike(docs: Path) -> int:
    pages = sorted(docs.rglob("*.md"))
    for path in pages:
        try:
            path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # `unreadable`, before any reader runs
            continue
        read = reading(path)
        if max((t[2] for t in read["former"]["tokens"] if len(t) > 2), default=0) >= MAX_NESTING - 1:
            continue  # beyond nesting-too-deep markdown-it read nothing: see the last test
        for part in read["former"]:
            assert read["now"][part] == read["former"][part], f"{path}: {part} read differently"
    return len(pages)


def project(root: Path) -> Path:
    """The shipped project plus every bad page of the check-equals-build corpus and EDGE."""
    copy_project(root)
    for lang in ("en", "zh"):
        (root / "docs" / lang / "corpus").mkdir()
    for name, text in {**CASES, **EDGE}.items():
        (root / "docs/en/corpus" / name).write_bytes(text.encode())
        (root / "docs/zh/corpus" / name).write_text(CLEAN, encoding="utf-8")
    return root / "mkdocs.yml"


@pytest.mark.parametrize("render", [False, True], ids=["build-rules", "check-command"])
def test_shipped_pages_and_bad_pages_give_the_same_findings(tmp_path, monkeypatch, render):
    config = project(tmp_path)
    before, after = findings(config, monkeypatch, former, render), findings(config, monkeypatch, parse_article, render)
    assert len(before) > len(CASES)  # the bad pages are found at all
    assert after == before
    assert assert_read_alike(tmp_path / "docs") > 40 + 2 * len(CASES)


def test_every_catalogue_scenario_gives_the_same_findings(tmp_path, monkeypatch):
    compared = 0
    for code, scenario in SCENARIOS.items():
        if code in NOT_MARKDOWN:
            continue
        results = []
        for name, reader in (("former", former), ("now", parse_article)):
            root = tmp_path / code / name
            root.mkdir(parents=True)
            (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
            mini = Mini(root)
            for rel, text in MINI_PAGES.items():
                mini.write(rel, text)
            with monkeypatch.context() as m:
                m.setenv(cache.ENV, "0")
                m.setattr(runner, "parse_article", reader)
                results.append(sorted((f.path, f.line, f.code, f.text("en"), f.text("zh")) for f in scenario(mini)))
        assert results[1] == results[0], code
        assert_read_alike(root / "docs")
        compared += 1
    assert compared > 60


def test_the_benchmark_corpus_gives_the_same_findings_and_reading(tmp_path, monkeypatch):
    config = make_project(tmp_path / "bench", 25)
    assert findings(config, monkeypatch, parse_article, True) == findings(config, monkeypatch, former, True)
    assert assert_read_alike(tmp_path / "bench" / "docs") >= 2 * 25 + 40


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("first", ["`a code span\nover two lines`", "![an image text\nover two lines](a.png)"])
def test_lines_after_an_inline_span_over_two_lines_are_the_true_ones(tmp_path, first):
    # markdown-it counted line breaks by hand and missed these two: the link was put one line early.
    path = write(tmp_path, f"# T\n\n{first} then [x](https://bitpieaac.com/)\n")
    now = [link for link in parse_article(path, "x.md", "en", "x.md").links if "bitpieaac" in link.url]
    assert [link.line for link in now] == [4]
    assert [link.line for link in former(path, "x.md", "en", "x.md").links if "bitpieaac" in link.url] == [3]


def test_beyond_nesting_too_deep_the_page_is_still_read(tmp_path, mini):
    deep = ">" * (MAX_NESTING + 50)
    mini.page(f"# Deep\n\n{deep} [x](https://bitpieaac.com/)\n")
    found = {(f.line, f.code) for f in mini.findings() if f.path == "docs/en/page.md"}
    assert (3, "nesting-too-deep") in found  # still reported, at the same line as before
    assert (3, "lookalike-domain") in found  # and what lies deeper is checked too (markdown-it stopped)
    path = mini.root / "docs/en/page.md"
    assert not [link for link in former(path, "x.md", "en", "x.md").links if "bitpieaac" in link.url]


def test_a_nul_character_is_read_as_markdown_it_read_it(tmp_path):
    # CommonMark replaces U+0000 with U+FFFD; left in, pulldown-cmark read the link as plain text
    path = write(tmp_path, "# T\n\n![i](//a:b@bitpieaac.com\x00)\n")
    now = parse_article(path, "x.md", "en", "x.md").links
    assert now == former(path, "x.md", "en", "x.md").links
    assert [(link.url, link.kind) for link in now] == [("//a:b@bitpieaac.com\ufffd", "image")]
