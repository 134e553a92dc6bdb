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
- `expand_marker`: a line `<!-- faq-list -->` in an FAQ index page becomes one
  section per category (mkdocs.yml `extra.faq_categories`, in that order): a heading
  with the category's label in the page's language and the category id as its
  anchor (`## 安全与防骗 {#security}`), then a link to each FAQ of that category,
  titled as the page titles itself, with its `description` as a one-line summary,
  in nav order. FAQs without a known category come last, under "其他" / "Other".
  Categories without FAQs are left out. With no categories configured, the list is
  flat. The hook calls it in on_page_markdown; MkDocs then renders and validates
  those links like any other.
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


# The heading of the section for FAQs without a (known) category, per language.
OTHER_ID = "other"
OTHER_LABELS = {"zh": "其他", "en": "Other"}
_ANCHOR = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class FaqEntry:
    """One FAQ as the index page lists it."""

    name: str  # file name inside the FAQ folder, e.g. "forgot-password.md"
    title: str
    description: str = ""
    category: str = ""  # the front matter's `category`, "" if none


@dataclass(frozen=True)
class Category:
    """One section of the FAQ index: its id (the heading's anchor) and its heading."""

    id: str
    label: str


def categories(raw: Any, lang: str, default_lang: str | None = None) -> list[Category]:
    """mkdocs.yml's `extra.faq_categories` for one language: each entry's label in
    `lang`, else in the default language, else its id. Entries without a usable id
    (a lowercase slug, as it becomes an HTML id) are skipped; the guard reports
    nothing here, the FAQs that name them simply fall under "Other"."""
    found: list[Category] = []
    seen: set[str] = set()
    for item in raw or []:
        if not isinstance(item, dict):
            continue
        ident = str(item.get("id") or "").strip()
        if not _ANCHOR.match(ident) or ident in seen or ident == OTHER_ID:
            continue
        label = item.get("label")
        if isinstance(label, dict):
            text = label.get(lang) or (label.get(default_lang) if default_lang else None) or ident
        else:
            text = label or ident
        found.append(Category(ident, " ".join(str(text).split())))
        seen.add(ident)
    return found


def faq_files(folder: Path) -> list[Path]:
    """The FAQ pages directly inside `folder`, by file name (its index excepted)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if p.is_file() and p.name != INDEX)


def _one_line(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def read_entry(path: Path) -> FaqEntry:
    """A FAQ as the index lists it. Its title as MkDocs shows it: front-matter
    `title`, else its first H1, else the file name; its `description` and
    `category` from the front matter."""
    fallback = path.stem.replace("-", " ").capitalize()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):  # the guard reports it ("unreadable")
        return FaqEntry(path.name, fallback)
    body, meta = get_data(text)
    meta = meta if isinstance(meta, dict) else {}
    title = _one_line(meta.get("title"))
    if not title:
        heading = _H1.search(body)
        title = heading.group(1).strip() if heading else fallback
    return FaqEntry(path.name, title, _one_line(meta.get("description")), _one_line(meta.get("category")))


def entries(folder: Path, order: Sequence[str] = ()) -> list[FaqEntry]:
    """Every FAQ in `folder`: those named in `order` first, in that order, then the
    rest by file name."""
    rank = {name: index for index, name in enumerate(order)}
    files = sorted(faq_files(folder), key=lambda p: (rank.get(p.name, len(rank)), p.name))
    return [read_entry(p) for p in files]


def _link_text(title: str) -> str:
    """Text as Markdown inline text that renders exactly as written."""
    text = title.replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def _item(entry: FaqEntry, lang: str) -> str:
    line = f"- [{_link_text(entry.title)}]({entry.name})"
    if entry.description:
        line += ("：" if lang.startswith("zh") else ": ") + _link_text(entry.description)
    return line


def render_list(items: Iterable[FaqEntry], lang: str = "") -> str:
    return "\n".join(_item(item, lang) for item in items)


def render_grouped(items: Sequence[FaqEntry], sections: Sequence[Category], lang: str = "") -> str:
    """One section per category that has FAQs, in the order of `sections`, then the
    FAQs whose category is missing or unknown under "Other"."""
    known = {section.id for section in sections}
    groups = [(section, [item for item in items if item.category == section.id]) for section in sections]
    rest = [item for item in items if item.category not in known]
    if rest:
        groups.append((Category(OTHER_ID, OTHER_LABELS.get(lang[:2], OTHER_LABELS["en"])), rest))
    blocks = [f"## {_link_text(section.label)} {{#{section.id}}}\n\n{render_list(members, lang)}" for section, members in groups if members]
    return "\n\n".join(blocks)


def expand_marker(
    markdown: str, folder: Path, order: Sequence[str] = (), sections: Sequence[Category] | None = None, lang: str = ""
) -> str:
    """Replace the `<!-- faq-list -->` line with the folder's FAQs: grouped by
    category when `sections` are given, else one flat list."""
    if not _MARKER_LINE.search(markdown):
        return markdown
    items = entries(folder, order)
    listing = render_grouped(items, sections, lang) if sections else render_list(items, lang)
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


def faq_names(docs_dir: Path, languages: Iterable[str], faq_dir: str, every: bool = False) -> list[str]:
    """FAQ file names found in any language's FAQ folder (`every`: in every
    language's), sorted. An FAQ missing in one language is not put in the nav: that
    language's build would warn about a nav entry to a page it does not have, on top
    of the guard's own `missing-translation` finding at the page."""
    found = [{p.name for p in faq_files(docs_dir / lang / faq_dir if lang else docs_dir / faq_dir)} for lang in languages]
    if not found:
        return []
    return sorted(set.intersection(*found) if every else set.union(*found))


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


def page_language(source: Path, docs_dir: Path, languages: Sequence[str]) -> str:
    """The language folder a page lives in (`docs/<lang>/...`), else the default
    (first) language."""
    default = languages[0] if languages else ""
    try:
        first = source.resolve().relative_to(docs_dir.resolve()).parts[0]
    except (ValueError, IndexError):
        return default
    return first if first in languages else default


def expand_page(markdown: str, page: Any, raw_categories: Any = None, docs_dir: Path | None = None, languages: Sequence[str] = ()) -> str:
    """For on_page_markdown: expand the marker in a page, listing the FAQs of its
    folder by category (labels in the page's language), in the order of the page's
    nav section within each category."""
    source = getattr(page.file, "abs_src_path", None)
    if not source or not _MARKER_LINE.search(markdown):
        return markdown
    siblings = getattr(getattr(page, "parent", None), "children", None) or []
    order = [Path(item.file.abs_src_path).name for item in siblings if getattr(getattr(item, "file", None), "abs_src_path", None)]
    lang = page_language(Path(source), docs_dir, languages) if docs_dir else (languages[0] if languages else "")
    default = languages[0] if languages else None
    sections = categories(raw_categories, lang, default)
    return expand_marker(markdown, Path(source).parent, order, sections, lang)
