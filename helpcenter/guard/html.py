"""Raw HTML rules (judge_tag), applied to tags a real parser found, not to regexes.

Articles may use harmless HTML (a <label>, a <div markdown>), never anything that
runs code or pulls in another site: <script>, <iframe> and friends, inline event
handlers (onclick=...), javascript: URLs in any attribute, or external files.

Raw HTML in the Markdown source is read with the standard library's parser, which
gives the line of each tag, and again with an HTML5 parser (lexbor), which reads
it as a browser does: `<!-->` closes a comment at once in a browser, while the
standard library reads one long comment. The rendered-page backstop
(helpcenter.guard.rendered) uses the HTML5 parser alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from selectolax.lexbor import LexborHTMLParser

from .catalogue import problem
from .domains import Problem
from .links import LinkChecker, is_external, normalise, scheme_of

FORBIDDEN_TAGS = {
    "script": "html-script",
    "iframe": "html-iframe",
    "frame": "html-iframe",
    "frameset": "html-iframe",
    "object": "html-embed",
    "embed": "html-embed",
    "applet": "html-embed",
    "portal": "html-iframe",
    "base": "html-forbidden-tag",
    "form": "html-forbidden-tag",
    "meta": "html-forbidden-tag",
    "link": "html-forbidden-tag",
    "style": "html-forbidden-tag",
    "svg": "html-forbidden-tag",
    "math": "html-forbidden-tag",
    # Parsed differently with and without scripting (a browser's view differs from a checker's).
    "noscript": "html-forbidden-tag",
    "template": "html-forbidden-tag",
    "noembed": "html-forbidden-tag",
    "noframes": "html-forbidden-tag",
    "xmp": "html-forbidden-tag",
    "plaintext": "html-forbidden-tag",
}
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\(.)", re.S)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_LOADERS = ("url(", "expression(", "image-set(", "image(", "@import", "element(", "cross-fade(", "src(")


def css_text(value: str) -> str:
    """CSS as the browser reads it: escapes decoded (`\\75 rl(` is `url(`), comments gone."""

    def unescape(match: re.Match) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return match.group(2)

    return _CSS_COMMENT.sub("", _CSS_ESCAPE.sub(unescape, value)).lower()


URL_ATTRS = {"href", "xlink:href", "action", "formaction"}
RESOURCE_ATTRS = {"src", "srcset", "poster", "background", "data", "codebase", "archive", "lowsrc", "dynsrc"}


@dataclass(frozen=True)
class HtmlProblem:
    line: int  # 0-based line inside the fragment
    problem: Problem
    url: str | None = None
    needle: str = ""  # text to look for in the source to place the problem


def judge_tag(tag: str, attrs: Iterable[tuple[str, str | None]], checker: LinkChecker) -> tuple[list[HtmlProblem], list[str]]:
    """The rules for one start tag, whichever parser read it: its problems (at
    line 0; the caller knows where the tag is) and the URLs it holds, as written."""
    problems: list[HtmlProblem] = []
    urls: list[str] = []
    if tag in FORBIDDEN_TAGS:
        problems.append(HtmlProblem(0, problem(FORBIDDEN_TAGS[tag], tag=tag), None, f"<{tag}"))
    for name, value in attrs:
        value = value or ""
        if name.startswith("on"):
            problems.append(HtmlProblem(0, problem("html-event-handler", attr=name, value=value[:40], tag=tag), None, name))
            continue
        if name == "ping":
            problems.append(HtmlProblem(0, problem("html-event-handler", "ping", value=value[:40], tag=tag), None, name))
            continue
        if name == "style" and any(loader in css_text(value).replace(" ", "") for loader in CSS_LOADERS):
            problems.append(HtmlProblem(0, problem("html-style-url", tag=tag), None, "style"))
        candidates = [v.strip().split(" ")[0] for v in value.split(",")] if name == "srcset" else [value]
        for candidate in candidates:
            scheme = scheme_of(candidate)
            if scheme in ("javascript", "vbscript", "livescript"):
                problems.append(HtmlProblem(0, problem("html-javascript-url", attr=name, tag=tag, scheme=scheme), candidate, candidate))
            elif name in URL_ATTRS:
                urls.append(candidate)
                problems += [HtmlProblem(0, found, candidate, candidate) for found in checker.check(candidate, "link")]
            elif name in RESOURCE_ATTRS and candidate:
                urls.append(candidate)
                context = "resource" if is_external(candidate) else "link"
                problems += [HtmlProblem(0, found, candidate, candidate) for found in checker.check(candidate, context)]
    return problems, urls


@dataclass
class _Collector(HTMLParser):
    checker: LinkChecker
    problems: list[HtmlProblem] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        problems, urls = judge_tag(tag, attrs, self.checker)
        line = self.getpos()[0] - 1
        self.problems += [replace(item, line=line) for item in problems]
        self.urls += urls

    handle_startendtag = handle_starttag


def lines_naming(text: str, needle: str) -> list[int]:
    """The 0-based lines of `text` that contain `needle`: where to place a problem
    a parser found without a position of its own."""
    return [n for n, line in enumerate(text.split("\n")) if needle and needle in line]


def check_document(html: str, checker: LinkChecker, ids: set[str] | None = None) -> list[HtmlProblem]:
    """Every element's problems (at line 0), in document order, as a browser parses
    `html`: lexbor, an HTML5 parser in C (selectolax). `ids`, when given, also gets
    the ids a `#fragment` link can land on, from the same parse (what
    helpcenter.guard.render.anchors reads; the build's hook needs both per page)."""
    problems: list[HtmlProblem] = []
    for node in LexborHTMLParser(html).root.traverse(include_text=False):
        attributes = node.attributes
        if not attributes and node.tag not in FORBIDDEN_TAGS:
            continue
        if ids is not None:
            if attributes.get("id"):
                ids.add(attributes["id"])
            if node.tag == "a" and attributes.get("name"):
                ids.add(attributes["name"])
        problems += judge_tag(node.tag, attributes.items(), checker)[0]
    return problems


def check_html(fragment: str, checker: LinkChecker) -> tuple[list[HtmlProblem], list[str]]:
    """Problems in one raw-HTML fragment (lines relative to it) and the URLs it holds.

    The standard library's parser gives each tag's line; whatever a browser would
    see beyond it (see the module's note) is added at the first line naming it."""
    collector = _Collector(checker)
    collector.feed(fragment)
    collector.close()
    problems = collector.problems
    counted = Counter((item.problem.code, item.needle) for item in problems)
    for item in check_document(fragment, checker):
        key = (item.problem.code, item.needle)
        if counted[key] > 0:
            counted[key] -= 1
            continue
        taken = {p.line for p in problems if (p.problem.code, p.needle) == key}
        named = lines_naming(fragment, item.needle) or [0]
        problems.append(replace(item, line=next((n for n in named if n not in taken), named[0])))
    return problems, [normalise(u) for u in collector.urls]
