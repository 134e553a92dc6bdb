"""Reads one article into what the rules look at, with lines: pulldown-cmark
(through `pyromark`, in Rust) turned into markdown-it-style block tokens.

The rules were written against markdown-it-py's token stream (`heading_open`,
`inline`, `ordered_list_open` … with `level`, `map`, `markup`, `info`); this
module builds that same stream, with the same levels and lines, from
pulldown-cmark's events and their byte ranges, about twenty times faster.
Both parsers follow CommonMark 0.31 with GitHub tables; tests/test_parser_parity.py
requires the same findings (file, line, code, text) as the markdown-it-py reader
(kept frozen in tests/legacy/) on every page the tests and the benchmark write.
Lines come from byte positions, so a code span or image text that spans a line
break no longer shifts the lines after it (markdown-it counted those by hand).

Two settings keep it faithful to what MkDocs renders: links are never dropped
(pulldown-cmark keeps `javascript:` links as written), and URLs are kept exactly
as written. Admonition, details and tab bodies (`!!!`, `???`, `===` with an
indented body) would be code blocks to CommonMark; they are dedented first,
keeping line numbers, so their links are checked too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pyromark
import yaml
from mkdocs.utils.meta import YAML_RE

# Lists or quotes nested this deep are reported (runner: `nesting-too-deep`): no article
# needs them, and markdown-it, the former reader, stopped reading there. pulldown-cmark
# reads on, so whatever lies deeper is still checked.
MAX_NESTING = 200
_OPTIONS = pyromark.Options.ENABLE_TABLES

# libyaml's C loader when present: front matter is a large share of check time.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FRONT_MATTER = 20_000  # characters
_KEY = re.compile(r"^\s*-?\s*[\w-]+\s*:(?!//)")
_BLOCK_MARKER = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?|===\+?)\s")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_ITEM = re.compile(rb"[ \t>]*(\d{1,9})([.)])|[ \t>]*([-+*])")


class Token:
    """One token of the stream the rules read, with markdown-it's fields and meaning:
    `type` ("paragraph_open", "inline", "text" …), `tag`, `nesting` (1 open, 0 alone,
    -1 close), `level` (blocks open around it), `map` ([first line, 0], 0-based in the
    body), `markup` (list marker), `info` (an ordered item's number as written),
    `content`, `children` (of an inline token), `attrs`."""

    __slots__ = ("type", "tag", "nesting", "level", "map", "markup", "info", "content", "children", "attrs")

    def __init__(
        self,
        type: str,
        tag: str,
        nesting: int,
        level: int = 0,
        map: list[int] | None = None,
        markup: str = "",
        info: str = "",
        content: str = "",
        children: list[Token] | None = None,
        attrs: dict[str, str] | None = None,
    ) -> None:
        self.type, self.tag, self.nesting, self.level, self.map = type, tag, nesting, level, map
        self.markup, self.info, self.content, self.children, self.attrs = markup, info, content, children, attrs or {}

    def __repr__(self) -> str:
        return f"Token({self.type!r}, level={self.level}, map={self.map}, content={self.content!r})"


@dataclass(frozen=True)
class Link:
    url: str
    line: int
    kind: Literal["link", "image", "autolink"]


@dataclass(frozen=True)
class Snippet:
    """A piece of text or raw HTML and the line it starts on."""

    text: str
    line: int
    code: bool = False  # inside a code span or block (judged too: only declared fake examples are exempt)
    group: int = -1  # the inline run (paragraph, cell, heading) it belongs to; pieces of one run are read together


@dataclass
class Article:
    path: Path  # absolute path of the .md file
    rel: str  # path as printed in findings (relative to the project root)
    lang: str  # language folder, e.g. "zh"
    page: str  # path inside the language folder, e.g. "faq/forgot-password.md"
    meta: dict[str, Any]
    meta_error: str | None
    offset: int  # lines taken by the front matter
    tokens: list[Token]
    body: str  # the Markdown after the front matter, as written
    links: list[Link] = field(default_factory=list)
    html: list[Snippet] = field(default_factory=list)
    texts: list[Snippet] = field(default_factory=list)

    @property
    def urls(self) -> set[str]:
        return {link.url for link in self.links}


def dedent_blocks(text: str) -> str:
    """Turn `!!! note` bodies (indented 4 spaces) into ordinary Markdown in place,
    at the indentation of their marker (so one inside a list item stays inside it).

    Line count is kept, so line numbers stay true. Fenced code is left alone.
    """
    out: list[str] = []
    stack: list[int] = []  # indentation of each open block's body
    fence: str | None = None
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        while stack and line.strip() and indent < stack[-1]:
            stack.pop()
        # Each open block takes off the 4 spaces of its own body; the indentation
        # around it stays (an admonition inside a list item stays in that item).
        cut = 4 * len(stack)
        keep = stack[0] - 4 if stack else 0
        body = line[:keep] + line[keep + cut :] if line[: keep + cut].strip() == "" else line.lstrip(" ")
        stripped = body.lstrip(" ")
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
        elif _FENCE.match(stripped):
            fence = _FENCE.match(stripped).group(1)
        elif _BLOCK_MARKER.match(line):
            stack.append(indent + 4)
            body = ""  # the marker line itself becomes a blank line
        out.append(body)
    return "\n".join(out)


def read_source(path: Path) -> str:
    """The file's text with every line break (CRLF, lone CR) as a newline, as the parser sees it."""
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


NOT_A_MAPPING = "front matter is not a mapping"  # the error when the YAML parses to a list or a scalar


def split_front_matter(text: str) -> tuple[dict[str, Any], str | None, str, int]:
    """(meta, error, body, line offset) using MkDocs' own front-matter pattern."""
    match = YAML_RE.match(text)
    if not match:
        return {}, None, text, 0
    offset = text[: match.end()].count("\n")
    source = match.group(1)
    try:
        if len(source) > MAX_FRONT_MATTER:
            raise ValueError(f"the front matter is {len(source)} characters long; keep it under {MAX_FRONT_MATTER}")
        if ("&" in source or "*" in source) and any(
            isinstance(token, (yaml.AnchorToken, yaml.AliasToken)) for token in yaml.scan(source, Loader=_SafeLoader)
        ):
            # An alias can repeat a value billions of times ("billion laughs").
            raise ValueError("anchors and aliases (&name, *name) are not allowed in front matter")
        meta = yaml.load(source, Loader=_SafeLoader) or {}
        error = None if isinstance(meta, dict) else NOT_A_MAPPING
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:  # an impossible date is a ValueError
        meta, error = {}, str(exc).replace("\n", " ")
    return (meta if isinstance(meta, dict) else {}), error, text[match.end() :], offset


class _Reader:
    """Turns pulldown-cmark's events over one (dedented) body into markdown-it-style
    tokens and, at once, the article's links, texts and raw HTML with their lines."""

    def __init__(self, body: str, offset: int, article: Article) -> None:
        self.src = body.encode("utf-8")  # pulldown-cmark's ranges count bytes
        self.newlines = [m.start() for m in re.finditer(b"\n", self.src)]
        self.offset = offset + 1  # body line 0 is this file line
        self.article = article
        self.tokens: list[Token] = []
        self.level = 0
        self.closers: list[list[tuple[str, str]]] = []  # for each open block, the tokens its end closes
        self.inline: Token | None = None  # the inline run being read
        self.implicit = False  # that run is a tight list item's text (a hidden paragraph)
        self.group = -1
        self.image_depth = 0
        self.image_line = 0
        self.code: bool = False
        self.html: list[str] | None = None
        self.html_line = 0
        self.in_head = False
        self.tbody = [False]

    def line0(self, pos: int) -> int:
        return bisect_right(self.newlines, pos - 1)

    def push(
        self,
        type: str,
        tag: str,
        nesting: int,
        pos: int,
        markup: str = "",
        info: str = "",
        children: list[Token] | None = None,
        attrs: dict[str, str] | None = None,
    ) -> Token:
        if nesting < 0:  # a closing token: no line, as in markdown-it
            self.level -= 1
            token = Token(type, tag, nesting, self.level)
        else:
            token = Token(type, tag, nesting, self.level, [bisect_right(self.newlines, pos - 1), 0], markup, info, "", children, attrs)
            if nesting > 0:
                self.level += 1
        self.tokens.append(token)
        return token

    def open_inline(self, pos: int) -> None:
        self.inline = self.push("inline", "", 0, pos, children=[])
        self.group = len(self.tokens) - 1

    def end_implicit(self) -> None:
        if self.implicit:
            self.push("paragraph_close", "p", -1, 0)
            self.inline, self.implicit = None, False

    def marker(self, pos: int) -> tuple[str, str]:
        match = _ITEM.match(self.src, pos)
        if not match:
            return "", ""
        if match.group(1):
            return match.group(2).decode(), match.group(1).decode()
        return match.group(3).decode(), ""

    def start(self, tag: Any, pos: int) -> None:
        name, value = next(iter(tag.items())) if isinstance(tag, dict) else (tag, None)
        self.end_implicit()
        if name == "Paragraph":
            self.push("paragraph_open", "p", 1, pos)
            self.closers.append([("paragraph_close", "p")])
            self.open_inline(pos)
        elif name == "Heading":
            tag_name = str(value.get("level", "H1")).lower()
            self.push("heading_open", tag_name, 1, pos, markup="#")
            self.closers.append([("heading_close", tag_name)])
            self.open_inline(pos)
        elif name == "BlockQuote":
            self.push("blockquote_open", "blockquote", 1, pos, markup=">")
            self.closers.append([("blockquote_close", "blockquote")])
        elif name == "List":
            markup, _ = self.marker(pos)
            kind, tag_name = ("ordered_list", "ol") if value is not None else ("bullet_list", "ul")
            self.push(kind + "_open", tag_name, 1, pos, markup=markup, attrs={"start": str(value)} if value not in (None, 1) else None)
            self.closers.append([(kind + "_close", tag_name)])
        elif name == "Item":
            markup, number = self.marker(pos)
            self.push("list_item_open", "li", 1, pos, markup=markup, info=number)
            self.closers.append([("list_item_close", "li")])
        elif name == "CodeBlock":
            fenced = isinstance(value, dict)
            self.push("fence" if fenced else "code_block", "code", 0, pos, info=str(value.get("Fenced", "")) if fenced else "")
            self.code = True
            self.closers.append([])
        elif name == "HtmlBlock":
            self.html, self.html_line = [], self.line0(pos)
            self.closers.append([])
        elif name == "Table":
            self.push("table_open", "table", 1, pos)
            self.tbody.append(False)
            self.closers.append([("tbody_close", "tbody"), ("table_close", "table")])
        elif name == "TableHead":
            self.in_head = True
            self.push("thead_open", "thead", 1, pos)
            self.push("tr_open", "tr", 1, pos)
            self.closers.append([("tr_close", "tr"), ("thead_close", "thead")])
        elif name == "TableRow":
            if not self.tbody[-1]:
                self.tbody[-1] = True
                self.push("tbody_open", "tbody", 1, pos)
            self.push("tr_open", "tr", 1, pos)
            self.closers.append([("tr_close", "tr")])
        elif name == "TableCell":
            cell = "th" if self.in_head else "td"
            self.push(cell + "_open", cell, 1, pos)
            self.closers.append([(cell + "_close", cell)])
            self.open_inline(pos)
        else:  # a block kind these options never produce: keep the nesting balanced
            self.closers.append([])

    def end(self, tag: Any, pos: int) -> None:
        name = next(iter(tag)) if isinstance(tag, dict) else tag
        self.end_implicit()
        if name in ("Paragraph", "Heading", "TableCell"):
            self.inline = None
        elif name == "CodeBlock":
            self.code = False
        elif name == "HtmlBlock" and self.html is not None:
            content = "".join(self.html)
            self.tokens.append(Token("html_block", "", 0, self.level, [self.html_line, 0], content=content))
            self.article.html.append(Snippet(content, self.html_line + self.offset))
            self.html = None
        elif name == "TableHead":
            self.in_head = False
        closers = self.closers.pop() if self.closers else []
        if name == "Table" and not self.tbody.pop():
            closers = closers[1:]
        for type, tag_name in closers:
            self.push(type, tag_name, -1, pos)

    def child(
        self,
        type: str,
        pos: int,
        markup: str = "",
        content: str = "",
        children: list[Token] | None = None,
        attrs: dict[str, str] | None = None,
    ) -> Token:
        if self.inline is None:  # text straight in a tight list item: markdown-it's hidden paragraph
            self.push("paragraph_open", "p", 1, pos)
            self.open_inline(pos)
            self.implicit = True
        assert self.inline is not None and self.inline.children is not None
        token = Token(type, "", 0, self.level, None, markup, "", content, children, attrs)
        self.inline.children.append(token)
        return token

    def event(self, event: Any, span: dict[str, int]) -> None:
        pos = span["start"]
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule
            if event == "Rule":
                self.end_implicit()
                self.push("hr", "hr", 0, pos, markup="---")
            elif event in ("SoftBreak", "HardBreak") and not self.image_depth:
                self.child("softbreak" if event == "SoftBreak" else "hardbreak", pos)
            return
        ((kind, value),) = event.items()
        article = self.article
        if kind == "Start":
            inner = next(iter(value)) if isinstance(value, dict) else value
            if self.image_depth:
                self.image_depth += inner == "Image"
            elif inner in ("Link", "Image"):
                link = value[inner]
                url, title = link.get("dest_url", ""), link.get("title", "")
                line = self.line0(pos) + self.offset
                if inner == "Image":
                    article.links.append(Link(url, line, "image"))
                    self.child("image", pos, attrs={"src": url}, children=[])
                    self.image_depth, self.image_line = 1, line
                else:
                    auto = link.get("link_type") in ("Autolink", "Email")
                    if link.get("link_type") == "Email":
                        url = "mailto:" + url
                    article.links.append(Link(url, line, "autolink" if auto else "link"))
                    if title:  # shown as a tooltip
                        article.texts.append(Snippet(title, line))
                    self.child("link_open", pos, markup="autolink" if auto else "", attrs={"href": url})
            elif inner in ("Emphasis", "Strong", "Strikethrough"):
                self.child({"Emphasis": "em", "Strong": "strong", "Strikethrough": "s"}[inner] + "_open", pos)
            else:
                self.start(value, pos)
        elif kind == "End":
            inner = next(iter(value)) if isinstance(value, dict) else value
            if self.image_depth:
                self.image_depth -= inner == "Image"
            elif inner == "Link":
                self.child("link_close", pos)
            elif inner in ("Emphasis", "Strong", "Strikethrough"):
                self.child({"Emphasis": "em", "Strong": "strong", "Strikethrough": "s"}[inner] + "_close", pos)
            else:
                self.end(value, pos)
        elif kind == "Text":
            if self.code:
                first = self.line0(pos) + self.offset
                article.texts += [Snippet(line, first + n, code=True) for n, line in enumerate(value.split("\n")) if line.strip()]
            elif self.image_depth:
                if self.image_depth == 1:
                    article.texts.append(Snippet(value, self.image_line))
                    assert self.inline is not None and self.inline.children
                    self.inline.children[-1].children.append(Token("text", "", 0, content=value))  # type: ignore[union-attr]
            else:
                self.child("text", pos, content=value)
                article.texts.append(Snippet(value, self.line0(pos) + self.offset, group=self.group))
        elif self.image_depth:
            return  # code or HTML in an image's text: not shown (the alt text is plain text)
        elif kind == "Code":
            self.child("code_inline", pos, content=value)
            article.texts.append(Snippet(value, self.line0(pos) + self.offset, code=True, group=self.group))
        elif kind == "InlineHtml":
            self.child("html_inline", pos, content=value)
            article.html.append(Snippet(value, self.line0(pos) + self.offset, group=self.group))
        elif kind == "Html":
            if self.html is not None:
                self.html.append(value)
            else:  # not inside an HTML block (never seen): read it as inline HTML
                article.html.append(Snippet(value, self.line0(pos) + self.offset))

    def read(self, body: str) -> list[Token]:
        newlines, offset, texts, event_of = self.newlines, self.offset, self.article.texts, self.event
        for event, span in pyromark.events_with_range(body, options=_OPTIONS, merge_text=True):
            # the most frequent event, prose text, read here: a third of the time
            if event.__class__ is dict and "Text" in event and self.inline is not None and not self.code and not self.image_depth:
                value = event["Text"]
                self.inline.children.append(Token("text", "", 0, self.level, None, "", "", value))  # type: ignore[union-attr]
                texts.append(Snippet(value, bisect_right(newlines, span["start"] - 1) + offset, False, self.group))
            else:
                event_of(event, span)
        return self.tokens


def parse_article(path: Path, rel: str, lang: str, page: str) -> Article:
    text = read_source(path)
    meta, error, body, offset = split_front_matter(text)
    article = Article(path, rel, lang, page, meta, error, offset, [], body)
    # Front-matter values reach readers too (title, description in <meta>); the
    # continuation lines of a block value (`description: |`) are values as a whole.
    for number, line in enumerate(text.split("\n")[1 : max(offset - 1, 0)], 2):
        value = line.split(":", 1)[1] if _KEY.match(line) else line
        if value.strip():
            article.texts.append(Snippet(value, number))
    # U+0000 becomes U+FFFD, as CommonMark asks and markdown-it did (pulldown-cmark
    # would otherwise read a link with a NUL in it as plain text)
    dedented = dedent_blocks(body).replace("\0", "\ufffd")
    article.tokens = _Reader(dedented, offset, article).read(dedented)
    # Reference definitions that no link uses are not rendered; used ones appear
    # as links above, at the line that uses them.
    return article


def inline_text(token: Token) -> str:
    """Plain text of an inline token (markup dropped, line breaks as spaces)."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()
