"""zh/en parity: the same pages in every language, FAQs with the same number of steps.

A page missing in one language is an error, never a silent fallback. A page still
being translated (`translate_from:` in its front matter, helpcenter.guard.translation)
holds placeholder steps: its step count is not compared until the translation is
done, and `helpcenter-check-drafts` keeps it from being published meanwhile.
"""
from __future__ import annotations

from .catalogue import finding
from .findings import Finding


def check_parity(by_lang: dict[str, dict[str, str]], step_counts: dict[tuple[str, str], tuple[int, int]],
                 pending: set[tuple[str, str]] = frozenset()) -> list[Finding]:
    """`by_lang[lang][page]` is the page's printed path; `step_counts[(lang, page)] =
    (count, line)` for every FAQ page; `pending`: (lang, page) still being translated."""
    out: list[Finding] = []
    languages = list(by_lang)
    all_pages = sorted({page for pages in by_lang.values() for page in pages})
    for page in all_pages:
        present = [lang for lang in languages if page in by_lang[lang]]
        for lang in languages:
            if lang in present:
                continue
            source = by_lang[present[0]][page]
            missing = source.replace(f"/{present[0]}/", f"/{lang}/", 1)
            out.append(finding("missing-translation", source, 1, lang=lang, missing=missing))
        counted = [(lang, step_counts[(lang, page)]) for lang in present
                   if (lang, page) in step_counts and (lang, page) not in pending]
        if len({count for _, (count, _) in counted}) > 1:
            counts = tuple((lang, count) for lang, (count, _) in counted)
            for lang, (_, line) in counted:
                out.append(finding("step-count-mismatch", by_lang[lang][page], line, counts=counts))
        kinds = {lang for lang in present if (lang, page) in step_counts}
        if kinds and kinds != set(present):
            for lang in set(present) - kinds:
                out.append(finding("faq-type-mismatch", by_lang[lang][page], 1))
    return out
