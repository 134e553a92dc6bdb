"""Raw HTML rules, read with the standard library's HTML parser (not regexes).

Articles may use harmless HTML (a <label>, a <div markdown>), never anything that
runs code or pulls in another site: <script>, <iframe> and friends, inline event
handlers (onclick=...), javascript: URLs in any attribute, or external files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from .domains import Problem
from .links import LinkChecker, is_external, normalise, scheme_of

FORBIDDEN_TAGS = {
    "script": "html-script", "iframe": "html-iframe", "frame": "html-iframe", "frameset": "html-iframe",
    "object": "html-embed", "embed": "html-embed", "applet": "html-embed", "portal": "html-iframe",
    "base": "html-forbidden-tag", "form": "html-forbidden-tag", "meta": "html-forbidden-tag",
    "link": "html-forbidden-tag", "style": "html-forbidden-tag", "svg": "html-forbidden-tag", "math": "html-forbidden-tag",
}
URL_ATTRS = {"href", "xlink:href", "action", "formaction"}
RESOURCE_ATTRS = {"src", "srcset", "poster", "background", "data", "codebase", "archive", "lowsrc", "dynsrc"}


@dataclass(frozen=True)
class HtmlProblem:
    line: int  # 0-based line inside the fragment
    problem: Problem
    url: str | None = None
    needle: str = ""  # text to look for in the source to place the problem


@dataclass
class _Collector(HTMLParser):
    checker: LinkChecker
    problems: list[HtmlProblem] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def _add(self, problem: Problem, url: str | None = None, needle: str = "") -> None:
        self.problems.append(HtmlProblem(self.getpos()[0] - 1, problem, url, needle or url or ""))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self._add(Problem(
                FORBIDDEN_TAGS[tag],
                f"Raw HTML <{tag}> is not allowed in articles: it can run code or load another site.",
                "Remove the tag; write the content in Markdown.",
            ), needle=f"<{tag}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._add(Problem(
                    "html-event-handler",
                    f"The attribute {name}=\"{value[:40]}\" on <{tag}> runs JavaScript.",
                    "Remove the event handler.",
                ), needle=name)
                continue
            if name == "style" and ("url(" in value.lower() or "expression(" in value.lower()):
                self._add(Problem(
                    "html-style-url",
                    f"The style attribute on <{tag}> loads a URL or runs an expression.",
                    "Remove the style; use the site's stylesheet.",
                ), needle="style")
            candidates = [v.strip().split(" ")[0] for v in value.split(",")] if name == "srcset" else [value]
            for candidate in candidates:
                scheme = scheme_of(candidate)
                if scheme in ("javascript", "vbscript", "livescript"):
                    self._add(Problem(
                        "html-javascript-url",
                        f"The attribute {name} on <{tag}> holds a {scheme}: URL, which runs code.",
                        "Remove it.",
                    ), candidate)
                elif name in URL_ATTRS:
                    self.urls.append(candidate)
                    for problem in self.checker.check(candidate, "link"):
                        self._add(problem, candidate)
                elif name in RESOURCE_ATTRS and candidate:
                    self.urls.append(candidate)
                    for problem in self.checker.check(candidate, "resource" if is_external(candidate) else "link"):
                        self._add(problem, candidate)

    handle_startendtag = handle_starttag


def check_html(fragment: str, checker: LinkChecker) -> tuple[list[HtmlProblem], list[str]]:
    """Problems in one raw-HTML fragment (lines relative to it) and the URLs it holds."""
    collector = _Collector(checker)
    collector.feed(fragment)
    collector.close()
    return collector.problems, [normalise(u) for u in collector.urls]
