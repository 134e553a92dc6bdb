"""What a writer sees under `mkdocs serve` (helpcenter/guard/overlay.py, hooks/guard.py):
a page with problems is rebuilt with its new text and shows a box listing each
problem's file:line, message and fix, in the page's language; the box lists no
fewer problems than a cold check of the same tree; serving makes no 404 request
(Material's sitemap fetch); `mkdocs build` never shows the box and
`mkdocs build --strict` still fails on the same tree."""

from __future__ import annotations

import contextlib
import logging
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from helpcenter.guard import catalogue, overlay
from helpcenter.guard.project import load_settings
from helpcenter.guard.runner import check_config

from conftest import ENV, MKDOCS, copy_project, fetch_text, mkdocs_serve, wait_for

BOX = "hc-preview-problems"


# -- the box and the log, on their own ---------------------------------------------


def test_the_box_lists_each_problem_in_the_page_language_escaped():
    mine = [catalogue.finding("insecure-link", "docs/zh/a.md", 7, raw="http://bitpie.com/<b>")]
    elsewhere = [
        catalogue.finding(
            "config-unknown-key", "mkdocs.yml", 3, "suggest", key="oficial", section="extra.link_policy", suggestion="official_domains"
        )
    ]
    shown = overlay.box(mine, elsewhere, "zh")
    assert 'role="alert"' in shown and 'lang="zh"' in shown
    assert "<code>docs/zh/a.md:7</code> <code>[insecure-link]</code>" in shown and "<code>mkdocs.yml:3</code>" in shown
    assert "预览：有 2 个问题需要修改" in shown and "本页" in shown and "其他位置" in shown
    assert "“http://bitpie.com/&lt;b&gt;”使用不加密的 http:" in shown  # the catalogue's Chinese, escaped
    assert "<strong>修改方法：</strong>改用 https://。" in shown
    assert "<b>" not in shown
    english = overlay.box(mine, [], "en")
    assert "Preview: 1 problem(s) to fix" in english and "<strong>Fix:</strong> Use https://." in english
    assert "Elsewhere" not in english and "On this page" not in english
    assert overlay.box([], [], "en") == ""


def test_refused_links_are_made_inert_and_others_kept():
    page = (
        '<p><a href="https://bitpie-help.com/?a=1&amp;b=2">x</a> <a href="https://bitpie.com/">ok</a>'
        ' <img alt="" src="http://evil.example/p.png"></p>'
    )
    out = overlay.inert(page, ["https://bitpie-help.com/?a=1&b=2", "http://evil.example/p.png"])
    assert out == (
        '<p><a data-hc-blocked-href="https://bitpie-help.com/?a=1&amp;b=2">x</a> <a href="https://bitpie.com/">ok</a>'
        ' <img alt="" data-hc-blocked-src="http://evil.example/p.png"></p>'
    )


def test_the_box_goes_first_in_the_article_else_the_body():
    page = '<html><body class="x"><header>h</header><article class="md-content__inner md-typeset"><h1>T</h1></article></body></html>'
    assert overlay.insert(page, "<div>B</div>") == page.replace('md-typeset">', 'md-typeset"><div>B</div>')
    assert overlay.insert("<body><p>x</p></body>", "<div>B</div>") == "<body><div>B</div><p>x</p></body>"
    assert overlay.insert(page, "") == page


def test_the_preview_log_places_mkdocs_own_warnings_and_stops_strict_counting(mini):
    from mkdocs.utils import CountHandler

    mini.write("en/index.md", "# Home\n\nSee [gone](gone.md).\n")
    settings = load_settings(mini.config)
    logger = logging.getLogger("test-overlay")
    logger.propagate = False
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logger.addHandler(counter)
    shown = overlay.PreviewLog(settings).attach(logger)
    try:
        own = catalogue.finding("insecure-link", "docs/en/index.md", 3, raw="http://bitpie.com/")
        logger.warning(own.text(), extra={"finding": own})
        logger.warning(
            "Doc file 'en/index.md' contains a link 'gone.md', but the target 'en/gone.md' is not found among documentation files."
        )
        assert sum(counter.counts.values()) == 2  # counted before the serve build switches strict counting off
        assert overlay.uncount(logger) == 1 and overlay.uncount(logger) == 0
        logger.warning("Some other warning")
        assert sum(counter.counts.values()) == 2
    finally:
        shown.detach(logger)
        logger.removeHandler(counter)
    mine, elsewhere = shown.problems("docs/en/index.md", ["docs/en/index.md"])
    assert [(f.line, f.code) for f in mine] == [(3, "broken-link"), (3, "insecure-link")]
    assert [(f.path, f.code) for f in elsewhere] == [("mkdocs.yml", "build-warning")]


# -- a real `mkdocs serve` --------------------------------------------------------


def _listed(page_html: str) -> set[tuple[str, int, str]]:
    """(file, line, code) of every problem the served page's box lists."""
    found = re.findall(r"<li><code>([^<:]+):(\d+)</code> <code>\[([a-z-]+)\]</code>", page_html)
    return {(path, int(line), code) for path, line, code in found}


@pytest.mark.build
@pytest.mark.browser
def test_serve_shows_problems_in_the_page_and_strict_build_still_fails(tmp_path, chromium):
    copy_project(tmp_path)
    log = tmp_path / "serve.log"
    bad: list[str] = []
    with mkdocs_serve(tmp_path, log) as base:
        tab = chromium.new_page()
        tab.on("response", lambda r: bad.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        try:
            wait_for(lambda: "livereload" in fetch_text(base + "/en/about/"), "the first build")
            # Every kind of page in both languages, as a writer browses them: no 404 (Material's
            # language integration asked for <page>/sitemap.xml for every <link rel=alternate>
            # in a page's head). Each page is done when its search index has loaded.
            for path in ("/", "/en/", "/faq/", "/en/faq/forgot-password/", "/faq/forgot-password/", "/en/contact/", "/verify/"):
                with tab.expect_response(lambda r: r.url.endswith("search_index.json")) as index:
                    tab.goto(base + path)
                assert index.value.status == 200, path
                tab.wait_for_load_state("load")
                assert tab.locator(f".{BOX}").count() == 0, path  # a clean page has no box
            assert bad == []

            tab.goto("about:blank")  # no live-reload racing the next navigation
            # Break two pages the way writers do: a look-alike link, and a step removed in Chinese only.
            about = tmp_path / "docs/en/about.md"
            text = about.read_text(encoding="utf-8") + "\nSee [help](https://bitpie-help.com/) for Zanzibar.\n"
            about.write_text(text, encoding="utf-8")
            link_line = text.split("\n").index("See [help](https://bitpie-help.com/) for Zanzibar.") + 1
            faq = tmp_path / "docs/zh/faq/forgot-password.md"
            lines = faq.read_text(encoding="utf-8").split("\n")
            step = next(i for i, line in enumerate(lines) if line.startswith("2. **"))
            faq.write_text("\n".join(lines[:step] + lines[step + 1 :]) + "\n新的一句话。\n", encoding="utf-8")

            wait_for(
                lambda: "Zanzibar" in fetch_text(base + "/en/about/") and "新的一句话" in fetch_text(base + "/faq/forgot-password/"),
                "the rebuild with the new text",
            )
            # What the served pages hold, read over HTTP: a browser tab left on a served page
            # races the live reload of each rebuild (a full run hung there twice).
            about_html = fetch_text(base + "/en/about/")
            box = about_html.index('role="alert"')
            assert re.search(r"Preview: \d+ problem", about_html[box:])
            said = about_html[box : about_html.index("</div>", about_html.index("</ul>", box))]
            assert f"docs/en/about.md:{link_line}" in said and "[lookalike-domain]" in said and "Fix:" in said
            assert "Zanzibar" in about_html[box:]  # the new content, under the box
            assert not re.search(r'(?<![-\w])href="https://bitpie-help\.com/"', about_html)  # the refused link cannot be followed
            assert about_html.count('data-hc-blocked-href="https://bitpie-help.com/"') == 1
            assert box < about_html.index("<h1 id=")  # at the top of the article
            zh_html = fetch_text(base + "/faq/forgot-password/")
            zh_said = zh_html[zh_html.index('role="alert"') :]
            assert "预览：有" in zh_said and "修改方法：" in zh_said and "docs/zh/faq/forgot-password.md:" in zh_said
            assert bad == []
            assert " 404" not in log.read_text(encoding="utf-8", errors="replace")

            # Never fewer problems than a cold check of the same tree, page by page.
            cold = check_config(tmp_path / "mkdocs.yml", render=True).findings
            assert cold
            pages = {
                "docs/en/about.md": "/en/about/",
                "docs/zh/faq/forgot-password.md": "/faq/forgot-password/",
                "docs/en/faq/forgot-password.md": "/en/faq/forgot-password/",
            }
            assert {f.path for f in cold if f.fails} <= set(pages)
            for rel, url in pages.items():
                expected = {(f.path, f.line, f.code) for f in cold if f.fails and f.path == rel}
                assert expected <= _listed(fetch_text(base + url)), rel

            # Fixed: the box is gone.
            about.write_text(text.replace("https://bitpie-help.com/", "https://bitpie.com/"), encoding="utf-8")
            wait_for(lambda: BOX not in fetch_text(base + "/en/about/") and "Zanzibar" in fetch_text(base + "/en/about/"), "the fixed page")
        finally:
            # Leave the served page first (bounded): its live-reload request stays open
            # on the server, and closing a tab that holds one is not bounded by a timeout.
            with contextlib.suppress(PlaywrightError):
                tab.goto("about:blank", timeout=15_000)
            tab.close()

    # The same broken tree (the Chinese step still missing): the strict build fails at its
    # lines, and a build that is not strict writes no box.
    strict = subprocess.run(
        MKDOCS + ["build", "--strict", "-d", str(tmp_path / "strict")], cwd=tmp_path, env=ENV, capture_output=True, text=True
    )
    assert strict.returncode != 0
    said = strict.stdout + strict.stderr
    assert "docs/zh/faq/forgot-password.md:" in said and "[step-count-mismatch]" in said and "Aborted with" in said
    loose = subprocess.run(
        MKDOCS + ["build", "--no-strict", "-d", str(tmp_path / "loose")], cwd=tmp_path, env=ENV, capture_output=True, text=True
    )
    assert loose.returncode == 0, loose.stderr[-2000:]
    built = [p for p in Path(tmp_path / "loose").rglob("*.html") if BOX in p.read_text(encoding="utf-8")]
    assert built == [] and (tmp_path / "loose/faq/forgot-password/index.html").exists()
