"""The FAQ folder lists itself, in the nav and on the FAQ index page.

A writer adds an FAQ by adding its file in every language (`scripts/new_faq.py`
does that); nothing else needs editing:

- `complete_nav`: FAQ pages that mkdocs.yml's `nav` does not list yet are appended,
  by file name, to the nav section that holds `faq/index.md` (the hook calls it in
  on_config), up to `faq_nav_max` FAQs in that section. Entries listed in
  mkdocs.yml keep their curated order. Beyond the limit, FAQs are listed on the
  FAQ index page only: every page carries the whole sidebar, so a sidebar of a
  thousand FAQs would make each page heavy on a phone and the build quadratic
  (see BENCHMARKS.md).
- `expand_marker`: a line `<!-- faq-list -->` in an FAQ index page becomes a list of
  links to every FAQ in its folder, titled as each page titles itself, in nav order
  (the hook calls it in on_page_markdown). MkDocs then renders and validates those
  links like any other.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

MARKER = "<!-- faq-list -->"
_MARKER_LINE = re.compile(r"^[ \t]*<!--\s*faq-list\s*-->[ \t]*$", re.MULTILINE)
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
INDEX = "index.md"


@dataclass(frozen=True)
class FaqEntry:
    """One FAQ as the index page lists it."""

    name: str   # file name inside the FAQ folder, e.g. "forgot-password.md"
    title: str


def faq_files(folder: Path) -> list[Path]:
    """The FAQ pages directly inside `folder`, by file name (its index excepted)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if p.is_file() and p.name != INDEX)


def page_title(path: Path) -> str:
    """A page's title as MkDocs shows it: front-matter `title`, else its first H1,
    else the file name."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):  # the guard reports it ("unreadable")
        return path.stem.replace("-", " ").capitalize()
    body, meta = get_data(text)
    title = meta.get("title") if isinstance(meta, dict) else None
    if title:
        return str(title).strip()
    heading = _H1.search(body)
    return heading.group(1).strip() if heading else path.stem.replace("-", " ").capitalize()


def entries(folder: Path, order: Sequence[str] = ()) -> list[FaqEntry]:
    """Every FAQ in `folder`: those named in `order` first, in that order, then the
    rest by file name."""
    rank = {name: index for index, name in enumerate(order)}
    files = sorted(faq_files(folder), key=lambda p: (rank.get(p.name, len(rank)), p.name))
    return [FaqEntry(p.name, page_title(p)) for p in files]


def _link_text(title: str) -> str:
    """A title as Markdown link text that renders exactly as written."""
    text = title.replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def render_list(items: Iterable[FaqEntry]) -> str:
    return "\n".join(f"- [{_link_text(item.title)}]({item.name})" for item in items)


def expand_marker(markdown: str, folder: Path, order: Sequence[str] = ()) -> str:
    """Replace the `<!-- faq-list -->` line with the list of the folder's FAQs."""
    if not _MARKER_LINE.search(markdown):
        return markdown
    listing = render_list(entries(folder, order))
    return _MARKER_LINE.sub(lambda _: listing, markdown, count=1)


def _nav_path(item: Any) -> str | None:
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and len(item) == 1:
        value = next(iter(item.values()))
        return value if isinstance(value, str) else None
    return None


def _nav_paths(nav: list[Any]) -> set[str]:
    paths: set[str] = set()
    for item in nav:
        path = _nav_path(item)
        if path is not None:
            paths.add(path)
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    paths |= _nav_paths(value)
    return paths


def _faq_section(nav: list[Any], index_path: str) -> list[Any] | None:
    """The nav list that holds the FAQ index page, at any depth."""
    if any(_nav_path(item) == index_path for item in nav):
        return nav
    for item in nav:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list) and (found := _faq_section(value, index_path)) is not None:
                    return found
    return None


def faq_names(docs_dir: Path, languages: Iterable[str], faq_dir: str) -> list[str]:
    """FAQ file names found in any language's FAQ folder, sorted."""
    names = {p.name for lang in languages for p in faq_files(docs_dir / lang / faq_dir if lang else docs_dir / faq_dir)}
    return sorted(names)


def complete_nav(nav: list[Any] | None, faq_dir: str, names: Iterable[str], limit: int | None = None) -> list[str]:
    """Append `faq_dir/<name>` for every name the nav does not list yet to the section
    holding `faq_dir/index.md`, until that section lists `limit` FAQs (None: no
    limit). Returns what was added. No nav (MkDocs then lists every page itself) or
    no such section: nothing to do."""
    if not nav:
        return []
    index = f"{faq_dir}/{INDEX}"
    section = _faq_section(nav, index)
    if section is None:
        return []
    listed = _nav_paths(nav)
    room = None if limit is None else max(limit - len(_nav_paths(section) - {index}), 0)
    added = [f"{faq_dir}/{name}" for name in names if f"{faq_dir}/{name}" not in listed][:room]
    section.extend(added)
    return added


def unlisted(nav: list[Any] | None, faq_dir: str, names: Iterable[str]) -> list[str]:
    """`faq_dir/<name>` for every FAQ the nav does not list: reached from the FAQ
    index page (and search), not from the sidebar. Without a FAQ section in the
    nav, none: MkDocs' own check for pages missing from the nav applies."""
    if not nav or _faq_section(nav, f"{faq_dir}/{INDEX}") is None:
        return []
    listed = _nav_paths(nav)
    return [f"{faq_dir}/{name}" for name in names if f"{faq_dir}/{name}" not in listed]


def expand_page(markdown: str, page: Any) -> str:
    """For on_page_markdown: expand the marker in a page, listing the FAQs of its
    folder in the order of the page's nav section."""
    source = getattr(page.file, "abs_src_path", None)
    if not source or not _MARKER_LINE.search(markdown):
        return markdown
    siblings = getattr(getattr(page, "parent", None), "children", None) or []
    order = [Path(item.file.abs_src_path).name for item in siblings
             if getattr(getattr(item, "file", None), "abs_src_path", None)]
    return expand_marker(markdown, Path(source).parent, order)
