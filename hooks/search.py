"""MkDocs adapter for helpcenter.search: search scoped to the reader's language,
online and offline.

Events:
- on_config (early, before Material's search and offline plugins): give Material's
  search plugin the project's jieba user dictionary (helpcenter/search/userdict.txt)
  and let it segment Chinese with rjieba, the same tokens in a tenth of the time
  (helpcenter/search/rustcut.py); Material compiles its Han expression anew for
  every section's title and text: it gets the one compiled once instead (same
  object, same index; `HELPCENTER_HOOKS_MEMO=0` leaves Material as it is);
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
import os
from pathlib import Path

from mkdocs.plugins import event_priority

from helpcenter.buildnest import OuterBuild
from helpcenter.search.scope import SearchBuild

log = logging.getLogger("mkdocs.hooks.search")
build: OuterBuild[SearchBuild] = OuterBuild(SearchBuild)


class _CompiledOnce:
    """Material's search plugin's `bre` (backrefs), handing out each expression it
    compiles the first time's compiled object again (compiled objects are immutable)."""

    def __init__(self, real) -> None:
        self.real = real
        self.compiled: dict = {}

    def compile(self, pattern, flags=0, *args, **kwargs):
        if args or kwargs or not isinstance(pattern, str):
            return self.real.compile(pattern, flags, *args, **kwargs)
        key = (pattern, flags)
        if key not in self.compiled:
            self.compiled[key] = self.real.compile(pattern, flags)
        return self.compiled[key]

    def __getattr__(self, name):
        return getattr(self.real, name)


def _compile_once(on: bool) -> None:
    try:
        from material.plugins.search import plugin as material_search
    except ImportError:
        return
    current = getattr(material_search, "bre", None)
    if current is None:
        return
    if on and not isinstance(current, _CompiledOnce):
        material_search.bre = _CompiledOnce(current)
    elif not on and isinstance(current, _CompiledOnce):
        material_search.bre = current.real


@event_priority(100)
def on_config(config):
    build.start().configure(config)
    _compile_once(os.environ.get("HELPCENTER_HOOKS_MEMO", "1") != "0")
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
