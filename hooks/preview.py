"""MkDocs adapter for helpcenter.preview: a faster live preview (`mkdocs serve`).

Events, each chosen on purpose; under `mkdocs build` every one does nothing:
- on_startup: note whether we serve; if so, the served folder is cleaned by moving
  its entries aside, deleted by a thread (helpcenter.preview.quick_clean).
- on_config (after every plugin's, which make their helpers anew in theirs):
  git-revision-date-localized's `git log` per page is answered from the answers of
  earlier rebuilds while HEAD and its options stay the same (helpcenter.preview.GitDates).
- on_env: this build's Jinja environment reuses the templates compiled by earlier
  rebuilds (helpcenter.preview.TEMPLATES; an edited template is compiled again).
- on_config also keeps, for the process, the filtered file listing of the theme's
  installed folders (helpcenter.preview.THEME_FILES; overrides/ is listed every
  time) and the jieba segmentation of each text for the search index
  (helpcenter.preview.SEGMENTS, keyed by text and dictionaries).
- on_serve: the server hears saves from the system (inotify) instead of polling
  every 0.5 s (helpcenter.preview.native_watcher; polling stays if that fails).
State that must outlive a rebuild lives in helpcenter.preview, never in this module.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from helpcenter.preview import (
    GIT_DATES,
    keep_cleaning_quick,
    keep_segments,
    keep_templates,
    keep_theme_listing,
    native_watcher,
)

_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command
    if _serving():
        # Once, before the first build: mkdocs-static-i18n swaps clean_directory for a
        # no-op during its nested builds and puts back what it found.
        keep_cleaning_quick()


def _serving() -> bool:
    return _command["name"] == "serve"


@event_priority(-100)
def on_config(config):
    if _serving():
        GIT_DATES.attach(config.plugins.get("git-revision-date-localized"), config.docs_dir)
        keep_theme_listing()
        keep_segments()
    return config


def on_serve(server, config, builder):
    if _serving():
        native_watcher(server)
    return server


def on_env(env, config, files):
    return keep_templates(env) if _serving() else env
