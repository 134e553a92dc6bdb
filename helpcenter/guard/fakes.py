"""Declared fake examples, shown marked as fakes.

A page may show fake addresses to teach readers what they look like; it declares
them in its front matter (`fake_examples:`), and the rules exempt exactly those
strings (runner.without). Everything else, code spans included, is judged. On the
rendered page every code element that holds a declared example gets the class
`hc-fake` and a visible label ("假冒" / "Fake"), so a reader never sees one
unmarked (style: overrides/assets/stylesheets/guard.css). verify-site exempts
only code so marked.
"""

from __future__ import annotations

import html as htmllib
import re

LABEL = {"zh": "假冒", "en": "Fake"}
_CODE = re.compile(r"<code>([^<]*)</code>")


def mark_fakes(html: str, declared: list[str], lang: str) -> str:
    """Every `<code>` whose text holds a declared example, marked as a fake."""
    if not declared:
        return html
    wanted = [example.lower() for example in declared]
    label = LABEL.get(lang, LABEL["en"])

    def mark(match: re.Match) -> str:
        text = htmllib.unescape(match.group(1)).lower()
        if not any(example in text for example in wanted):
            return match.group(0)
        return f'<code class="hc-fake" title="{label}"><span class="hc-fake__label">{label}</span> {match.group(1)}</code>'

    return _CODE.sub(mark, html)
