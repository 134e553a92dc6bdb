"""MkDocs adapter for helpcenter.search: search scoped to the reader's language,
online and offline.

Events:
- on_config (early, before Material's search and offline plugins): give Material's
  search plugin the project's jieba user dictionary (helpcenter/search/userdict.txt)
  and let it segment Chinese with rjieba, the same tokens in a tenth of the time
  (helpcenter/search/rustcut.py);
  under `OFFLINE=true`, use the vendored iframe-worker shim
  (overrides/assets/javascripts/), so the offline plugin adds no script from unpkg.com.
- on_page_context: remember each page's front-matter `keywords` (per build).
- on_post_build (last, after mkdocs-static-i18n merged the index and the offline
  plugin inlined it), once per outer build: split the index per language
  (helpcenter.search.split) and give each language root its sitemap.xml, which
  Material asks for under its search base.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from helpcenter.buildnest import OuterBuild
from helpcenter.search.scope import SearchBuild

log = logging.getLogger("mkdocs.hooks.search")
build: OuterBuild[SearchBuild] = OuterBuild(SearchBuild)


@event_priority(100)
def on_config(config):
    build.start().configure(config)
    return config


def on_pre_build(config) -> None:
    build.enter()


def on_page_context(context, page, config, nav):
    if build.state is not None:
        build.state.remember(page)
    return context


@event_priority(-300)
def on_post_build(config) -> None:
    if not build.leave() or build.state is None:
        return
    for index in build.state.finish(config, Path(config.site_dir)):
        log.debug(f"search index {index.locale}: {index.docs} entries, {index.size} bytes")


def on_build_error(error) -> None:
    build.reset()
