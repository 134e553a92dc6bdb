"""The guard's per-page results, kept between runs, so that a run re-checks only
the pages that changed (`mkdocs serve` rebuilds, the standalone check).

A page's result is reused only when everything it was computed from is the same:
its key is a hash of

- the page's bytes, its path and its place in the site (language, page name);
- the guard's own code and data: every file of the `helpcenter` package (rules,
  catalogue, data lists), read once per process, i.e. the code that is running;
- the installed distributions and their versions (pyromark, Python-Markdown,
  pymdown-extensions, tldextract's bundled suffix list …): the names of every
  `*.dist-info` folder on `sys.path`;
- the settings the rules read: the bytes of mkdocs.yml (the contact registry, the
  link policy, the Markdown extensions) and the settings as loaded (`!ENV` values);
- today's date in the project's time zone (date rules: `verified`, `checked`);
- the mode: the build's source rules, or the standalone check, which also renders.

A page holding the `<!-- faq-list -->` marker is rendered with the list of its
folder's FAQs, so the names and bytes of every Markdown file in its folder are
part of its key. Rules over the whole site (parity, links
between pages and their anchors, the registry itself) always run again, from the
cached per-page results.

The cache lives in `.cache/helpcenter/` next to mkdocs.yml (gitignored), one file
per mode, rewritten with only the entries of the last run. A file that cannot be
read (corrupt, truncated, from another version) is ignored and replaced; a folder
that cannot be written only costs speed. `HELPCENTER_CACHE=0` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .project import today_in_zone

if TYPE_CHECKING:
    from .project import Settings
    from .runner import PageResult

ENV = "HELPCENTER_CACHE"
FOLDER = Path(".cache", "helpcenter")
FORMAT = 1  # bump when the file's layout changes
_MARKER = b"faq-list"  # helpcenter.guard.faq_index.MARKER, loosely
_PACKAGE = Path(__file__).resolve().parents[1]  # helpcenter/


def enabled() -> bool:
    return os.environ.get(ENV, "1").strip() != "0"


@lru_cache(maxsize=1)
def code_version() -> str:
    """The guard's code and data as they were when this process imported them, and
    the installed distributions' versions."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    dists = set()
    for entry in sys.path:
        try:
            dists.update(name for name in os.listdir(entry or ".") if name.endswith(".dist-info"))
        except OSError:
            continue
    digest.update("\n".join(sorted(dists)).encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def settings_version(settings: Settings, mode: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    try:
        digest.update(settings.config_file.read_bytes())
    except OSError:
        digest.update(b"<no config>")
    fields = (
        settings.root,
        settings.docs_dir,
        settings.languages,
        settings.policy,
        settings.contact_page,
        settings.faq_dir,
        settings.min_steps,
        sorted(settings.category_ids),
        settings.markdown_extensions,
        settings.raw_contacts,
        settings.findings,
    )
    digest.update(repr(fields).encode())
    digest.update(f"{today_in_zone().isoformat()}\0{mode}\0{FORMAT}\0{code_version()}".encode())
    return digest.hexdigest()


class PageCache:
    """The per-page results of one mode ("build" or "check") for one project."""

    def __init__(self, settings: Settings, mode: str) -> None:
        self.file = settings.root / FOLDER / f"pages-{mode}.pickle"
        self.version = settings_version(settings, mode)
        self.old: dict[str, Any] = self._load()
        self.new: dict[str, PageResult] = {}
        self.hits = 0
        self.misses = 0
        self._folders: dict[Path, str | None] = {}

    @classmethod
    def open(cls, settings: Settings, mode: str) -> PageCache | None:
        return cls(settings, mode) if enabled() else None

    def _load(self) -> dict[str, Any]:
        try:
            with open(self.file, "rb") as handle:
                data = pickle.load(handle)
        except Exception:  # missing, corrupt, truncated, or from other code: start afresh
            return {}
        if not isinstance(data, dict) or data.get("version") != self.version or not isinstance(data.get("entries"), dict):
            return {}
        return data["entries"]

    def key(self, path: Path, rel: str, lang: str, page: str) -> str | None:
        """The page's key, or None when it must be checked afresh (unreadable, or it
        lists other pages)."""
        try:
            content = Path(path).read_bytes()
        except OSError:
            return None
        digest = hashlib.blake2b(digest_size=20)
        digest.update(f"{path}\0{rel}\0{lang}\0{page}\0".encode())
        digest.update(content)
        if _MARKER in content:  # it lists its folder's FAQs: their files are part of it
            folder = self._folder(Path(path).parent)
            if folder is None:
                return None
            digest.update(b"\0folder\0" + folder.encode())
        return digest.hexdigest()

    def _folder(self, folder: Path) -> str | None:
        """A hash of the names and bytes of every Markdown file in `folder`."""
        if folder not in self._folders:
            digest = hashlib.blake2b(digest_size=20)
            try:
                for name in sorted(os.listdir(folder)):
                    if name.lower().endswith(".md"):
                        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
                        try:
                            digest.update(hashlib.blake2b(Path(folder, name).read_bytes(), digest_size=20).digest())
                        except OSError:  # a folder named x.md, a dangling link
                            digest.update(b"<unreadable>")
                self._folders[folder] = digest.hexdigest()
            except OSError:
                self._folders[folder] = None
        return self._folders[folder]

    def get(self, key: str | None) -> PageResult | None:
        from .runner import PageResult

        if key is None:
            return None
        result = self.old.get(key)
        if isinstance(result, PageResult):
            self.hits += 1
            self.new[key] = result
            return result
        self.misses += 1
        return None

    def put(self, key: str | None, result: PageResult) -> None:
        if key is not None:
            self.new[key] = result

    def save(self) -> None:
        """Keep this run's entries only; written whole and then renamed, so a reader
        never sees half a file."""
        if self.new.keys() == self.old.keys() and self.misses == 0:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.file.parent, prefix=self.file.name, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    pickle.dump({"version": self.version, "entries": self.new}, out, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(name, self.file)
            except BaseException:
                Path(name).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError):
            pass  # a read-only checkout: only speed is lost
