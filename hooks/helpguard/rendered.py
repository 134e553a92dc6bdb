"""Backstop: checks the HTML MkDocs really rendered for a page.

The source scan reads Markdown with markdown-it; MkDocs renders with
Python-Markdown and its extensions (attr_list can add attributes, for one).
Whatever the rendered page holds that the source scan did not already judge is
checked here, and placed at the first source line that mentions it.
"""
from __future__ import annotations

from html.parser import HTMLParser

from .findings import Finding
from .html import check_html
from .links import LinkChecker, normalise
from .markdown import read_source
from .runner import PageResult


class _StartTags(HTMLParser):
    """Collects the text of every start tag; what a tag encloses does not matter."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(self.get_starttag_text() or "")

    handle_startendtag = handle_starttag


def _line_of(page: PageResult, needle: str) -> int:
    lines = read_source(page.path).split("\n")
    return next((n for n, line in enumerate(lines, 1) if needle and needle in line), 1)


def check_rendered(html: str, page: PageResult, checker: LinkChecker) -> list[Finding]:
    """Problems in the rendered page that the source scan did not already report."""
    reported = {(f.line, f.code) for f in page.findings}
    parser = _StartTags()
    parser.feed(html)
    parser.close()
    out: set[Finding] = set()
    for tag in parser.tags:
        problems, _ = check_html(tag, checker)
        for item in problems:
            if item.url is not None and normalise(item.url) in page.seen:
                continue
            line = _line_of(page, item.needle)
            if (line, item.problem.code) in reported:
                continue
            out.add(Finding(page.rel, line, item.problem.code,
                            item.problem.message + " (found in the rendered page)", item.problem.fix))
    return sorted(out)
