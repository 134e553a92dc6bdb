"""Create a new FAQ in every language from the template, or say why not.

The id is the file name (`faq/<id>.md`) and the page's address (`/faq/<id>/`), the
same in every language, so it must be a safe slug and must not exist in any
language yet. Nothing is written unless every file can be created.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from helpcenter.guard.project import Settings, today_in_zone

from .templates import render

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 60
MAX_TITLE = 120
RESERVED = frozenset({"index"})


class ScaffoldError(ValueError):
    """The FAQ cannot be created; the message tells the writer what to do."""


@dataclass(frozen=True)
class Created:
    """What `create_faq` wrote."""

    slug: str
    files: dict[str, Path]   # language -> new page

    def preview_paths(self, default_lang: str, faq_dir: str) -> dict[str, str]:
        """Each language's address on `mkdocs serve`, e.g. {"zh": "/faq/x/", "en": "/en/faq/x/"}."""
        return {lang: ("/" if lang in ("", default_lang) else f"/{lang}/") + f"{faq_dir}/{self.slug}/" for lang in self.files}


def check_slug(slug: str) -> None:
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(
            f"'{slug}' is not a valid FAQ id: use lowercase English letters, digits and single hyphens, "
            "e.g. 'change-wallet-name' (it becomes the file name and the page's address in every language)."
        )
    if len(slug) > MAX_SLUG:
        raise ScaffoldError(f"'{slug}' is {len(slug)} characters long; keep the FAQ id to {MAX_SLUG} or fewer.")
    if slug in RESERVED:
        raise ScaffoldError(f"'{slug}' is reserved (the FAQ list page); choose another id.")


def check_title(lang: str, title: str) -> None:
    if not title.strip() or "\n" in title or "\r" in title:
        raise ScaffoldError(f"The {lang} title must be one non-empty line.")
    if len(title) > MAX_TITLE:
        raise ScaffoldError(f"The {lang} title is {len(title)} characters long; keep it to {MAX_TITLE} or fewer.")


def faq_folder(settings: Settings, lang: str) -> Path:
    return (settings.docs_dir / lang if lang else settings.docs_dir) / settings.faq_dir


def existing(settings: Settings, slug: str) -> list[Path]:
    """Pages that already use this id in any language (letter case ignored: the
    id must stay unique on case-insensitive file systems too)."""
    found = []
    for lang in settings.languages:
        folder = faq_folder(settings, lang)
        if folder.is_dir():
            found += [p for p in folder.iterdir() if p.stem.lower() == slug.lower()]
    return sorted(found)


def create_faq(settings: Settings, slug: str, titles: Mapping[str, str] | None = None) -> Created:
    """Write the draft FAQ `slug` in every language. `titles`: language -> question,
    for the languages the writer can write; the others get a placeholder title."""
    titles = {lang: title.strip() for lang, title in (titles or {}).items() if title is not None}
    check_slug(slug)
    unknown = sorted(set(titles) - set(settings.languages))
    if unknown:
        raise ScaffoldError(f"No language folder for {', '.join(unknown)}; this site has {', '.join(settings.languages)}.")
    for lang, title in titles.items():
        check_title(lang, title)
    clash = existing(settings, slug)
    if clash:
        listed = ", ".join(settings.rel(p) for p in clash)
        raise ScaffoldError(f"The FAQ id '{slug}' is already used ({listed}); edit that page or choose another id.")
    category = min(settings.category_ids) if settings.category_ids else "wallet"
    written: dict[str, Path] = {}
    try:
        for lang in settings.languages:
            path = faq_folder(settings, lang) / f"{slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
                written[lang] = path
                out.write(render(lang, titles.get(lang), category, today_in_zone().isoformat()))
    except OSError as error:
        for path in written.values():
            path.unlink(missing_ok=True)
        raise ScaffoldError(f"Could not create the FAQ: {error}") from error
    return Created(slug, written)
