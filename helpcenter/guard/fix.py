"""`helpcenter-check --fix`: renumber the steps the check says are misnumbered.

Only `faq-step-numbering` is fixed, and only where the check looks for it: an
FAQ's steps (its first top-level numbered list) and, on other pages, every
top-level numbered list whose first item starts with a **title** (faq.procedures).
Each item of such a list gets its position (1, 2, 3 …) as its number; nothing
else in the file changes: not nested lists, not lists in code blocks or quotes,
not lazy continuation lines (only the first line of each top-level item holds its
number), not the line endings or a byte-order mark. Steps are found by the same
parser the check uses, so a second run has nothing left to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .faq import Step, is_faq, procedures, read_faq
from .markdown import parse_article
from .project import Settings

_MARKER = re.compile(r"^(?P<lead>[ \t]*)(?P<number>\d{1,9})(?P<delim>[.)])")
_LINES = re.compile(r"(\r\n|\r|\n)")


@dataclass(frozen=True)
class Renumbered:
    path: str  # as printed (relative to the project root)
    line: int
    old: int
    new: int


def _lists(path: Path, rel: str, lang: str, page: str, settings: Settings) -> list[tuple[Step, ...]]:
    article = parse_article(path, rel, lang, page)
    if is_faq(article, settings.faq_dir):
        doc = read_faq(article, settings.contact_page)
        return [doc.steps] if doc.steps else []
    return [tuple(steps) for steps in procedures(article)]


def fix_page(path: Path, rel: str, lang: str, page: str, settings: Settings, write: bool = True) -> list[Renumbered]:
    """Renumber the misnumbered steps of one page; what changed (written unless `write` is false)."""
    try:
        lists = _lists(path, rel, lang, page, settings)
    except (OSError, UnicodeDecodeError):
        return []  # the check reports an unreadable page
    wanted = {step.line: position for steps in lists for position, step in enumerate(steps, 1) if step.number != position}
    if not wanted:
        return []
    raw = path.read_bytes().decode("utf-8")
    bom = "\ufeff" if raw.startswith("\ufeff") else ""
    pieces = _LINES.split(raw[len(bom) :])  # line, separator, line, separator, …
    changes: list[Renumbered] = []
    for line, position in sorted(wanted.items()):
        index = 2 * (line - 1)
        if index >= len(pieces):
            continue
        # an item inside an admonition is indented in the file: the marker is the line's first text
        match = _MARKER.match(pieces[index])
        if match is None:
            continue
        pieces[index] = f"{match['lead']}{position}{match['delim']}{pieces[index][match.end() :]}"
        changes.append(Renumbered(rel, line, int(match["number"]), position))
    if changes and write:
        path.write_bytes((bom + "".join(pieces)).encode("utf-8"))
    return changes


def fix_site(settings: Settings) -> list[Renumbered]:
    """Renumber the misnumbered steps of every page."""
    from .runner import discover  # runner imports the rules this module uses

    pages_by_lang, _ = discover(settings)
    changes: list[Renumbered] = []
    for lang, pages in pages_by_lang.items():
        for page, path in sorted(pages.items()):
            changes += fix_page(path, settings.rel(path), lang, page, settings)
    return changes
