"""Drafts: pages that still hold the scaffold's `TODO` placeholders.

A scaffolded FAQ passes the guard so it can be previewed at once; this check is
what keeps it from being published unfinished. CI runs it on every pull request
and before every deployment (`scripts/check_drafts.py`).
"""
from __future__ import annotations

import re

from helpcenter.guard.catalogue import finding
from helpcenter.guard.findings import Finding
from helpcenter.guard.project import Settings

from .templates import PLACEHOLDER

# The scaffold's TODO and the placeholders writers type by hand, in any case:
# TODO, todo:, TBD, FIXME, XXX, 待补充, 待完善, 待翻译, 待定. ASCII boundaries only:
# Chinese characters count as word characters to `\b`.
_PLACEHOLDER = re.compile(
    rf"(?<![A-Za-z0-9_])(?:{PLACEHOLDER}|TBD|FIXME|XXX)(?![A-Za-z0-9_])|(?i:(?<![A-Za-z0-9_])todo(?=\s*[:：]))|待补充|待完善|待翻译|待定")


def placeholder_lines(text: str) -> list[int]:
    """1-based numbers of the lines that hold a placeholder."""
    return [n for n, line in enumerate(text.splitlines(), 1) if _PLACEHOLDER.search(line)]


def find_drafts(settings: Settings) -> list[Finding]:
    """One finding per page with placeholders, at the first of them."""
    out: list[Finding] = []
    if not settings.docs_dir.is_dir():
        return out
    for path in sorted(settings.docs_dir.rglob("*.md")):
        try:
            lines = placeholder_lines(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue  # the guard reports unreadable files
        if lines:
            if len(lines) > 1:
                out.append(finding("draft-placeholder", settings.rel(path), lines[0], "many",
                                   count=len(lines), lines=lines, placeholder=PLACEHOLDER))
            else:
                out.append(finding("draft-placeholder", settings.rel(path), lines[0], "one", placeholder=PLACEHOLDER))
    return out

