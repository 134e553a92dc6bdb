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
from typing import Any
from urllib.parse import urlsplit

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
    lines = [n for n, line in enumerate(article.path.read_text(encoding="utf-8-sig").split("\n")[:article.offset], 1)
             if needle in line]
    return lines[0] if lines else 1


def check_faq_meta(article: Article, checker: LinkChecker, category_ids: set[str], today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    rel, meta = article.rel, article.meta
    sources = meta.get("sources")
    if not sources:
        out.append(Finding(rel, 1, "faq-no-source",
            "This FAQ lists no sources: readers and reviewers cannot check where its steps come from.",
            "Add `sources:` to the front matter: each with `url` (bitpie.com or github.com/bitpiedotcom/…), `title` and `checked` (the date you read it)."))
    elif not isinstance(sources, list):
        out.append(Finding(rel, _line(article, "sources"), "faq-source", "`sources` must be a list of entries.",
                           "Write each source as `- url: …` with `title:` and `checked:` under it."))
    else:
        for entry in sources:
            if not isinstance(entry, dict) or not entry.get("url"):
                out.append(Finding(rel, _line(article, "sources"), "faq-source", "A source has no `url`.",
                                   "Give each source its `url`, `title` and `checked` date."))
                continue
            url = str(entry["url"])
            line = _line(article, url)
            host = (urlsplit(url).hostname or "").lower()
            kind, problems = checker.domains.classify(host)
            if urlsplit(url).scheme != "https" or problems or not (
                    kind in ("official", "reference") or checker.under_reference_prefix(host, urlsplit(url).path)):
                out.append(Finding(rel, line, "faq-source",
                    f"The source '{url}' is not on the official domain or a reviewed reference (BitPie's own repositories).",
                    "Cite BitPie's own pages: bitpie.com or github.com/bitpiedotcom/ (bitpie-docs, bitpiewx)."))
            if not entry.get("title"):
                out.append(Finding(rel, line, "faq-source", f"The source '{url}' has no `title`.", "Add the source's own title."))
            checked = _date(entry.get("checked"))
            if checked is None:
                out.append(Finding(rel, line, "faq-source", f"The source '{url}' has no valid `checked` date (YYYY-MM-DD).",
                                   "Add `checked:` with the date you last read the source."))
            elif checked > today:
                out.append(Finding(rel, line, "faq-source", f"The source '{url}' was 'checked' on {checked}, which is in the future.",
                                   "Write the date you actually read it."))
    if category_ids:
        category = meta.get("category")
        if category not in category_ids:
            out.append(Finding(rel, _line(article, "category") if category else 1, "faq-category",
                f"This FAQ's category is {repr(category) if category else 'missing'}; it must be one of {', '.join(sorted(category_ids))}.",
                "Set `category:` in the front matter to one of mkdocs.yml `extra.faq_categories`."))
    if not str(meta.get("description") or "").strip():
        out.append(Finding(rel, 1, "faq-no-summary", "This FAQ has no `description`: lists and search show it as its one-line summary.",
                           "Add `description:` to the front matter: one sentence that answers the question."))
    return out
