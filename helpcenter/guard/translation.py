"""Translation status: which version of its twin each page was last brought in line with.

Every page has a twin in each other language (docs/zh/X.md and docs/en/X.md). A
page records, in its front matter, the fingerprint of each twin as it was when the
two last said the same thing:

    in_sync_with:  # helpcenter-translations --mark writes this
      en: 3f2a9c1e5b7d

A fingerprint (`fingerprint`) covers what readers read: the title, the description
and the text below the front matter (the steps, the short answer, everything), with
the numbers of numbered lists and trailing spaces ignored, so renumbering steps
(`helpcenter-check --fix`) is not a change. Other front matter (sources, keywords,
this record) is left out. When a twin's fingerprint is no longer the recorded one,
the twin changed since: this page may be out of date. The check reports it as
`translation-outdated`, a warning (an urgent fix in one language still merges),
the PR workflow lists it under "translation needed", and the page shows readers a
notice linking to the twin (hooks/reader.py). `helpcenter-translations --mark PAGE`
records that PAGE and its twins say the same again (the records on both sides).

A page written from its twin, still waiting for its translation, says so:

    translate_from: zh

Its steps are placeholders, so it is left out of the step-count comparison
(parity.py); it has no record yet; `helpcenter-check-drafts` refuses it, so it is
never published; `--mark` removes the line once the translation is done.

A page with no record yet (a new FAQ) is "not tracked": the check says nothing,
`helpcenter-translations` lists it, `--mark` starts tracking it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .catalogue import finding
from .findings import Finding

KEY = "in_sync_with"
PENDING = "translate_from"
KEY_COMMENT = "# helpcenter-translations --mark writes this"

_NUMBERED = re.compile(r"^(\s*(?:>\s*)*)\d{1,9}([.)])(?=\s|$)")
_BLANKS = re.compile(r"\n{3,}")


def fingerprint(meta: Mapping[str, Any] | None, body: str) -> str:
    """12 hex digits that change when what a reader reads changes."""
    meta = meta if isinstance(meta, Mapping) else {}
    lines = (_NUMBERED.sub(r"\1#\2", line.rstrip()) for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    text = _BLANKS.sub("\n\n", "\n".join(lines)).strip()
    head = "\n".join(str(meta.get(key) or "").strip() for key in ("title", "description"))
    return hashlib.sha256(f"{head}\n\0\n{text}".encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Record:
    """One page's side of its translation status (small and picklable)."""

    fingerprint: str
    synced: tuple[tuple[str, str], ...] = ()  # (twin's language, twin's fingerprint when last in line)
    pending: str | None = None  # `translate_from`: the language it is being translated from
    line: int = 1  # where the record is written (or would be)
    problem: str = ""  # "", "record" or "pending": a value that cannot be read

    def recorded(self, lang: str) -> str | None:
        return dict(self.synced).get(lang)


def key_line(head: Iterable[str], key: str) -> int | None:
    """The 1-based line of a top-level `key:` in the front matter's lines (file lines,
    from 1), else of the first line naming it (a flow mapping `{key: …}`)."""
    head = list(head)
    for number, line in enumerate(head, 1):
        if line.startswith(f"{key}:"):
            return number
    return next((number for number, line in enumerate(head, 1) if f"{key}:" in line), None)


def make_record(meta: Mapping[str, Any] | None, body: str, head: list[str], lang: str, languages: Iterable[str]) -> Record:
    """The record of a page: `head` are the file's lines up to the end of its front
    matter (for line numbers), `languages` the site's."""
    meta = meta if isinstance(meta, Mapping) else {}
    digest = fingerprint(meta, body)
    others = {other for other in languages if other and other != lang}
    line = key_line(head, KEY) or key_line(head, PENDING) or 1
    problem = ""
    synced: list[tuple[str, str]] = []
    raw = meta.get(KEY)
    if raw is not None:
        if isinstance(raw, Mapping) and all(str(k) in others and isinstance(v, (str, int)) and str(v).strip() for k, v in raw.items()):
            synced = sorted((str(k), str(v).strip()) for k, v in raw.items())
        else:
            problem = "record"
    pending = meta.get(PENDING)
    if pending is not None:
        if str(pending) not in others:
            line = key_line(head, PENDING) or line
            problem = problem or "pending"
            pending = None
        else:
            pending = str(pending)
    return Record(digest, tuple(synced), pending, line, problem)


@dataclass(frozen=True)
class Entry:
    """A page of one language, with its record."""

    lang: str
    page: str
    rel: str
    record: Record


State = Literal["outdated", "untracked", "pending"]


@dataclass(frozen=True)
class Status:
    """One page's relation to one twin."""

    entry: Entry
    state: State
    twin: Entry


Site = Mapping[str, Mapping[str, Entry]]  # language -> page -> entry


def statuses(site: Site) -> list[Status]:
    """Every page's status towards each twin: outdated (the twin changed since),
    pending (being translated from the twin), untracked (no record). Pages in line
    with their twin are left out."""
    out: list[Status] = []
    languages = list(site)
    for page in sorted({page for pages in site.values() for page in pages}):
        present = [site[lang][page] for lang in languages if page in site[lang]]
        for entry in present:
            for twin in present:
                if twin is entry:
                    continue
                if entry.record.pending is not None:
                    if entry.record.pending == twin.lang:
                        out.append(Status(entry, "pending", twin))
                    continue
                if twin.record.pending is not None:
                    continue  # the twin is a placeholder until its translation is done
                recorded = entry.record.recorded(twin.lang)
                if recorded is None:
                    out.append(Status(entry, "untracked", twin))
                elif recorded != twin.record.fingerprint:
                    out.append(Status(entry, "outdated", twin))
    return out


def pending_pages(site: Site) -> set[tuple[str, str]]:
    """(language, page) of every page still being translated."""
    return {(lang, page) for lang, pages in site.items() for page, entry in pages.items() if entry.record.pending}


def check_translations(site: Site, command: str = "helpcenter-translations") -> list[Finding]:
    """`translation-outdated` for every page whose twin changed since they were in
    line; `translation-record` for a record that cannot be read."""
    out: list[Finding] = []
    for pages in site.values():
        for entry in pages.values():
            if entry.record.problem:
                out.append(
                    finding(
                        "translation-record",
                        entry.rel,
                        entry.record.line,
                        entry.record.problem,
                        key=KEY if entry.record.problem == "record" else PENDING,
                        command=f"{command} --mark {entry.rel}",
                    )
                )
    for status in statuses(site):
        if status.state == "outdated":
            out.append(
                finding(
                    "translation-outdated",
                    status.entry.rel,
                    status.entry.record.line,
                    twin_lang=status.twin.lang,
                    twin=status.twin.rel,
                    command=f"{command} --mark {status.entry.rel}",
                )
            )
    return out


def scan(settings) -> dict[str, dict[str, Entry]]:
    """Every page's record, read from the files (no rendering): for the command and
    the reader's notice."""
    from .markdown import read_source, split_front_matter
    from .runner import discover  # runner imports this module

    pages_by_lang, _ = discover(settings)
    site: dict[str, dict[str, Entry]] = {}
    for lang, pages in pages_by_lang.items():
        site[lang] = {}
        for page, path in pages.items():
            try:
                text = read_source(path)
            except (OSError, UnicodeDecodeError):
                continue  # the guard reports it
            meta, error, body, offset = split_front_matter(text)
            head = text.split("\n")[:offset]
            site[lang][page] = Entry(lang, page, settings.rel(path), make_record(meta, body, head, lang, settings.languages))
    return site


def twin_path(settings, path: Path, lang: str) -> Path:
    """The file of `path`'s twin in `lang`."""
    inside = path.resolve().relative_to(settings.docs_dir.resolve())
    return settings.docs_dir / lang / Path(*inside.parts[1:])
