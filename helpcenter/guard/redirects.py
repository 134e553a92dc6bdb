"""Redirects: the old address of a renamed page keeps answering.

mkdocs.yml declares them for the mkdocs-redirects plugin, one entry per language,
both sides written as files under docs/ (`helpcenter-rename-faq` writes them):

    plugins:
      - redirects:
          redirect_maps:
            zh/faq/account-stolen.md: zh/faq/wallet-stolen.md
            en/faq/account-stolen.md: en/faq/wallet-stolen.md

The built site then has `/faq/account-stolen/` and `/en/faq/account-stolen/` as
small pages that send the reader on to the new page (hooks/redirects.py adapts the
plugin to the language folders and writes each page in its language:
helpcenter/reader/redirects.py).

The guard (`redirect`, at the entry's mkdocs.yml line) refuses an entry a reader
could be hurt or lost by: a target on another host (a redirect is a link nobody
reads), a target that is not a page of this site, an old path that is still a live
page or served at a live page's address (faq/x.md and faq/x/index.md are both
/faq/x/: its redirect would replace the page), an entry that crosses languages or is
not a Markdown path. The build leaves such an entry out, so the plugin never writes
it, and the check and the build report the same findings.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .catalogue import finding
from .findings import Finding

PLUGIN = "redirects"
KEY = "redirect_maps"


@dataclass(frozen=True)
class Redirect:
    """One entry of `redirect_maps`: docs-relative paths, e.g. "en/faq/a.md"."""

    old: str
    new: str
    line: int
    lang: str = ""

    @property
    def target(self) -> str:
        """The new page without its #fragment."""
        return self.new.partition("#")[0]


def _plugin_entry(data: Any) -> tuple[int, Any] | None:
    """(index in `plugins`, its options) of the redirects plugin, if configured."""
    plugins = data.get("plugins") if isinstance(data, Mapping) else None
    if not isinstance(plugins, list):
        return None
    for index, item in enumerate(plugins):
        if item == PLUGIN:
            return index, {}
        if isinstance(item, Mapping) and PLUGIN in item:
            return index, item[PLUGIN] or {}
    return None


def _language(path: str, languages: tuple[str, ...]) -> str | None:
    """The language folder `path` is in ("" on a one-language site), None if none."""
    if languages == ("",) or not languages:
        return ""
    head = path.split("/", 1)[0]
    return head if head in languages and "/" in path else None


def read_redirects(settings) -> tuple[list[Redirect], list[Finding]]:
    """Every usable entry, and a finding for each one that cannot be used."""
    doc = settings.yaml
    found = _plugin_entry(doc.data if doc else {})
    if found is None:
        return [], []
    index, options = found
    config = settings.config_rel
    if not isinstance(options, Mapping) or not isinstance(options.get(KEY, {}), Mapping):
        return [], [
            finding(
                "redirect",
                config,
                doc.line("plugins", index, PLUGIN, KEY),
                "format",
                old=KEY,
                example="zh/faq/old-name.md: zh/faq/new-name.md",
            )
        ]
    out: list[Redirect] = []
    problems: list[Finding] = []
    for old, new in (options.get(KEY) or {}).items():
        line = doc.line("plugins", index, PLUGIN, KEY, old)
        if not isinstance(old, str) or not isinstance(new, str) or not old.endswith(".md") or not new.strip():
            problems.append(finding("redirect", config, line, "format", old=str(old), example="zh/faq/old-name.md: zh/faq/new-name.md"))
            continue
        old, new = old.strip().lstrip("/"), new.strip()
        if "://" in new or new.startswith("//") or ":" in new.partition("/")[0]:
            problems.append(finding("redirect", config, line, "external", old=old, new=new))
            continue
        new = new.lstrip("/")
        old_lang, new_lang = _language(old, settings.languages), _language(new, settings.languages)
        if old_lang is None or old_lang != new_lang:
            problems.append(finding("redirect", config, line, "language", old=old, new=new))
            continue
        if posixpath.normpath(old) != old or posixpath.normpath(new.partition("#")[0]) != new.partition("#")[0]:
            problems.append(finding("redirect", config, line, "format", old=old, example="zh/faq/old-name.md: zh/faq/new-name.md"))
            continue
        out.append(Redirect(old, new, line, old_lang))
    return out, problems


def _inside(path: str, lang: str) -> str:
    return path[len(lang) + 1 :] if lang else path


def _address(page: str) -> str:
    """The address a page is served at, as a key: faq/x.md, faq/x/index.md and
    faq/x/README.md are all faq/x/."""
    stem = posixpath.splitext(page)[0]
    for name in ("index", "README"):
        if stem == name or stem.endswith("/" + name):
            return stem[: -len(name)]
    return stem + "/"


def check_redirects(settings, pages_by_lang: Mapping[str, Mapping[str, object]]) -> tuple[list[Redirect], list[Finding]]:
    """The entries the build may write, and a finding for every other one.
    `pages_by_lang[lang]` holds the pages of each language folder (runner.discover)."""
    entries, problems = read_redirects(settings)
    usable: list[Redirect] = []
    config = settings.config_rel
    addresses = {lang: {_address(page) for page in pages} for lang, pages in pages_by_lang.items()}
    for entry in entries:
        pages = pages_by_lang.get(entry.lang, {})
        if _address(_inside(entry.old, entry.lang)) in addresses.get(entry.lang, set()):
            problems.append(finding("redirect", config, entry.line, "live", old=entry.old, new=entry.new))
        elif _inside(entry.target, entry.lang) not in pages:
            problems.append(finding("redirect", config, entry.line, "missing", old=entry.old, new=entry.new))
        else:
            usable.append(entry)
    return usable, problems


def plugin_map(entries: list[Redirect], lang: str, default: str) -> dict[str, str]:
    """The map mkdocs-redirects gets in the build of `lang`: the old page as the
    plugin places it (the default language is served at the site root, so its
    folder is left out), the new page as the i18n build names its file."""
    out = {}
    for entry in entries:
        if entry.lang != lang:
            continue
        out[_inside(entry.old, lang) if lang == default else entry.old] = entry.new
    return out
