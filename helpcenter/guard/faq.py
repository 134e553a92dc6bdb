"""FAQ structure: a short answer, one numbered list of complete steps, escalation.

An FAQ page is recognised explicitly, never guessed: it lives in the FAQ folder
(`extra.link_policy.faq_dir`, default `faq/`, its `index.md` excepted) or says
`type: faq` in its front matter. Its steps are the first top-level ordered list:

    1. **Step title**: what to do.      (Chinese pages may use the full-width colon ：)

Markdown renumbers lists when it renders, so numbering is checked in the source.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from .catalogue import finding
from .findings import Finding
from .links import is_external
from .markdown import Article, Token, inline_text

COLONS = (":", "：")


@dataclass(frozen=True)
class Step:
    number: int | None
    title: str
    instruction: str
    line: int
    colon: bool


@dataclass(frozen=True)
class FaqDoc:
    title: str | None
    title_line: int
    answer: str | None
    steps: tuple[Step, ...]
    list_line: int | None
    extra_lists: tuple[int, ...]  # lines of further top-level ordered lists
    escalates: bool


def is_faq(article: Article, faq_dir: str) -> bool:
    if str(article.meta.get("type", "")).lower() == "faq":
        return True
    return article.page.startswith(faq_dir + "/") and posixpath.basename(article.page) != "index.md"


def _line(token: Token, article: Article) -> int:
    return (token.map[0] if token.map else 0) + article.offset + 1


def _step(tokens: list[Token], start: int, end: int, article: Article) -> Step:
    """Read one list item (tokens[start] is list_item_open, tokens[end] its close)."""
    item = tokens[start]
    number = int(item.info) if item.info.isdigit() else None
    inlines = [t for t in tokens[start:end] if t.type == "inline"]
    first = inlines[0] if inlines else None
    title, rest, colon = "", "", False
    children = list(first.children or []) if first else []
    while children and children[0].type == "text" and not children[0].content.strip():
        children.pop(0)
    if children and children[0].type == "strong_open":
        close = next((i for i, c in enumerate(children) if c.type == "strong_close"), len(children))
        title = "".join(c.content for c in children[1:close] if c.type in ("text", "code_inline")).strip()
        after = Token("inline", "", 0)
        after.children = children[close + 1 :]
        rest = inline_text(after)
        if title.endswith(COLONS):
            title, colon = title[:-1].strip(), True
        elif rest.startswith(COLONS):
            rest, colon = rest[1:].strip(), True
    more = " ".join(inline_text(t) for t in inlines[1:])
    instruction = " ".join(p for p in (rest, more) if p).strip()
    return Step(number, title, instruction, _line(item, article), colon)


def _list_steps(tokens: list[Token], index: int, article: Article) -> list[Step]:
    """The items of the top-level ordered list that opens at `tokens[index]`."""
    steps: list[Step] = []
    item_start = None
    for j in range(index, len(tokens)):
        t = tokens[j]
        if t.type == "list_item_open" and t.level == 1:
            item_start = j
        elif t.type == "list_item_close" and t.level == 1 and item_start is not None:
            steps.append(_step(tokens, item_start, j, article))
        elif t.type == "ordered_list_close" and t.level == 0:
            break
    return steps


def read_faq(article: Article, contact_page: str) -> FaqDoc:
    tokens = article.tokens
    title = article.meta.get("title")
    title_line = 1
    answer = None
    steps: list[Step] = []
    list_line = None
    extra_lists: list[int] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1" and title_line == 1:
            title = inline_text(tokens[index + 1]) or title
            title_line = _line(token, article)
        if token.type == "ordered_list_open" and token.level == 0:
            if list_line is not None:
                extra_lists.append(_line(token, article))
                continue
            list_line = _line(token, article)
            steps = _list_steps(tokens, index, article)
    # The short answer: the first block after the H1 (or at the top), if a paragraph.
    blocks = [t for t in tokens if t.level == 0 and t.nesting >= 0 and t.type != "html_block"]
    after_h1 = False
    for t in blocks:
        if t.type == "heading_open" and t.tag == "h1":
            after_h1 = True
            continue
        if t.type == "inline" and not after_h1:
            continue
        if t.type == "paragraph_open":
            following = tokens[tokens.index(t) + 1]
            text = inline_text(following)
            if text and not text.startswith(("!!!", "???")):
                answer = text
                break
            continue
        if t.type in ("heading_open", "ordered_list_open", "bullet_list_open"):
            if after_h1 or t.tag != "h1":
                break
    return FaqDoc(title, title_line, answer, tuple(steps), list_line, tuple(extra_lists), _links_to(article, contact_page))


def _links_to(article: Article, target: str) -> bool:
    here = posixpath.dirname(article.page)
    wanted = {target, target[:-3] + "/", target[:-3] + "/index.md", target[:-3]}
    for link in article.links:
        if link.kind != "link" or is_external(link.url):
            continue
        path = unquote(urlsplit(link.url).path)
        if not path:
            continue
        resolved = posixpath.normpath(posixpath.join(here, path))
        if path.endswith("/"):
            resolved += "/"
        if resolved in wanted:
            return True
    return False


def check_faq(article: Article, doc: FaqDoc, min_steps: int, contact_page: str) -> list[Finding]:
    out: list[Finding] = []

    def add(line: int, code: str, case: str = "", **fields) -> None:
        out.append(finding(code, article.rel, line, case, **fields))

    if not doc.title:
        add(1, "faq-no-title")
    if not doc.answer:
        add(doc.title_line, "faq-no-answer")
    if doc.list_line is None:
        add(doc.title_line, "faq-no-steps")
    else:
        if len(doc.steps) < min_steps:
            add(doc.list_line, "faq-too-few-steps", count=len(doc.steps), minimum=min_steps)
        out += check_steps(article, doc.steps)
        for line in doc.extra_lists:
            add(line, "faq-steps-split")
    if not doc.escalates:
        add(doc.list_line or doc.title_line, "faq-no-escalation", contact_page=contact_page)
    return out


def check_steps(article: Article, steps: tuple[Step, ...] | list[Step]) -> list[Finding]:
    """Numbering, title, format and content of one numbered procedure."""
    out: list[Finding] = []

    def add(line: int, code: str, case: str = "", **fields) -> None:
        out.append(finding(code, article.rel, line, case, **fields))

    expected = 1
    for step in steps:
        if step.number != expected:
            if expected == 1:
                add(step.line, "faq-step-numbering", "start", number=step.number, expected=expected)
            elif step.number is not None and step.number < expected:
                add(step.line, "faq-step-numbering", "back", number=step.number, expected=expected)
            else:
                add(step.line, "faq-step-numbering", "gap", previous=expected - 1, number=step.number, expected=expected)
        # Carry on from the number written, so one slip is reported once, not on every later step.
        expected = step.number + 1 if (step.number or 0) >= expected else expected + 1
        if not step.title:
            add(step.line, "faq-step-title")
        elif not step.colon:
            add(step.line, "faq-step-format", title=step.title)
        if not any(ch.isalnum() for ch in step.instruction):
            add(step.line, "faq-step-empty", step=str(step.title or step.number))
    return out


def procedures(article: Article) -> list[list[Step]]:
    """Every top-level numbered list whose first item starts with a **title**: a
    procedure (the contact page's steps to reach a human, say), held to the FAQ
    steps' format wherever it stands."""
    tokens = article.tokens
    found: list[list[Step]] = []
    for index, token in enumerate(tokens):
        if token.type != "ordered_list_open" or token.level != 0:
            continue
        steps = _list_steps(tokens, index, article)
        if steps and steps[0].title:
            found.append(steps)
    return found
