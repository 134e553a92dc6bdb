"""Small, predictable changes to the HTML Python-Markdown renders for an article,
made once at build time (hooks/reader.py, on_page_content) so they need no script:

- `permalinks`: the "¶" after each heading stays a link for mouse users, but leaves
  the heading's accessible name and the Tab order (screen readers and keyboards
  get to sections through the table of contents), and its tooltip is in the
  page's language (toc's `permalink_title` is one string for every language).
- `tables`: every data cell carries its column's heading (`data-label`), so a
  table stacks into labelled rows on a phone (CSS in overrides/assets/), and a
  cell that only says yes or no (是 / 否, Yes / No) gets a ✓ / ✗ mark.
- `domains`: inline code that is a domain or an address (`bitpie.com`,
  `bitpie.com@evil.example`) is marked, so it never breaks inside the name.
"""

from __future__ import annotations

import html as htmllib
import re

_HEADERLINK = re.compile(r'<a class="headerlink" href="(#[^"]*)" title="[^"]*">(.*?)</a>')

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_TD = re.compile(r"<td\b([^>]*)>(.*?)</td>", re.S)
_TAG = re.compile(r"<[^>]+>")

YES = {"是", "yes"}
NO = {"否", "no"}

# A host name with a dot, optionally user@host; no spaces, no path.
_DOMAIN = re.compile(
    r"^(?:[\w.-]+@)?(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]*[a-z0-9\u00a1-\uffff])?\.)+"
    r"[a-z\u00a1-\uffff][a-z0-9\u00a1-\uffff-]*$",
    re.I,
)
_CODE = re.compile(r"<code>([^<]{3,80})</code>")


def _text(fragment: str) -> str:
    return htmllib.unescape(_TAG.sub("", fragment)).strip()


def permalinks(html: str, title: str) -> str:
    """Permalink anchors: out of headings' names and the Tab order, titled in the
    page's language."""
    attr = htmllib.escape(title, quote=True)
    return _HEADERLINK.sub(
        lambda m: f'<a class="headerlink" href="{m.group(1)}" title="{attr}" aria-hidden="true" tabindex="-1">{m.group(2)}</a>', html
    )


def _mark(value: str) -> str | None:
    word = value.lower()
    if word in YES:
        return "hc-yes"
    if word in NO:
        return "hc-no"
    return None


def _table(match: re.Match) -> str:
    body = match.group(1)
    labels = [_text(th) for th in _TH.findall(body)]

    def row(rm: re.Match) -> str:
        column = iter(range(10_000))

        def cell(cm: re.Match) -> str:
            i = next(column)
            attrs, content = cm.group(1), cm.group(2)
            extra = ""
            if i < len(labels) and labels[i] and "data-label" not in attrs:
                extra += f' data-label="{htmllib.escape(labels[i], quote=True)}"'
            mark = _mark(_text(content))
            if mark and "class=" not in attrs:
                extra += f' class="{mark}"'
                sign = "✓" if mark == "hc-yes" else "✗"
                content = f'<span class="hc-mark" aria-hidden="true">{sign}</span> {content}'
            return f"<td{attrs}{extra}>{content}</td>"

        return "<tr>" + _TD.sub(cell, rm.group(1)) + "</tr>"

    # No class on the table itself: Material styles `table:not([class])`.
    return "<table>" + _ROW.sub(row, body) + "</table>"


def tables(html: str) -> str:
    """Label each data cell with its column heading; mark yes/no cells."""
    return _TABLE.sub(_table, html)


def domains(html: str) -> str:
    """Mark inline code that is a domain name (or user@domain)."""
    return _CODE.sub(
        lambda m: f'<code class="hc-domain">{m.group(1)}</code>' if _DOMAIN.match(htmllib.unescape(m.group(1))) else m.group(0), html
    )


def article(html: str, permalink_title: str) -> str:
    return domains(tables(permalinks(html, permalink_title)))
