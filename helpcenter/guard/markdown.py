"""Parses one article with markdown-it-py into what the rules look at, with lines.

markdown-it gives every block its source lines, which Python-Markdown does not.
Two settings keep it faithful to what MkDocs renders: links are never dropped
(markdown-it refuses `javascript:` links by default; Python-Markdown renders
them), and URLs are kept exactly as written. Admonition, details and tab bodies
(`!!!`, `???`, `===` with an indented body) would be code blocks to CommonMark;
they are dedented first, keeping line numbers, so their links are checked too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mkdocs.utils.meta import YAML_RE

# markdown-it stops reading a document nested deeper than maxNesting (20 by default:
# a list nested 10 levels hid the rest of the file). 200 reads any real article;
# deeper is reported (runner: `nesting-too-deep`), never silently skipped.
MAX_NESTING = 200
_MD = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
_MD.validateLink = lambda url: True  # type: ignore[method-assign]
_MD.normalizeLink = lambda url: url  # type: ignore[method-assign]
_MD.normalizeLinkText = lambda url: url  # type: ignore[method-assign]

# libyaml's C loader when present: front matter is a large share of check time.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FRONT_MATTER = 20_000  # characters
_KEY = re.compile(r"^\s*-?\s*[\w-]+\s*:(?!//)")
_BLOCK_MARKER = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?|===\+?)\s")
_FENCE = re.compile(r"^(`{3,}|~{3,})")


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
    group: int = -1     # the inline run (paragraph, cell, heading) it belongs to; pieces of one run are read together


@dataclass
class Article:
    path: Path          # absolute path of the .md file
    rel: str            # path as printed in findings (relative to the project root)
    lang: str           # language folder, e.g. "zh"
    page: str           # path inside the language folder, e.g. "faq/forgot-password.md"
    meta: dict[str, Any]
    meta_error: str | None
    offset: int         # lines taken by the front matter
    tokens: list[Token]
    body: str           # the Markdown after the front matter, as written
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
        body = line[:keep] + line[keep + cut:] if line[:keep + cut].strip() == "" else line.lstrip(" ")
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
    """The file's text with every line break (CRLF, lone CR) as a newline, as markdown-it sees it."""
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
                isinstance(token, (yaml.AnchorToken, yaml.AliasToken)) for token in yaml.scan(source, Loader=_SafeLoader)):
            # An alias can repeat a value billions of times ("billion laughs").
            raise ValueError("anchors and aliases (&name, *name) are not allowed in front matter")
        meta = yaml.load(source, Loader=_SafeLoader) or {}
        error = None if isinstance(meta, dict) else NOT_A_MAPPING
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:  # an impossible date is a ValueError
        meta, error = {}, str(exc).replace("\n", " ")
    return (meta if isinstance(meta, dict) else {}), error, text[match.end():], offset


def _walk_inline(token: Token, first_line: int, article: Article, group: int = -1) -> None:
    line = first_line
    for child in token.children or []:
        if child.type == "link_open":
            kind = "autolink" if child.markup == "autolink" else "link"
            article.links.append(Link(str(child.attrs.get("href", "")), line, kind))
            if child.attrs.get("title"):  # shown as a tooltip
                article.texts.append(Snippet(str(child.attrs["title"]), line))
        elif child.type == "image":
            article.links.append(Link(str(child.attrs.get("src", "")), line, "image"))
            for grand in child.children or []:
                if grand.type == "text":
                    article.texts.append(Snippet(grand.content, line))
        elif child.type == "html_inline":
            article.html.append(Snippet(child.content, line, group=group))
        elif child.type == "text":
            article.texts.append(Snippet(child.content, line, group=group))
        elif child.type == "code_inline":
            article.texts.append(Snippet(child.content, line, code=True, group=group))
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type in ("html_inline", "text", "code_inline"):
            line += child.content.count("\n")


def parse_article(path: Path, rel: str, lang: str, page: str) -> Article:
    text = read_source(path)
    meta, error, body, offset = split_front_matter(text)
    tokens = _MD.parse(dedent_blocks(body))
    article = Article(path, rel, lang, page, meta, error, offset, tokens, body)
    # Front-matter values reach readers too (title, description in <meta>); the
    # continuation lines of a block value (`description: |`) are values as a whole.
    for number, line in enumerate(text.split("\n")[1:max(offset - 1, 0)], 2):
        value = line.split(":", 1)[1] if _KEY.match(line) else line
        if value.strip():
            article.texts.append(Snippet(value, number))
    for index, token in enumerate(tokens):
        start = (token.map[0] if token.map else 0) + offset + 1
        if token.type == "inline":
            _walk_inline(token, start, article, index)
        elif token.type == "html_block":
            article.html.append(Snippet(token.content, start))
        elif token.type in ("fence", "code_block"):
            first = start + (1 if token.type == "fence" else 0)
            article.texts += [Snippet(line, first + n, code=True) for n, line in enumerate(token.content.split("\n")) if line.strip()]
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
