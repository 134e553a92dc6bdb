"""MkDocs hook: search scoped to the reader's language, online and offline.

Events:
- on_config (early, before Material's offline plugin): under `OFFLINE=true`, use
  the vendored iframe-worker shim (overrides/assets/javascripts/), so the offline
  plugin does not add a script from unpkg.com.
- on_page_context: remember each page's front-matter `keywords`.
- on_post_build (last, after mkdocs-static-i18n merged the index and the offline
  plugin inlined it): split the index per language (helpsearch.split) and give each
  language root its sitemap.xml, which Material asks for under its search base.
Logic lives in hooks/helpsearch/.
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from helpsearch.split import split_index

log = logging.getLogger("mkdocs.hooks.search_scope")
SHIM = "assets/javascripts/iframe-worker-shim.js"


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def _languages(config) -> tuple[str, list[str]]:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return str(config.theme.get("language", "en")), []
    langs = list(plugin.config.languages)
    default = next(l.locale for l in langs if l.default)
    return default, [l.locale for l in langs if not l.default and l.build]


_keywords: dict[str, list[str]] = {}


def on_page_context(context, page, config, nav):
    words = page.meta.get("keywords")
    if isinstance(words, list):
        _keywords[page.url] = [str(w).strip() for w in words if str(w).strip()]
    return context


@event_priority(100)
def on_config(config):
    if _offline(config):
        polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
        config.extra["polyfills"] = polyfills + [SHIM]
    return config


@event_priority(-300)
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    default, others = _languages(config)
    for index in split_index(site, default, others, offline=_offline(config), keywords=_keywords):
        log.debug(f"search index {index.locale}: {index.docs} entries, {index.size} bytes")
    for lang in others:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (site / name).is_file() and (site / lang).is_dir():
                shutil.copyfile(site / name, site / lang / name)
