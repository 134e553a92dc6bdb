"""Raw HTML rules: nothing that runs code or loads another site gets into an article."""

from __future__ import annotations

import datetime as dt

import pytest

CASES = [
    ("<script>alert(1)</script>", "html-script", "<script>"),
    ('<script src="https://cdn.example.com/x.js"></script>', "html-script", "<script>"),
    ('<iframe src="https://bitpie.com/"></iframe>', "html-iframe", "<iframe>"),
    ('<object data="x.swf"></object>', "html-embed", "<object>"),
    ('<img src="a.png" onerror="steal()">', "html-event-handler", "onerror"),
    ('<div onclick="go()">click</div>', "html-event-handler", "onclick"),
    ('<a href="javascript:alert(1)">x</a>', "html-javascript-url", "javascript"),
    ('<a href="JAVASCRIPT&#58;alert(1)">x</a>', "html-javascript-url", "javascript"),
    ('<a href="https://bitpieaac.com/">x</a>', "lookalike-domain", "bitpieaac.com"),
    ('<img src="https://tracker.example.com/p.gif">', "external-resource", "tracker.example.com"),
    ('<span style="background:url(https://x.example/a.png)">x</span>', "html-style-url", "style"),
    ('<form action="https://bitpie-support.com/login"><input></form>', "html-forbidden-tag", "<form>"),
]


@pytest.mark.parametrize("html,code,needle", CASES, ids=[c[1] for c in CASES])
def test_dangerous_html_is_reported_at_its_line(mini, html, code, needle):
    path = mini.page(f"# Page\n\nIntro.\n\n{html}\n", lang="zh")
    rel = path.relative_to(mini.root).as_posix()
    found = [f for f in mini.findings() if f.path == rel and f.code == code]
    assert len(found) == 1, [f.text() for f in mini.findings()]  # both parsers see it: reported once
    assert found[0].line == 5
    assert needle.lower() in found[0].message().lower()


def test_html_a_browser_reads_differently_is_reported_at_its_line(mini):
    # `<!-->` ends the comment at once in a browser, so the image's handler runs;
    # the standard library's parser alone would read one harmless comment
    path = mini.page('# Page\n\nIntro.\n\n<!-- a real comment -->\n\n<!--><img src="x.png" onerror="steal()">-->\n', lang="zh")
    rel = path.relative_to(mini.root).as_posix()
    assert [(f.path, f.line, f.code) for f in mini.findings()] == [(rel, 7, "html-event-handler")]


def test_multiline_html_block_reports_the_inner_line(mini):
    path = mini.page('# Page\n\n<div markdown>\n<p>ok</p>\n<p onmouseover="x()">bad</p>\n</div>\n', lang="en")
    rel = path.relative_to(mini.root).as_posix()
    assert (rel, 5, "html-event-handler") in mini.codes()


def test_harmless_html_passes(mini):
    mini.page('# Page\n\n<label class="md-button" for="__search">Search</label>\n\n<div markdown>\n**ok**\n</div>\n', lang="en")
    assert mini.findings() == []


def test_published_as_is_files_in_docs_are_rejected(mini):
    (mini.root / "docs/en/login.html").write_text("<form action=https://bitpie-support.com>", encoding="utf-8")
    (mini.root / "docs/zh/logo.svg").write_text("<svg onload=alert(1)>", encoding="utf-8")
    found = {(f.path, f.code) for f in mini.findings()}
    assert ("docs/en/login.html", "unchecked-file") in found
    assert ("docs/zh/logo.svg", "unchecked-file") in found


def test_pages_with_other_markdown_suffixes_are_checked(mini):
    mini.write("en/extra.markdown", "# X\n\n[a](https://bitpieaac.com/)\n")
    found = {(f.path, f.line, f.code) for f in mini.findings()}
    assert ("docs/en/extra.markdown", 3, "lookalike-domain") in found
    assert ("docs/en/extra.markdown", 1, "missing-translation") in found


def test_page_outside_the_language_folders_is_rejected(mini):
    (mini.root / "docs/stray.md").write_text("# Stray\n", encoding="utf-8")
    assert ("docs/stray.md", 1, "outside-language-folder") in mini.codes()


def test_folders_linked_into_the_docs_are_checked_like_mkdocs_publishes_them(mini, tmp_path):
    """MkDocs follows symlinked folders when it collects pages; so does the guard,
    and findings name the path under docs/ that the writer sees."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "more.md").write_text("# More\n\n[a](https://bitpieaac.com/)\n", encoding="utf-8")
    (mini.root / "docs/en/linked").symlink_to(outside, target_is_directory=True)
    found = mini.codes()
    assert ("docs/en/linked/more.md", 3, "lookalike-domain") in found
    assert ("docs/en/linked/more.md", 1, "missing-translation") in found


# --- the backstop over rendered pages reads HTML as a browser does (lexbor) and
# applies the same rules


def _report(mini):
    from helpcenter.guard.runner import check_config

    return check_config(mini.config, today=dt.date(2026, 11, 25))


@pytest.mark.parametrize("html,code,needle", CASES, ids=[c[1] for c in CASES])
def test_rendered_page_backstop_applies_the_same_rules(mini, html, code, needle):
    from helpcenter.guard.html import check_document

    problems = check_document(f'<h1 id="page">Page</h1>\n<p>Intro.</p>\n{html}\n', _report(mini).checker)
    found = [p.problem for p in problems if p.problem.code == code]
    assert found, [p.problem.code for p in problems]
    assert needle.lower() in found[0].message().lower()


def test_rendered_page_problem_is_placed_at_the_source_line_that_mentions_it(mini):
    from helpcenter.guard.rendered import check_rendered

    path = mini.page('# Page\n\nIntro.\n\n[site](https://bitpie.com/){ data-x="1" }\n', lang="en")
    report = _report(mini)
    # as if an extension had added an event handler the source does not show: placed at line 1
    html = '<h1>Page</h1>\n<p>Intro.</p>\n<p><a href="https://bitpie.com/" data-x="1" onmouseover="steal()">site</a></p>'
    found = check_rendered(html, report.page(path), report.checker)
    assert [(f.path, f.line, f.code) for f in found] == [("docs/en/page.md", 1, "html-event-handler")]
    assert found[0].message().endswith("(found in the rendered page)")
    # a link the source scan already judged is not judged again; a new one is placed where the source names it
    html = '<p><a href="https://bitpie.com/">site</a> <a href="https://bitpieaac.com/">new</a></p>'
    mini.page("# Page\n\nIntro.\n\nSee bitpie docs.\n\n<!-- https://bitpieaac.com/ -->\n", lang="en", name="other.md")
    report = _report(mini)
    found = check_rendered(html, report.page(mini.root / "docs/en/other.md"), report.checker)
    assert [(f.line, f.code) for f in found] == [(7, "lookalike-domain")]


def test_rendered_page_problem_the_source_scan_reported_is_not_repeated(mini):
    from helpcenter.guard.rendered import check_rendered

    path = mini.page('# Page\n\n<div onclick="go()">x</div>\n', lang="en")
    report = _report(mini)
    assert (3, "html-event-handler") in {(f.line, f.code) for f in report.page(path).findings}
    assert check_rendered('<h1>Page</h1>\n<div onclick="go()">x</div>', report.page(path), report.checker) == []


def test_rendered_page_is_parsed_as_a_browser_parses_it(mini):
    from helpcenter.guard.html import check_document

    checker = _report(mini).checker
    # `<!-->` closes a comment at once in a browser, so the handler runs; the standard
    # library's parser (used for source lines) reads it all as one comment
    codes = [p.problem.code for p in check_document('<!--><img src="x.png" onerror=alert(1)>-->', checker)]
    assert codes == ["html-event-handler"]
    codes = [p.problem.code for p in check_document('<img/src="x.png"/onerror=alert(1)><a href=java&#x73;cript:x>a</a>', checker)]
    assert codes == ["html-event-handler", "html-javascript-url"]
    # harmless rendered markup (headings with ids, permalinks, code) passes
    assert check_document('<h2 id="s">S<a class="headerlink" href="#s">¶</a></h2><pre><code>&lt;script&gt;</code></pre>', checker) == []
