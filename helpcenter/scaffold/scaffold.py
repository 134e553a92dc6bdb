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
from typing import ClassVar

from helpcenter.guard.catalogue import DEFAULT_LANG, Sayings, Text
from helpcenter.guard.project import Settings, today_in_zone

from .templates import render

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 60
MAX_TITLE = 120
RESERVED = frozenset({"index"})


# Why an FAQ cannot be created, in the writer's language.
SAY = Sayings(
    {
        "bad-id": Text(
            "'{slug}' is not a valid FAQ id: use lowercase English letters, digits and single hyphens, "
            "e.g. 'change-wallet-name' (it becomes the file name and the page's address in every language).",
            "“{slug}”不能用作常见问题的 id：只能用小写英文字母、数字和单个连字符，例如 change-wallet-name"
            "（它会成为每种语言的文件名和页面地址）。",
        ),
        "long-id": Text(
            "'{slug}' is {length} characters long; keep the FAQ id to {limit} or fewer.",
            "“{slug}”有 {length} 个字符；常见问题的 id 最多 {limit} 个字符。",
        ),
        "reserved-id": Text(
            "'{slug}' is reserved (the FAQ list page); choose another id.", "“{slug}”已被保留（常见问题列表页）；请换一个 id。"
        ),
        "title-lines": Text("The {lang:language} title must be one non-empty line.", "{lang:language}标题必须是一行，且不能为空。"),
        "long-title": Text(
            "The {lang:language} title is {length} characters long; keep it to {limit} or fewer.",
            "{lang:language}标题有 {length} 个字符，最多只能有 {limit} 个字符。",
        ),
        "no-language": Text(
            "No language folder for {unknown:list}; this site has {languages:list}.",
            "没有 {unknown:list} 的语言文件夹；本站只有 {languages:list}。",
        ),
        "id-used": Text(
            "The FAQ id '{slug}' is already used ({listed:list}); edit that page or choose another id.",
            "常见问题 id“{slug}”已存在（{listed:list}）；请修改那个页面，或换一个 id。",
        ),
        "no-such-faq": Text(
            "There is no FAQ '{slug}' in any language (docs/<lang>/faq/{slug}.md); check the old id.",
            "任何语言里都没有常见问题“{slug}”（docs/<语言>/faq/{slug}.md）；请检查旧的 id。",
        ),
        "io": Text("Could not create the FAQ: {error}", "无法创建这篇常见问题。系统的说明（英文原文）：{error}"),
        "redirect-edit": Text(
            "Nothing was moved: the redirects could not be added to {config} safely ({error}). Add them under "
            "plugins → redirects → redirect_maps by hand ({entries:list}), or fix {config} first.",
            "没有移动任何文件：无法安全地把重定向写进 {config}（{error}）。请手动在 plugins → redirects → "
            "redirect_maps 下添加（{entries:list}），或先修正 {config}。",
        ),
    }
)


class SaidError(ValueError):
    """An error told in a tool's own words: `key` names its `SAYINGS` entry, `fields`
    fill it in (`str()` in English, `text(lang)` in the writer's language)."""

    SAYINGS: ClassVar[Sayings]

    def __init__(self, key: str, **fields: object) -> None:
        self.key, self.fields = key, fields
        super().__init__(self.text(DEFAULT_LANG))

    def text(self, lang: str) -> str:
        return self.SAYINGS(self.key, lang, **self.fields)


class ScaffoldError(SaidError):
    """The FAQ cannot be created; the message tells the writer what to do."""

    SAYINGS = SAY


@dataclass(frozen=True)
class Created:
    """What `create_faq` wrote."""

    slug: str
    files: dict[str, Path]  # language -> new page

    def preview_paths(self, default_lang: str, faq_dir: str) -> dict[str, str]:
        """Each language's address on `mkdocs serve`, e.g. {"zh": "/faq/x/", "en": "/en/faq/x/"}."""
        return {lang: ("/" if lang in ("", default_lang) else f"/{lang}/") + f"{faq_dir}/{self.slug}/" for lang in self.files}


def check_slug(slug: str) -> None:
    if not SLUG.fullmatch(slug):
        raise ScaffoldError("bad-id", slug=slug)
    if len(slug) > MAX_SLUG:
        raise ScaffoldError("long-id", slug=slug, length=len(slug), limit=MAX_SLUG)
    if slug in RESERVED:
        raise ScaffoldError("reserved-id", slug=slug)


def check_title(lang: str, title: str) -> None:
    if not title.strip() or "\n" in title or "\r" in title:
        raise ScaffoldError("title-lines", lang=lang)
    if len(title) > MAX_TITLE:
        raise ScaffoldError("long-title", lang=lang, length=len(title), limit=MAX_TITLE)


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
    for the languages the writer can write; the others get a placeholder title and,
    when at least one title is given, `translate_from:` that language."""
    titles = {lang: title.strip() for lang, title in (titles or {}).items() if title is not None}
    check_slug(slug)
    unknown = sorted(set(titles) - set(settings.languages))
    if unknown:
        raise ScaffoldError("no-language", unknown=tuple(unknown), languages=tuple(settings.languages))
    for lang, title in titles.items():
        check_title(lang, title)
    clash = existing(settings, slug)
    if clash:
        raise ScaffoldError("id-used", slug=slug, listed=tuple(settings.rel(p) for p in clash))
    category = settings.faq_categories[0].id if settings.faq_categories else "wallet"
    # A language the writer gave no title for waits for its translation from the first
    # one given (helpcenter.guard.translation): its steps are not compared until then.
    source = next((lang for lang in settings.languages if lang in titles), None)
    written: dict[str, Path] = {}
    try:
        for lang in settings.languages:
            path = faq_folder(settings, lang) / f"{slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
                written[lang] = path
                out.write(
                    render(
                        lang, titles.get(lang), category, today_in_zone().isoformat(), translate_from=source if lang not in titles else None
                    )
                )
    except OSError as error:
        for path in written.values():
            path.unlink(missing_ok=True)
        raise ScaffoldError("io", error=str(error)) from error
    return Created(slug, written)
