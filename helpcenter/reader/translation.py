"""The notice on a page that may be out of date with its twin in the other language.

When a page's twin changed since the two were last in line
(helpcenter.guard.translation: `translation-outdated`), the page tells readers so
at the top of the article, in the page's language, with a link to the twin
("此译文可能已过时…" / "This translation may be out of date…"). The words are in
strings.py; the markup is overrides/partials/hc-translation.html; the link is
root-relative here and made page-relative by the template's `url` filter, so it
works in the offline (file://) copy too. The notice is template markup, not page
content: it is not in the search index.
"""

from __future__ import annotations

from pathlib import Path

from helpcenter.guard.project import load_settings
from helpcenter.guard.translation import scan, statuses


def outdated(config_file: Path) -> dict[str, str]:
    """docs path of every page whose twin changed ("en/faq/x.md") -> the twin's language."""
    settings = load_settings(config_file)
    out: dict[str, str] = {}
    for status in statuses(scan(settings)):
        if status.state == "outdated":
            out.setdefault(f"{status.entry.lang}/{status.entry.page}", status.twin.lang)
    return out


def notice(src_uri: str, url: str, outdated_pages: dict[str, str], roots: dict[str, str]) -> dict[str, str] | None:
    """{"lang": the twin's language, "url": its root-relative address} for an
    outdated page, else None. `url` is the page's own (MkDocs' page.url), `roots`
    each language's root ("" for the default language, "en/")."""
    twin = outdated_pages.get(src_uri)
    lang = src_uri.split("/", 1)[0]
    if twin is None or lang not in roots or twin not in roots:
        return None
    own = roots[lang]
    rest = url[len(own) :] if own and url.startswith(own) else url
    return {"lang": twin, "url": (roots[twin] + rest) or "./"}
