"""MkDocs adapter for helpcenter.preview: a faster live preview (`mkdocs serve`).

Events, each chosen on purpose; under `mkdocs build` every one does nothing:
- on_startup: note whether we serve.
- on_config (after every plugin's, which make their helpers anew in theirs):
  git-revision-date-localized's `git log` per page is answered from the answers of
  earlier rebuilds while HEAD and its options stay the same (helpcenter.preview.GitDates).
- on_env: this build's Jinja environment reuses the templates compiled by earlier
  rebuilds (helpcenter.preview.TEMPLATES; an edited template is compiled again).
State that must outlive a rebuild lives in helpcenter.preview, never in this module.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from helpcenter.preview import GIT_DATES, keep_templates

_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command


def _serving() -> bool:
    return _command["name"] == "serve"


@event_priority(-100)
def on_config(config):
    if _serving():
        GIT_DATES.attach(config.plugins.get("git-revision-date-localized"), config.docs_dir)
    return config


def on_env(env, config, files):
    return keep_templates(env) if _serving() else env
