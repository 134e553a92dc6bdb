"""Backstop: checks the HTML MkDocs really rendered for a page.

The source scan reads Markdown with markdown-it; MkDocs renders with
Python-Markdown and its extensions (attr_list can add attributes, for one).
Whatever the rendered page holds that the source scan did not already report is
checked here, and placed at the first source line that mentions it. One parser
pass over the page's HTML.
"""
from __future__ import annotations

from .findings import Finding
from .html import check_html
from .links import LinkChecker, normalise
from .markdown import read_source
from .runner import PageResult


def _line_of(page: PageResult, needle: str) -> int:
    lines = read_source(page.path).split("\n")
    return next((n for n, line in enumerate(lines, 1) if needle and needle in line), 1)


def check_rendered(html: str, page: PageResult, checker: LinkChecker) -> list[Finding]:
    """Problems in the rendered page that the source scan did not already report."""
    problems, _ = check_html(html, checker)
    if not problems:
        return []
    reported = {(f.line, f.code) for f in page.findings}
    out: set[Finding] = set()
    for item in problems:
        if item.url is not None and normalise(item.url) in page.seen:
            continue
        line = _line_of(page, item.needle)
        if (line, item.problem.code) in reported:
            continue
        out.add(Finding(page.rel, line, item.problem.code,
                        item.problem.message + " (found in the rendered page)", item.problem.fix))
    return sorted(out)
