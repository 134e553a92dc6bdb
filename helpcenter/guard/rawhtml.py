"""Raw HTML written in an article: an allowlist of tags and attributes, and the
text a reader sees in it.

The rules in html.py refuse what is known to be dangerous (a blocklist, also used
on rendered pages, where the theme's and extensions' own HTML must pass). Raw HTML
a writer types is held to an allowlist instead: only the tags and attributes a
help article needs, so a trick nobody thought of yet (`<noscript>` parsing
differentials, `<template>`, CSS that loads another host through escapes or
`image-set()`, `<a ping>`) is refused because it is not on the list.

Each fragment is read twice, as html.py does: the standard library's parser gives
lines; lexbor, an HTML5 parser, gives what a browser builds (`<!-->` closes a
comment at once). The text nodes and the reader-visible attributes (title, alt)
of both readings go through the prose rules, so a contact or a domain typed
inside `<div>`, `<td>`, `<details>` or after a comment is judged like any prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from selectolax.lexbor import LexborHTMLParser

from .catalogue import problem
from .domains import Problem
from .html import FORBIDDEN_TAGS, lines_naming

GLOBAL_ATTRS = frozenset({"id", "class", "title", "lang", "dir", "markdown", "aria-label", "aria-hidden", "role"})
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    **{
        tag: frozenset()
        for tag in (
            "abbr b bdi blockquote br caption cite code dd del dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 "
            "hr i ins kbd li mark p pre q s samp small span strong sub summary sup table tbody tfoot thead tr u ul var"
        ).split()
    },
    "a": frozenset({"href", "name"}),
    "details": frozenset({"open"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "label": frozenset({"for"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align", "scope"}),
}
VISIBLE_ATTRS = ("title", "alt", "aria-label")
# Content a browser never shows as text.
HIDDEN_TEXT = {"script", "style", "template", "noscript", "head", "title", "textarea", "xmp", "iframe", "noembed", "noframes"}


@dataclass(frozen=True)
class RawProblem:
    line: int  # 0-based line inside the fragment
    problem: Problem


def _judge(tag: str, attrs: list[tuple[str, str | None]]) -> list[tuple[Problem, str]]:
    out: list[tuple[Problem, str]] = []
    if tag not in ALLOWED_TAGS:
        if tag not in FORBIDDEN_TAGS:  # those have their own code (html.py)
            out.append((problem("html-not-allowed", tag=tag), f"<{tag}"))
        return out
    allowed = ALLOWED_TAGS[tag] | GLOBAL_ATTRS
    for name, _value in attrs:
        if name not in allowed and not name.startswith("on"):  # on…: html-event-handler (html.py)
            out.append((problem("html-attribute-not-allowed", attr=name, tag=tag, allowed=tuple(sorted(allowed))), name))
    return out


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[RawProblem] = []
        self.texts: list[tuple[int, str]] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0] - 1
        self.problems += [RawProblem(line, verdict) for verdict, _ in _judge(tag, attrs)]
        self.texts += [(line, value) for name, value in attrs if name in VISIBLE_ATTRS and value]
        if tag in HIDDEN_TEXT:
            self._hidden += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in HIDDEN_TEXT:
            self._hidden -= 1

    def handle_endtag(self, tag):
        if tag in HIDDEN_TEXT and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if data.strip() and not self._hidden:
            self.texts.append((self.getpos()[0] - 1, data))


def read_fragment(fragment: str) -> tuple[list[RawProblem], list[tuple[int, str]]]:
    """(allowlist problems, visible texts), each at its 0-based line in `fragment`."""
    reader = _Lines()
    reader.feed(fragment)
    reader.close()
    problems, texts = reader.problems, reader.texts
    seen = {(p.problem.code, p.problem.fields) for p in problems}
    tree = LexborHTMLParser(fragment)
    for node in tree.root.traverse(include_text=False):
        if node.tag in ("html", "head", "body", "-text", "_comment", "-comment"):
            continue
        attrs = list(node.attributes.items())
        for verdict, needle in _judge(node.tag, attrs):
            if (verdict.code, verdict.fields) not in seen:
                seen.add((verdict.code, verdict.fields))
                problems.append(RawProblem((lines_naming(fragment, needle) or [0])[0], verdict))
        for name, value in attrs:
            if name in VISIBLE_ATTRS and value and all(value != text for _, text in texts):
                texts.append(((lines_naming(fragment, value[:40]) or [0])[0], value))
    known = "\n".join(text for _, text in texts)
    for node in tree.root.traverse(include_text=True):
        if node.tag != "-text":
            continue
        parent, hidden = node.parent, False
        while parent is not None:
            if parent.tag in HIDDEN_TEXT:
                hidden = True
                break
            parent = parent.parent
        text = node.text(deep=False)
        for piece in (p for p in text.split("\n") if p.strip()):
            if hidden or piece.strip() in known:
                continue
            texts.append(((lines_naming(fragment, piece.strip()[:40]) or [0])[0], piece))
    return problems, texts
