"""Backstop: checks the HTML MkDocs really rendered for a page.

The source scan reads Markdown with markdown-it; MkDocs renders with
Python-Markdown and its extensions (attr_list can add attributes, for one).
Whatever the rendered page holds that the source scan did not already report is
checked here, and placed at the first source line that mentions it.

The page is read with lexbor (selectolax), an HTML5 parser in C: it sees the page
as a browser builds it, and one pass over every rendered page costs a sixth of
the standard library's parser (scripts/bench.py). The rules are the same ones
the source scan applies to raw HTML (helpguard.html.judge_tag).
"""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from .findings import Finding
from .html import FORBIDDEN_TAGS, HtmlProblem, judge_tag
from .links import LinkChecker, normalise
from .markdown import read_source
from .runner import PageResult


def _line_of(page: PageResult, needle: str) -> int:
    lines = read_source(page.path).split("\n")
    return next((n for n, line in enumerate(lines, 1) if needle and needle in line), 1)


def check_document(html: str, checker: LinkChecker) -> list[HtmlProblem]:
    """Every element's problems, in document order, as a browser would parse `html`."""
    problems: list[HtmlProblem] = []
    for node in LexborHTMLParser(html).root.traverse(include_text=False):
        attributes = node.attributes
        if node.tag in FORBIDDEN_TAGS or attributes:
            problems += judge_tag(node.tag, attributes.items(), checker)[0]
    return problems


def check_rendered(html: str, page: PageResult, checker: LinkChecker) -> list[Finding]:
    """Problems in the rendered page that the source scan did not already report."""
    problems = check_document(html, checker)
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
