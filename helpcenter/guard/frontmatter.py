"""What an FAQ's front matter must say about itself: where its claims come from
(`sources:`) and where it belongs (`category:`).

    sources:
      - url: https://github.com/bitpiedotcom/bitpie-docs/blob/master/...
        title: the source's own title
        date: 2020-05-18      # the source's date, if known
        checked: 2026-11-25   # when a writer last read it

Every FAQ lists at least one source; each on the official domain, under a
reviewed reference prefix (BitPie's own repositories) or a reviewed reference
domain, over https, with the date it was checked (not in the future). The URL
itself is judged by the link rules like any other (front-matter text is read by
them), so a look-alike source is reported as such.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit

from .catalogue import finding
from .findings import Finding
from .links import LinkChecker
from .markdown import Article


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _line(article: Article, needle: str) -> int:
    lines = [n for n, line in enumerate(article.path.read_text(encoding="utf-8-sig").split("\n")[: article.offset], 1) if needle in line]
    return lines[0] if lines else 1


# A tag as a browser reads one: `<` then a letter, `/`, `!` or `?`. Front-matter
# values reach the page's chrome raw (the navigation, the home page's cards, the
# <head>), where no Markdown rule sees them; YAML escapes (`"\u003cimg"`) are
# read first, so they count too.
MARKUP = re.compile(r"<[A-Za-z/!?]")


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def check_meta_markup(article: Article) -> list[Finding]:
    """HTML in any front-matter value, at its key's line: MkDocs and the theme put
    titles and descriptions into the page unescaped."""
    out: list[Finding] = []
    for key, value in article.meta.items():
        found = next((m.string[m.start() : m.start() + 40] for text in _strings(value) if (m := MARKUP.search(text))), None)
        if found is not None:
            line = next(
                (
                    n
                    for n, row in enumerate(article.path.read_text(encoding="utf-8-sig").split("\n")[: article.offset], 1)
                    if re.match(rf"\s*['\"]?{re.escape(str(key))}['\"]?\s*:", row)
                ),
                1,
            )
            out.append(finding("front-matter", article.rel, line, "markup", key=str(key), text=found))
    return out


def check_faq_meta(article: Article, checker: LinkChecker, category_ids: set[str], today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    rel, meta = article.rel, article.meta
    sources = meta.get("sources")
    if not sources:
        out.append(finding("faq-no-source", rel, 1))
    elif not isinstance(sources, list):
        out.append(finding("faq-source", rel, _line(article, "sources"), "list"))
    else:
        for entry in sources:
            if not isinstance(entry, dict) or not entry.get("url"):
                out.append(finding("faq-source", rel, _line(article, "sources"), "no-url"))
                continue
            url = str(entry["url"])
            line = _line(article, url)
            host = (urlsplit(url).hostname or "").lower()
            kind, problems = checker.domains.classify(host)
            if (
                urlsplit(url).scheme != "https"
                or problems
                or not (kind in ("official", "reference") or checker.under_reference_prefix(host, urlsplit(url).path))
            ):
                out.append(finding("faq-source", rel, line, "not-official", url=url))
            if not entry.get("title"):
                out.append(finding("faq-source", rel, line, "no-title", url=url))
            checked = _date(entry.get("checked"))
            if checked is None:
                out.append(finding("faq-source", rel, line, "no-checked", url=url))
            elif checked > today:
                out.append(finding("faq-source", rel, line, "future", url=url, checked=checked.isoformat(), today=today.isoformat()))
    if category_ids:
        category = meta.get("category")
        if category not in category_ids:
            out.append(
                finding(
                    "faq-category",
                    rel,
                    _line(article, "category") if category else 1,
                    category=str(category or ""),
                    known=tuple(sorted(category_ids)),
                )
            )
    if not str(meta.get("description") or "").strip():
        out.append(finding("faq-no-summary", rel, 1))
    return out
