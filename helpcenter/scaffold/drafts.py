"""Drafts: pages that still hold the scaffold's `TODO` placeholders, or still wait
for their translation (`translate_from:` in their front matter).

A scaffolded FAQ passes the guard so it can be previewed at once; this check is
what keeps it from being published unfinished. CI runs it on every pull request
and before every deployment (`scripts/check_drafts.py`). A translation is done
when `helpcenter-translations --mark PAGE` removes its `translate_from` line.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpcenter.guard.catalogue import finding
from helpcenter.guard.findings import Finding
from helpcenter.guard.markdown import split_front_matter
from helpcenter.guard.project import Settings
from helpcenter.guard.translation import PENDING, key_line

from .templates import PLACEHOLDER

# The scaffold's TODO and the placeholders writers type by hand, in any case:
# TODO, todo:, TBD, FIXME, XXX, 待补充, 待完善, 待翻译, 待定. ASCII boundaries only:
# Chinese characters count as word characters to `\b`.
_PLACEHOLDER = re.compile(
    rf"(?<![A-Za-z0-9_])(?:{PLACEHOLDER}|TBD|FIXME|XXX)(?![A-Za-z0-9_])|(?i:(?<![A-Za-z0-9_])todo(?=\s*[:：]))|待补充|待完善|待翻译|待定"
)


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
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the guard reports unreadable files
        out += _pending(settings, path, text)
        lines = placeholder_lines(text)
        if lines:
            if len(lines) > 1:
                out.append(
                    finding(
                        "draft-placeholder", settings.rel(path), lines[0], "many", count=len(lines), lines=lines, placeholder=PLACEHOLDER
                    )
                )
            else:
                out.append(finding("draft-placeholder", settings.rel(path), lines[0], "one", placeholder=PLACEHOLDER))
    return out


def _pending(settings: Settings, path: Path, text: str) -> list[Finding]:
    """A page still waiting for its translation (a `translate_from` naming another
    language of the site; any other value is the guard's `translation-record`)."""
    meta, _, _, offset = split_front_matter(text.lstrip("\ufeff").replace("\r\n", "\n"))
    source = str(meta.get(PENDING, ""))
    rel = path.relative_to(settings.docs_dir).parts
    if not source or len(rel) < 2 or source == rel[0] or source not in settings.languages:
        return []
    line = key_line(text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")[:offset], PENDING) or 1
    twin = settings.rel(settings.docs_dir / source / Path(*rel[1:]))
    page = settings.rel(path)
    return [finding("translation-pending", page, line, source=source, twin=twin, command=f"helpcenter-translations --mark {page}")]
