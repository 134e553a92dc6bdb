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

import contextlib
import logging
import os
import shutil
import tempfile
import threading
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


# -- the file watcher -------------------------------------------------------------

_CHANGES = frozenset({"created", "modified", "deleted", "moved"})


def native_watcher(server: Any) -> bool:
    """Let MkDocs' live-reload server hear saves from the operating system
    (inotify on Linux) instead of its `PollingObserver`, which looks every 0.5 s
    (0.1 – 0.6 s before a rebuild even starts). Call from `on_serve`, before the
    server starts its observer. Each watched folder is watched recursively, as
    MkDocs does; a watched file (mkdocs.yml) through its folder, so an editor that
    saves by replacing the file is still heard. A change asks for a rebuild exactly
    as MkDocs' own callback does. False, and MkDocs' polling stays, when the server
    is not shaped as expected or the system cannot watch a path."""
    import watchdog.events
    import watchdog.observers
    import watchdog.observers.polling

    old = getattr(server, "observer", None)
    paths = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    cond = getattr(server, "_rebuild_cond", None)
    if (
        not isinstance(old, watchdog.observers.polling.PollingObserver)
        or not isinstance(paths, dict)
        or not isinstance(refs, dict)
        or cond is None
        or old.is_alive()
        or watchdog.observers.Observer is watchdog.observers.polling.PollingObserver
    ):
        return False

    def handler(only: str | None) -> watchdog.events.FileSystemEventHandler:
        def callback(event: watchdog.events.FileSystemEvent) -> None:
            # inotify also reports files opened and closed without writing: the build
            # itself reads docs/, so only a change may ask for a rebuild.
            if event.is_directory or event.event_type not in _CHANGES:
                return
            if only is not None and only not in (os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")):
                return
            with server._rebuild_cond:
                server._want_rebuild = True
                server._rebuild_cond.notify_all()

        watcher = watchdog.events.FileSystemEventHandler()
        watcher.on_any_event = callback  # type: ignore[method-assign]
        return watcher

    new = watchdog.observers.Observer()
    watches = {}
    try:
        for path in paths:
            if os.path.isdir(path):
                watches[path] = new.schedule(handler(None), path, recursive=True)
            else:
                watches[path] = new.schedule(handler(path), os.path.dirname(path) or ".", recursive=False)
    except Exception as error:  # noqa: BLE001 (any failure: keep polling)
        log.info(f"live preview: keeping MkDocs' polling watcher ({error})")
        return False
    old.unschedule_all()
    refs.update(watches)
    server.observer = new
    return True


# -- the theme's files --------------------------------------------------------------


class ThemeFiles:
    """MkDocs lists every file of the theme on every build to find its static
    files: Material's folder holds about 14,500 files (mostly icons), matched
    against ten patterns, twice per rebuild (both languages). A folder of an
    installed package does not change while we serve, so its filtered listing is
    kept for the process; the project's own folders (overrides/) are listed anew
    every time, so an added or removed asset is seen."""

    def __init__(self) -> None:
        self.kept: dict[tuple, list[str]] = {}
        self.listed = 0  # folders walked (for tests)

    @staticmethod
    def _installed(folder: str) -> bool:
        import site
        import sysconfig

        roots = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
        real = os.path.realpath(folder)
        return any(real.startswith(os.path.realpath(root) + os.sep) for root in roots if root)

    def _list(self, folder: str, keep: Callable[[str], bool]) -> list[str]:
        self.listed += 1
        found = []
        for dirpath, _, filenames in os.walk(folder):
            for filename in filenames:
                name = os.path.join(dirpath, filename)[len(folder) :].strip(os.sep).replace(os.sep, "/")
                if keep(name):
                    found.append(name)
        return found

    def names(self, folder: str, keep: Callable[[str], bool], patterns: tuple) -> list[str]:
        if not self._installed(folder):
            return self._list(folder, keep)
        key = (os.path.realpath(folder), patterns)
        if key not in self.kept:
            self.kept[key] = self._list(folder, keep)
        return self.kept[key]

    def add(self, files: Any, env: Any, config: Any) -> None:
        """What `Files.add_files_from_theme` does, with installed folders' listings kept."""
        import fnmatch

        from mkdocs import utils
        from mkdocs.structure.files import File

        patterns = (
            ".*",
            "*/.*",
            "*.py",
            "*.pyc",
            "*.html",
            "*readme*",
            "mkdocs_theme.yml",
            "locales/*",
            *(f"*{x}" for x in utils.markdown_extensions),
            *config.theme.static_templates,
        )

        def keep(name: str) -> bool:
            lowered = name.lower()
            return not any(fnmatch.fnmatch(lowered, pattern) for pattern in patterns)

        owner: dict[str, str] = {}
        for folder in config.theme.dirs:  # the first theme folder holding a path wins
            for name in self.names(folder, keep, patterns):
                owner.setdefault(name, folder)
        for name in sorted(owner):
            if files.get_file_from_path(name) is None:  # docs_dir files win over the theme's
                files.append(File(name, owner[name], config.site_dir, config.use_directory_urls))


THEME_FILES = ThemeFiles()


def keep_theme_listing() -> bool:
    """Under `mkdocs serve`: MkDocs' `Files.add_files_from_theme` uses THEME_FILES."""
    from mkdocs.structure.files import Files

    if getattr(Files.add_files_from_theme, "_helpcenter", False):
        return False

    def add_files_from_theme(self: Any, env: Any, config: Any) -> None:
        THEME_FILES.add(self, env, config)

    add_files_from_theme._helpcenter = True  # type: ignore[attr-defined]
    Files.add_files_from_theme = add_files_from_theme  # type: ignore[method-assign]
    return True


# -- Chinese segmentation for the search index ----------------------------------------


class Segments:
    """Material's search plugin segments the Chinese text of every page with jieba
    on every rebuild. The same text with the same dictionaries segments the same,
    so each answer is kept, keyed by the text and the dictionaries' paths and
    modification times."""

    def __init__(self) -> None:
        self.kept: dict[tuple, str] = {}
        self.asked = 0

    @staticmethod
    def _dictionaries(index: Any) -> tuple:
        config = getattr(index, "config", None) or {}
        out = []
        for key in ("jieba_dict", "jieba_dict_user"):
            path = config.get(key) if hasattr(config, "get") else None
            try:
                out.append((key, path, os.stat(path).st_mtime_ns if path else None))
            except OSError:
                out.append((key, path, None))
        return tuple(out)

    def wrap(self, segment: Callable[[Any, str], str]) -> Callable[[Any, str], str]:
        def _segment_chinese(index: Any, data: str) -> str:
            key = (data, self._dictionaries(index))
            if key not in self.kept:
                self.asked += 1
                self.kept[key] = segment(index, data)
            return self.kept[key]

        _segment_chinese._helpcenter = True  # type: ignore[attr-defined]
        return _segment_chinese


SEGMENTS = Segments()


def keep_segments() -> bool:
    """Under `mkdocs serve`: Material's search index reuses SEGMENTS."""
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:
        return False
    segment = getattr(SearchIndex, "_segment_chinese", None)
    if not callable(segment) or getattr(segment, "_helpcenter", False):
        return False
    SearchIndex._segment_chinese = SEGMENTS.wrap(segment)  # type: ignore[method-assign]
    return True


# -- cleaning the served folder ---------------------------------------------------------


def quick_clean(directory: str) -> threading.Thread | None:
    """MkDocs' `clean_directory` (every entry but hidden ones goes), with the old
    entries moved aside at once (a rename each) and deleted by a thread while the
    rebuild goes on: deleting a few hundred files one by one took a quarter of a
    serve rebuild of the shipped site. Returns that thread (None when nothing was
    moved); whatever cannot be moved is deleted in place, as MkDocs does."""
    if not os.path.isdir(directory):
        return None
    entries = [entry for entry in os.listdir(directory) if not entry.startswith(".")]
    if not entries:
        return None
    try:
        trash = tempfile.mkdtemp(prefix=".helpcenter-old-site-", dir=os.path.dirname(os.path.abspath(directory)))
    except OSError:
        trash = None
    for entry in entries:
        path = os.path.join(directory, entry)
        try:
            if trash is None:
                raise OSError("no folder to move into")
            os.rename(path, os.path.join(trash, entry))
        except OSError:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(path)
    if trash is None:
        return None
    thread = threading.Thread(target=shutil.rmtree, args=(trash, True), name="helpcenter-clean")
    thread.start()
    return thread


def keep_cleaning_quick() -> bool:
    """Under `mkdocs serve`: MkDocs cleans the served folder with quick_clean."""
    from mkdocs import utils

    if getattr(utils.clean_directory, "_helpcenter", False) or getattr(utils.clean_directory, "__module__", "") != "mkdocs.utils":
        return False  # ours already, or someone else's for the moment (a nested language build)

    def clean_directory(directory: str) -> None:
        quick_clean(directory)

    clean_directory._helpcenter = True  # type: ignore[attr-defined]
    utils.clean_directory = clean_directory
    return True
