"""zh/en parity: the same pages in every language, FAQs with the same number of steps.

A page missing in one language is an error, never a silent fallback. A page still
being translated (`translate_from:` in its front matter, helpcenter.guard.translation)
holds placeholder steps: its step count is not compared until the translation is
done, and `helpcenter-check-drafts` keeps it from being published meanwhile.

A page renamed in one language only (by hand, not with helpcenter-rename-faq) leaves
two orphans: the new name in one language, the old name in the other. When the
other language has exactly one orphan FAQ that looks like the same one (same
category, and the same sources or the same number of steps), the
missing-translation finding says so ("renamed" case) and names the command that
gives both the same name and keeps the old address answering.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from .catalogue import finding
from .findings import Finding

RENAME_COMMAND = "helpcenter-rename-faq"
TRANSLATE_COMMAND = ".venv/bin/python scripts/new_faq.py --translate"  # helpcenter.scaffold (new_faq.py)


def faq_kind(meta: Mapping[str, Any] | None) -> tuple[str, tuple[str, ...]]:
    """What two language versions of one FAQ share whatever their words: the
    category and the URLs of their sources."""
    meta = meta if isinstance(meta, Mapping) else {}
    sources = meta.get("sources")
    urls = (
        sorted({str(item.get("url")).strip() for item in sources if isinstance(item, Mapping) and item.get("url")})
        if isinstance(sources, list)
        else []
    )
    return str(meta.get("category") or ""), tuple(urls)


def _alike(one: tuple, other: tuple) -> bool:
    """`(kind, steps)` of two FAQs: same category, and the same sources or steps."""
    (category, sources), steps = one
    (other_category, other_sources), other_steps = other
    return bool(category) and category == other_category and ((sources and sources == other_sources) or steps == other_steps)


def _partners(
    by_lang: dict[str, dict[str, str]], step_counts: Mapping[tuple[str, str], tuple[int, int]], kinds: Mapping[tuple[str, str], tuple]
) -> dict[tuple[str, str], str]:
    """(language, page) of an orphan FAQ -> the one orphan FAQ of the other language
    that looks like it (only when exactly one does, both ways)."""
    languages = list(by_lang)
    if len(languages) != 2:
        return {}
    orphans = {
        lang: [
            page
            for page in by_lang[lang]
            if all(page not in by_lang[other] for other in languages if other != lang)
            and (lang, page) in kinds
            and (lang, page) in step_counts
        ]
        for lang in languages
    }

    def look(lang: str, page: str) -> tuple:
        return kinds[(lang, page)], step_counts[(lang, page)][0]

    matches: dict[tuple[str, str], list[str]] = {}
    first, second = languages
    for page in orphans[first]:
        for other in orphans[second]:
            if posixpath.dirname(page) == posixpath.dirname(other) and _alike(look(first, page), look(second, other)):
                matches.setdefault((first, page), []).append(other)
                matches.setdefault((second, other), []).append(page)
    return {
        key: found[0]
        for key, found in matches.items()
        if len(found) == 1 and matches.get((second if key[0] == first else first, found[0])) == [key[1]]
    }


def _stem(page: str) -> str:
    """The id helpcenter-rename-faq takes: the file name in the FAQ folder."""
    return posixpath.splitext(posixpath.basename(page))[0]


def check_parity(
    by_lang: dict[str, dict[str, str]],
    step_counts: dict[tuple[str, str], tuple[int, int]],
    pending: set[tuple[str, str]] = frozenset(),
    kinds: Mapping[tuple[str, str], tuple] | None = None,
    faq_dir: str = "faq",
) -> list[Finding]:
    """`by_lang[lang][page]` is the page's printed path; `step_counts[(lang, page)] =
    (count, line)` for every FAQ page; `pending`: (lang, page) still being translated;
    `kinds[(lang, page)]`: an FAQ's `faq_kind`, to recognise a page renamed in one language."""
    out: list[Finding] = []
    languages = list(by_lang)
    partners = _partners(by_lang, step_counts, kinds or {})
    all_pages = sorted({page for pages in by_lang.values() for page in pages})
    for page in all_pages:
        present = [lang for lang in languages if page in by_lang[lang]]
        for lang in languages:
            if lang in present:
                continue
            source = by_lang[present[0]][page]
            missing = source.replace(f"/{present[0]}/", f"/{lang}/", 1)
            partner = partners.get((present[0], page))
            in_faq_dir = posixpath.dirname(page) == faq_dir
            if partner is not None and in_faq_dir:
                command = f"{RENAME_COMMAND} {_stem(partner)} {_stem(page)}"
                out.append(
                    finding(
                        "missing-translation",
                        source,
                        1,
                        "renamed",
                        lang=lang,
                        missing=missing,
                        partner=by_lang[lang][partner],
                        command=command,
                    )
                )
            elif in_faq_dir and (present[0], page) in step_counts:
                out.append(
                    finding(
                        "missing-translation", source, 1, "faq", lang=lang, missing=missing, command=f"{TRANSLATE_COMMAND} {_stem(page)}"
                    )
                )
            else:
                out.append(finding("missing-translation", source, 1, lang=lang, missing=missing))
        counted = [(lang, step_counts[(lang, page)]) for lang in present if (lang, page) in step_counts and (lang, page) not in pending]
        if len({count for _, (count, _) in counted}) > 1:
            counts = tuple((lang, count) for lang, (count, _) in counted)
            for lang, (_, line) in counted:
                out.append(finding("step-count-mismatch", by_lang[lang][page], line, counts=counts))
        kinds_present = {lang for lang in present if (lang, page) in step_counts}
        if kinds_present and kinds_present != set(present):
            for lang in set(present) - kinds_present:
                out.append(finding("faq-type-mismatch", by_lang[lang][page], 1))
    return out
