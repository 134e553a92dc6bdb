"""Live preview speed: what `mkdocs serve` keeps from one rebuild to the next.

Every save rebuilds the whole site (both languages: mkdocs-static-i18n runs a
nested build per language). MkDocs re-reads mkdocs.yml, creates the theme's Jinja
environment and every plugin's helpers anew for each rebuild, while a hook's
modules stay imported; so what may outlive a rebuild lives here, in module state
(hooks/preview.py forwards the events, and only under `mkdocs serve`):

- **Compiled templates.** A fresh Jinja environment compiles each template it
  renders (Material's base, partials, our overrides: about a third of a rebuild of
  the shipped site). `TEMPLATES` is Jinja's bytecode cache kept in memory, keyed by
  the template's name and a checksum of its source, so an edited override is
  compiled again and an unchanged one never.
- **The date of each page's last commit.** git-revision-date-localized asks
  `git log` once per page and build (66 calls per rebuild of the shipped site;
  its own cache is only filled by its worker processes, which the project turns
  off). `GitDates` keeps each answer for the file, the plugin's options and the
  commit HEAD points to: a commit, a checkout or an option change asks again. A
  file git does not know yet (dated with the build date) is asked every time.
  The tag naming each page's commit (page.meta, which this site does not show) is
  kept the same way: a tag made during `mkdocs serve` appears after the next
  commit or restart.

`mkdocs build` is untouched: it rebuilds nothing, so there is nothing to keep.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

import jinja2

log = logging.getLogger("mkdocs.hooks.preview")


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja's compiled templates, in memory for the life of the process."""

    def __init__(self) -> None:
        self.store: dict[str, tuple[str, Any]] = {}  # key: (source checksum, code object)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = self.store.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self.store.clear()


TEMPLATES = MemoryBytecodeCache()


def keep_templates(env: jinja2.Environment) -> jinja2.Environment:
    """Let this build's Jinja environment reuse templates compiled by earlier builds."""
    if env.bytecode_cache is None:
        env.bytecode_cache = TEMPLATES
    return env


class GitDates:
    """Last-commit answers of git-revision-date-localized, kept across rebuilds."""

    def __init__(self) -> None:
        self.kept: dict[tuple, Any] = {}
        self.asked = 0  # calls that went to git (for tests and the benchmark)

    def attach(self, plugin: Any, docs_dir: str) -> bool:
        """Wrap this build's helper of the plugin (it makes a new one in each
        on_config, so call after it). False when the plugin is absent, switched
        off, or not shaped as expected (then it runs as it is)."""
        util = getattr(plugin, "util", None)
        ask = getattr(util, "get_git_commit_timestamp", None)
        head = getattr(util, "get_head_commit", None)
        config = getattr(plugin, "config", None)
        if not callable(ask) or not callable(head) or config is None or not config.get("enabled", True):
            return False
        try:
            options = repr(sorted(dict(config).items())) + repr(tuple(getattr(util, "ignored_commits", ()) or ()))
            commit = head(docs_dir)
        except Exception:  # not a git checkout, or the plugin changed: leave it alone
            return False
        if not commit:
            return False
        util.get_git_commit_timestamp = self._wrap(ask, (commit, options))
        tag = getattr(util, "get_tag_name_for_commit", None)
        if callable(tag):
            util.get_tag_name_for_commit = self._wrap_tag(tag, (commit, options))
        return True

    def _wrap_tag(self, ask: Callable[[str], str], context: tuple) -> Callable[[str], str]:
        def get_tag_name_for_commit(commit_hash: str) -> str:
            key = ("tag", commit_hash, *context)
            if key not in self.kept:
                self.asked += 1
                self.kept[key] = ask(commit_hash)
            return self.kept[key]

        return get_tag_name_for_commit

    def _wrap(self, ask: Callable[..., tuple[str, Any]], context: tuple) -> Callable[..., tuple[str, Any]]:
        def get_git_commit_timestamp(path: str, is_first_commit: bool = False) -> tuple[str, Any]:
            key = (os.path.realpath(path), bool(is_first_commit), *context)
            if key in self.kept:
                return self.kept[key]
            self.asked += 1
            answer = ask(path=path, is_first_commit=is_first_commit)
            if isinstance(answer, tuple) and len(answer) == 2 and answer[0]:  # a commit git knows
                self.kept[key] = answer
            return answer

        return get_git_commit_timestamp


GIT_DATES = GitDates()
