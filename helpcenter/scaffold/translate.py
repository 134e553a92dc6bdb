"""The missing language of an existing FAQ, as a draft waiting for its translation.

    helpcenter-new-faq --translate ID      (or `helpcenter-new-faq ID` when ID exists
                                            in some languages only)

For each language folder without `faq/<id>.md`, writes the template with the
source's number of steps (each placeholder names the source step to translate),
the source's category and `sources:`, and `translate_from: <source language>`.
So the draft is not a step-count error while it is translated (parity.py), and
`helpcenter-check-drafts` keeps it from being published until
`helpcenter-translations --mark` says the translation is done.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from helpcenter.guard.catalogue import Sayings, Text
from helpcenter.guard.faq import read_faq
from helpcenter.guard.markdown import parse_article
from helpcenter.guard.project import Settings, today_in_zone

from .scaffold import Created, SaidError, check_slug, check_title, existing, faq_folder
from .templates import render

SAY = Sayings(
    {
        "no-faq": Text(
            "There is no FAQ '{slug}' in any language to translate; create it with `helpcenter-new-faq {slug}`.",
            "任何语言中都没有常见问题“{slug}”，无法翻译；请用 `helpcenter-new-faq {slug}` 创建。",
        ),
        "complete": Text(
            "The FAQ '{slug}' exists in every language already ({listed:list}); edit the translation, then run "
            "`helpcenter-translations --mark PAGE`.",
            "常见问题“{slug}”在每种语言中都已存在（{listed:list}）；请直接修改译文，然后运行 `helpcenter-translations --mark 页面路径`。",
        ),
        "no-source": Text(
            "The FAQ '{slug}' has no {lang:language} version to translate from.", "常见问题“{slug}”没有{lang:language}版本，无法从它翻译。"
        ),
        "unreadable": Text("Could not read the source {path}: {error}", "无法读取原文 {path}。系统的说明（英文原文）：{error}"),
        "io": Text("Could not create the translation: {error}", "无法创建译文。系统的说明（英文原文）：{error}"),
    }
)


class TranslateError(SaidError):
    """Why the translation draft cannot be created."""

    SAYINGS = SAY


@dataclass(frozen=True)
class Translation(Created):
    source: str = ""  # the language translated from
    steps: int = 0  # the source's number of steps


def present(settings: Settings, slug: str) -> dict[str, bool]:
    """language -> whether `faq/<slug>.md` exists there."""
    return {lang: (faq_folder(settings, lang) / f"{slug}.md").is_file() for lang in settings.languages}


def missing_languages(settings: Settings, slug: str) -> list[str]:
    """Languages without the FAQ, when it exists in at least one ([] otherwise)."""
    found = present(settings, slug)
    return [lang for lang, here in found.items() if not here] if any(found.values()) else []


def translate_faq(settings: Settings, slug: str, source: str | None = None, titles: dict[str, str] | None = None) -> Translation:
    """Write the FAQ `slug` in every language that lacks it, from `source` (default:
    the first language that has it); `titles`: the question in a missing language, if known."""
    check_slug(slug)
    titles = {lang: title.strip() for lang, title in (titles or {}).items() if title and title.strip()}
    for lang, title in titles.items():
        check_title(lang, title)
    found = present(settings, slug)
    if not any(found.values()):
        raise TranslateError("no-faq", slug=slug)
    missing = [lang for lang, here in found.items() if not here]
    if not missing:
        raise TranslateError("complete", slug=slug, listed=tuple(settings.rel(p) for p in existing(settings, slug)))
    source = source or next(lang for lang in settings.languages if found[lang])
    if not found.get(source):
        raise TranslateError("no-source", slug=slug, lang=source)
    path = faq_folder(settings, source) / f"{slug}.md"
    try:
        article = parse_article(path, settings.rel(path), source, f"{settings.faq_dir}/{slug}.md")
    except (OSError, UnicodeDecodeError) as error:
        raise TranslateError("unreadable", path=settings.rel(path), error=str(error)) from error
    doc = read_faq(article, settings.contact_page)
    meta = article.meta
    category = str(meta.get("category") or "")
    if category not in settings.category_ids:
        category = settings.faq_categories[0].id if settings.faq_categories else "wallet"
    sources = None
    if isinstance(meta.get("sources"), list) and meta["sources"]:
        dumped = yaml.safe_dump(meta["sources"], allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
        sources = "".join(f"  {line}\n" for line in dumped.rstrip("\n").split("\n"))
    written = {}
    try:
        for lang in missing:
            target = faq_folder(settings, lang) / f"{slug}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            text = render(
                lang,
                titles.get(lang),
                category,
                today_in_zone().isoformat(),
                steps=len(doc.steps) or 3,
                hints=tuple(step.title for step in doc.steps),
                translate_from=source,
                sources=sources,
            )
            with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
                written[lang] = target
                out.write(text)
    except OSError as error:
        for target in written.values():
            target.unlink(missing_ok=True)
        raise TranslateError("io", error=str(error)) from error
    return Translation(slug, written, source, len(doc.steps))
