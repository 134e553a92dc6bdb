"""What a writer sees under `mkdocs serve`: a page with problems, rebuilt anyway,
with a box at the top of its article listing each problem.

`mkdocs.yml` says `strict: true`, so before this a problem stopped the rebuild and
the browser kept showing the last good version: the writer saw nothing happen,
and the reason only in the terminal. Under `mkdocs serve` (and only there;
hooks/guard.py decides), the guard now:

- collects every warning the build logs (`PreviewLog`): its own findings as they
  are, and MkDocs' own warnings (a broken link, a page missing from the nav)
  placed at a file and line as the strict-build gate places them
  (helpcenter.guard.gate.locate), so the box lists what `build_check.sh` would;
- keeps those warnings from counting for strict mode in this serve build
  (`uncount`), so the rebuild finishes and the browser reloads with the new text.
  The terminal still prints every one;
- writes, at the top of each page's article, a box (`box`, `role="alert"`, a
  heading, in the page's language) with each problem of that page: `file:line`,
  the rule's code, its message and its fix from the catalogue, in the page's
  language. Problems that belong to no built page (mkdocs.yml, a file MkDocs
  does not build, a page the guard could not read) are shown on every page.

`mkdocs build`, `mkdocs build --strict`, scripts/build_check.sh and every gate are
untouched: nothing here runs outside `mkdocs serve`, and a build's output never
holds the box (tests/test_serve_overlay.py).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable

from mkdocs.utils import CountHandler

from .catalogue import LANGS, Lang, Sayings, Text
from .findings import Finding
from .gate import dedupe, locate
from .project import Settings

BOX_CLASS = "hc-preview-problems"

WORDS = Sayings(
    {
        "heading": Text("Preview: {count} problem(s) to fix", "预览：有 {count} 个问题需要修改"),
        "note": Text(
            "The build fails until they are fixed. Only mkdocs serve shows this box; readers never see it.",
            "修改之前，正式构建会失败。这个提示框只在 mkdocs serve 预览时出现，读者看不到。",
        ),
        "page": Text("On this page", "本页"),
        "elsewhere": Text("Elsewhere (mkdocs.yml, files without a page)", "其他位置（mkdocs.yml、不生成页面的文件）"),
        "fix": Text("Fix:", "修改方法："),
    }
)


class _NotCounted(logging.Filter):
    """On a strict-mode counter: count nothing (the serve build goes on; the box shows why)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return False


NOT_COUNTED = _NotCounted()


def uncount(logger: logging.Logger | None = None) -> int:
    """Stop MkDocs' strict-mode counters now attached to the `mkdocs` logger (the
    running build's, and a nested language build's) from counting. Returns how
    many were switched. Call only under `mkdocs serve`."""
    switched = 0
    for handler in (logger or logging.getLogger("mkdocs")).handlers:
        if isinstance(handler, CountHandler) and NOT_COUNTED not in handler.filters:
            handler.addFilter(NOT_COUNTED)
            switched += 1
    return switched


class PreviewLog(logging.Handler):
    """Every warning of one serve build, as located findings."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(logging.WARNING)
        self.settings = settings
        self.findings: list[Finding] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = getattr(record, "finding", None)
        try:
            if isinstance(found, Finding):
                self.findings.append(found)
            else:
                self.findings.extend(locate(record.getMessage(), self.settings))
        except Exception:  # never break the build over the preview
            self.handleError(record)

    def attach(self, logger: logging.Logger | None = None) -> PreviewLog:
        (logger or logging.getLogger("mkdocs")).addHandler(self)
        return self

    def detach(self, logger: logging.Logger | None = None) -> None:
        (logger or logging.getLogger("mkdocs")).removeHandler(self)

    def problems(self, rel: str, pages: Iterable[str]) -> tuple[list[Finding], list[Finding]]:
        """(this page's problems, problems on no built page) for the page at `rel`
        (a path from the project root); `pages`: every built page's path."""
        built = set(pages)
        failing = [found for found in dedupe(self.findings) if found.fails]
        return ([found for found in failing if found.path == rel], [found for found in failing if found.path not in built])


def _item(found: Finding, lang: Lang) -> str:
    where = html.escape(f"{found.path}:{found.line}")
    return (
        f"<li><code>{where}</code> <code>[{html.escape(found.code)}]</code> {html.escape(found.message(lang))}"
        f"<br><strong>{html.escape(WORDS('fix', lang))}</strong>{' ' if lang == 'en' else ''}{html.escape(found.fix(lang))}</li>"
    )


def box(mine: list[Finding], elsewhere: list[Finding], lang: str) -> str:
    """The box, or "" when there is nothing to show. `lang`: the page's language."""
    if not mine and not elsewhere:
        return ""
    chosen: Lang = lang if lang in LANGS else "en"  # type: ignore[assignment]
    say = lambda key, **fields: html.escape(WORDS(key, chosen, **fields))  # noqa: E731
    parts = [
        f'<div class="admonition failure {BOX_CLASS}" role="alert" aria-labelledby="{BOX_CLASS}-title" lang="{chosen}">',
        f'<h2 class="admonition-title" id="{BOX_CLASS}-title" style="font-size:inherit;margin:0 -0.6rem;font-weight:700">'
        f"{say('heading', count=len(mine) + len(elsewhere))}</h2>",
        f"<p>{say('note')}</p>",
    ]
    for key, found in (("page", mine), ("elsewhere", elsewhere)):
        if not found:
            continue
        if mine and elsewhere:
            parts.append(f'<h3 style="margin:0.8em 0 0;font-size:inherit">{say(key)}</h3>')
        parts.append("<ul>" + "".join(_item(one, chosen) for one in found) + "</ul>")
    parts.append("</div>")
    return "".join(parts)


_ARTICLE = re.compile(r"<article\b[^>]*>")
_BODY = re.compile(r"<body\b[^>]*>")


def insert(page_html: str, shown: str) -> str:
    """`shown` first in the page's article (else first in its body)."""
    if not shown:
        return page_html
    match = _ARTICLE.search(page_html) or _BODY.search(page_html)
    at = match.end() if match else 0
    return page_html[:at] + shown + page_html[at:]


_LINK_ATTRS = ("href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href")


def inert(page_html: str, urls: Iterable[str]) -> str:
    """The preview's own safety: each attribute holding one of `urls` (the ones the
    guard refuses) is renamed `data-hc-blocked-<attr>`, so the link cannot be
    followed and the image not loaded, while the box says why. Attributes as
    Python-Markdown writes them (double quotes, escaped)."""
    for url in sorted(set(urls), key=len, reverse=True):
        if not url:
            continue
        for form in {html.escape(url, quote=True), url}:
            for attr in _LINK_ATTRS:
                page_html = page_html.replace(f' {attr}="{form}"', f' data-hc-blocked-{attr}="{form}"')
    return page_html
