"""Backstop: checks the HTML MkDocs really rendered for a page.

The source scan reads Markdown with pulldown-cmark (pyromark); MkDocs renders with
Python-Markdown and its extensions (attr_list can add attributes, for one).
Whatever the rendered page holds that the source scan did not already report is
checked here, and placed at the first source line that mentions it.

The page is read with lexbor (selectolax), an HTML5 parser in C
(helpcenter.guard.html.check_document): it sees the page as a browser builds it, and
parses about six times faster than the standard library's parser (0.06 s against
0.36 s for the 2,026 pages of the N = 1,000 benchmark corpus, BENCHMARKS.md).
The rules are the ones the source scan applies to raw HTML. A URL the source scan
already judged (`PageResult.seen`) is not judged again: whatever it would find there
is dropped anyway (`fast=False` judges it and drops it, as before; same findings).
"""

from __future__ import annotations

from .findings import Finding
from .html import check_document, lines_naming
from .links import LinkChecker, normalise
from .markdown import read_source
from .runner import PageResult


def _line_of(page: PageResult, needle: str) -> int:
    return (lines_naming(read_source(page.path), needle) or [0])[0] + 1


class _Unseen:
    """A LinkChecker that leaves alone the URLs the source scan already judged."""

    def __init__(self, checker: LinkChecker, seen: frozenset[str]) -> None:
        self.checker, self.seen = checker, seen

    def check(self, raw: str, context: str = "link") -> list:
        return [] if normalise(raw) in self.seen else self.checker.check(raw, context)  # type: ignore[arg-type]


def check_rendered(html: str, page: PageResult, checker: LinkChecker, fast: bool = True, ids: set[str] | None = None) -> list[Finding]:
    """Problems in the rendered page that the source scan did not already report.
    `ids`, when given, also gets the page's anchors from the same parse (see check_document)."""
    problems = check_document(html, _Unseen(checker, page.seen) if fast and page.seen else checker, ids)  # type: ignore[arg-type]
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
        out.add(item.problem.at(page.rel, line, frame="rendered"))
    return sorted(out)
