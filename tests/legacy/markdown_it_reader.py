"""The guard's former Markdown reader (markdown-it-py), frozen here for
tests/test_parser_parity.py only: the findings of the pulldown-cmark reader in
helpcenter/guard/markdown.py must equal what this one gave. Not used by the guard.

Copied from helpcenter/guard/markdown.py as of commit 4ca3c1a; only `parse_article`
and what it needs are kept (the Article, Link and Snippet types, front matter and
admonition dedenting are shared with the guard, unchanged).
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from helpcenter.guard.markdown import _KEY, MAX_NESTING, Article, Link, Snippet, dedent_blocks, read_source, split_front_matter

_MD = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
_MD.validateLink = lambda url: True  # type: ignore[method-assign]
_MD.normalizeLink = lambda url: url  # type: ignore[method-assign]
_MD.normalizeLinkText = lambda url: url  # type: ignore[method-assign]


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
    for number, line in enumerate(text.split("\n")[1 : max(offset - 1, 0)], 2):
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
