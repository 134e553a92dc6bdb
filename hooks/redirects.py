"""MkDocs adapter for redirects: a renamed page's old address keeps answering.

mkdocs.yml maps old pages to new ones for the mkdocs-redirects plugin, both sides
as files under docs/ (`zh/faq/old.md: zh/faq/new.md`, helpcenter/guard/redirects.py).
Alone, the plugin does not know mkdocs-static-i18n's folders: it would write the
Chinese old address under /zh/ (Chinese is served at /), link it to a Chinese page
by its source folder, warn in each language build about the other language's
entries, and write an English page whose script needs its own hash in `_headers`.
This hook adapts it, per language build:

- on_files (before the plugin, 50): the plugin's map for this language only, each
  old page where this language is served, and only entries the guard accepts (an
  entry it refuses is a finding at its mkdocs.yml line, from the guard hook; the
  plugin never writes it).
- on_nav (after mkdocs-static-i18n, -150): the plugin finds the new pages among
  this language's files, with their real addresses.
- on_page_context: each page's title, for the link on the moved page.
- on_post_build (after the plugin wrote its pages, before mkdocs-static-i18n
  builds the next language, -50): each old address becomes the reader's page in
  its language (helpcenter.reader.redirects): refresh, a link to the new page, one
  shared script that keeps the #section.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.plugins import event_priority

from helpcenter.buildnest import OuterBuild
from helpcenter.guard.project import load_settings
from helpcenter.guard.redirects import PLUGIN, Redirect, check_redirects, plugin_map
from helpcenter.guard.runner import discover
from helpcenter.reader.redirects import moved_page

log = logging.getLogger("mkdocs.hooks.redirects")


@dataclass
class RedirectBuild:
    """One language build's state (a new one in each on_config: nothing here
    outlives the build it was read for)."""

    entries: list[Redirect] | None = None  # the usable entries of mkdocs.yml
    default: str = ""  # the language served at the site root
    titles: dict[str, str] = field(default_factory=dict)  # src_uri -> page title


build: OuterBuild[RedirectBuild] = OuterBuild(RedirectBuild)  # start() only: a state per language build


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return str(getattr(i18n, "current_language", "") or "") if i18n is not None else ""


def on_config(config):
    state = build.start()
    if state.entries is None:
        settings = load_settings(Path(config.config_file_path))
        pages, _ = discover(settings)
        state.entries, _ = check_redirects(settings, pages)
        state.default = settings.languages[0] if settings.languages else ""
    return config


@event_priority(50)
def on_files(files, config):
    plugin = config.plugins.get(PLUGIN)
    state = build.state
    if plugin is not None and state is not None:
        plugin.config["redirect_maps"] = plugin_map(state.entries or [], _language(config), state.default)
    return files


@event_priority(-150)  # after mkdocs-static-i18n (-100) picked this language's files and named their addresses
def on_nav(nav, config, files):
    plugin = config.plugins.get(PLUGIN)
    if plugin is not None:
        plugin.doc_pages = {file.src_uri: file for file in files.documentation_pages()}
    return nav


def on_page_context(context, page, config, nav):
    if build.state is not None and page.title:
        build.state.titles[page.file.src_uri] = str(page.title)
    return context


@event_priority(-50)  # after mkdocs-redirects (0), before mkdocs-static-i18n builds the next language (-100)
def on_post_build(config) -> None:
    plugin = config.plugins.get(PLUGIN)
    state = build.state
    if plugin is None or state is None:
        return
    from mkdocs_redirects.plugin import get_html_path, get_relative_html_path

    lang = _language(config)
    for old, new in (getattr(plugin, "redirects", None) or {}).items():
        path, hash_, fragment = str(new).partition("#")
        target = plugin.doc_pages.get(path)
        if target is None:
            continue  # the guard reported it; the plugin wrote nothing
        url = get_relative_html_path(old, target.url + hash_ + fragment, config.use_directory_urls)
        dest = Path(config.site_dir) / get_html_path(old, config.use_directory_urls)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(moved_page(lang, url, state.titles.get(path), config.site_name), encoding="utf-8")
        log.debug(f"redirect {dest.relative_to(config.site_dir).as_posix()} -> {url}")
