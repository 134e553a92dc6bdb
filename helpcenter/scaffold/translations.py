"""The translation status command (`helpcenter-translations`, `scripts/translations.py`).

    helpcenter-translations                 # every page whose twin changed, is being translated, or is not tracked
    helpcenter-translations --mark PAGE ... # PAGE and its twins say the same now: record it on both sides
    helpcenter-translations --init          # record every page not tracked yet as in line (once, for a new site)
    helpcenter-translations --markdown      # the "translation needed" section of a pull request (job summary)
    helpcenter-translations --github        # outdated pages as ::warning annotations

What the records mean: helpcenter/guard/translation.py. The front matter is edited
line by line, nothing else in the file moves (comments, order, quoting stay), and
the result is read back before it is written: an edit YAML would read differently
is refused, never written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from helpcenter.guard import catalogue
from helpcenter.guard.catalogue import Sayings, Text
from helpcenter.guard.cli import config_arg, config_missing, lang_arg
from helpcenter.guard.project import Settings, load_settings
from helpcenter.guard.translation import KEY, KEY_COMMENT, PENDING, Entry, check_translations, scan, statuses

from .drafts import placeholder_lines
from .scaffold import SaidError

COMMAND = "helpcenter-translations"

SAY = Sayings(
    {
        "no-config": Text(
            "translations: {config} not found; run from the project root or pass --config.",
            "translations：找不到 {config}；请在项目根目录运行，或用 --config 指定。",
        ),
        "pending": Text(
            "{path}:{line}: waiting for its translation from the {twin_lang:language} version ({twin}); when it is done, run `{command}`.",
            "{path}:{line}：还在等待从{twin_lang:language}版本（{twin}）翻译过来；翻译完成后运行 `{command}`。",
        ),
        "untracked": Text(
            "{path}:{line}: not tracked yet against the {twin_lang:language} version ({twin}); once the two say the same, run `{command}`.",
            "{path}:{line}：还没有记录与{twin_lang:language}版本（{twin}）的同步状态；确认两边内容一致后运行 `{command}`。",
        ),
        "summary": Text(
            "translations: {outdated} outdated, {pending} being translated, {untracked} not tracked",
            "translations：{outdated} 个页面可能已过时，{pending} 个正在翻译，{untracked} 个没有记录",
        ),
        "marked": Text(
            "{path}: marked as in line with {twins:list} (recorded in {files} file(s)).",
            "{path}：已记录为与 {twins:list} 同步（改动了 {files} 个文件）。",
        ),
        "initialised": Text(
            "translations: recorded {count} page(s) as in line with their twin.", "translations：已为 {count} 个页面记录同步状态。"
        ),
        "not-a-page": Text("{path} is not a page in a language folder of {docs}.", "{path} 不是 {docs} 语言文件夹中的页面。"),
        "no-twin": Text(
            "{path} has no twin in another language to be in line with.", "{path} 在其他语言中没有对应的页面，无法记录同步状态。"
        ),
        "placeholders": Text(
            "{path} still holds placeholders (lines {lines:list}); finish it first, then mark it.",
            "{path} 仍有占位文字（第 {lines:list} 行）；请先写完，再记录同步状态。",
        ),
        "mark-the-outdated": Text(
            "{path} is the page that changed; its twin {twin} is the one out of date. Bring {twin} in line "
            "with it (or check that it already says the same), then run `{command}`.",
            "{path} 是改动过的页面，过时的是它的对应页面 {twin}。请先按本页更新 {twin}（或确认两边内容已经一致），然后运行 `{command}`。",
        ),
        "unsafe-edit": Text(
            "{path}: the front matter could not be edited safely ({error}); add `{name}` by hand or fix the front matter.",
            "{path}：无法安全地修改前置元数据（{error}）；请手动添加 `{name}`，或先修正前置元数据。",
        ),
    }
)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # as the guard reads front matter (helpcenter.guard.markdown)


def _load(text: str):
    return yaml.load(text, Loader=_Loader)


class MarkError(SaidError):
    """Why a page cannot be marked as in line with its twin."""

    SAYINGS = SAY


# -- editing front matter, line by line ------------------------------------------------


def _split(text: str) -> tuple[list[str], list[str]] | None:
    """(front matter lines without the --- lines, body lines) of "\\n"-text, or None
    when the page has no front matter."""
    match = YAML_RE.match(text)
    if not match:
        return None
    lines = text[: match.end()].split("\n")[:-1]  # the last "" after the closing line
    return lines[1:-1], text[match.end() :].split("\n")


def _without(lines: list[str], key: str) -> tuple[list[str], int]:
    """Front matter lines without the top-level `key` (its line and indented lines
    after it), and where it was (or the end)."""
    out: list[str] = []
    at = None
    skipping = False
    for line in lines:
        if skipping and line[:1] in (" ", "\t") and line.strip():
            continue
        skipping = False
        if line.startswith(f"{key}:") and at is None:
            at, skipping = len(out), True
            continue
        out.append(line)
    return out, (len(out) if at is None else at)


def _block(key: str, mapping: Mapping[str, str]) -> list[str]:
    return [f"{key}:  {KEY_COMMENT}"] + [f"  {lang}: {value}" for lang, value in sorted(mapping.items())]


def edit_front_matter(text: str, set_record: Mapping[str, str] | None, drop_pending: bool) -> str:
    """`text` with `in_sync_with` replaced by `set_record` (None: left as it is) and,
    with `drop_pending`, `translate_from` removed. Raises ValueError when the result
    would read differently from what was meant."""
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    newline = "\r\n" if "\r\n" in body else "\n"
    body = body.replace("\r\n", "\n")
    parts = _split(body)
    if parts is None:
        head: list[str] = []
        rest = body
        old: dict = {}
    else:
        head, tail = parts
        rest = "\n".join(tail)
        old = _load("\n".join(head)) or {}
        if not isinstance(old, dict):
            raise ValueError("the front matter is not a mapping")
    expected = dict(old)
    if drop_pending:
        expected.pop(PENDING, None)
    if set_record is not None:
        expected[KEY] = dict(set_record)
    if "".join(head).lstrip().startswith("{"):
        # a flow mapping (`{title: …, category: …}`) takes no block key after it: written out again
        head = yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000).rstrip("\n").split("\n")
    else:
        if drop_pending:
            head, _ = _without(head, PENDING)
        if set_record is not None:
            head, at = _without(head, KEY)
            head[at:at] = _block(KEY, set_record)
    if not head:
        return text
    new = "---\n" + "\n".join(head) + "\n---\n" + ("" if parts is not None else "\n") + rest
    reread = _split(new)
    meta = _load("\n".join(reread[0])) if reread else None
    if meta != expected or (parts is not None and "\n".join(reread[1]) != rest):
        raise ValueError("the edited front matter would read differently")
    new = new.replace("\n", newline)
    return ("\ufeff" if bom else "") + new


# -- the operations -------------------------------------------------------------------


@dataclass(frozen=True)
class Marked:
    page: Entry
    twins: tuple[Entry, ...]
    files: tuple[Path, ...]


def _entry_for(settings: Settings, site: Mapping[str, Mapping[str, Entry]], given: Path) -> Entry:
    candidates = [given, settings.root / given] if not given.is_absolute() else [given]
    docs = settings.docs_dir.resolve()
    for candidate in candidates:
        try:
            inside = candidate.resolve().relative_to(docs)
        except ValueError:
            continue
        if len(inside.parts) > 1 and inside.parts[0] in site:
            entry = site[inside.parts[0]].get(Path(*inside.parts[1:]).as_posix())
            if entry is not None:
                return entry
    raise MarkError("not-a-page", path=str(given), docs=settings.rel(settings.docs_dir))


def _path(settings: Settings, entry: Entry) -> Path:
    return settings.docs_dir / entry.lang / entry.page if entry.lang else settings.docs_dir / entry.page


def _write(settings: Settings, entry: Entry, record: Mapping[str, str] | None, drop_pending: bool) -> Path | None:
    path = _path(settings, entry)
    raw = path.read_bytes().decode("utf-8")
    try:
        new = edit_front_matter(raw, record, drop_pending)
    except (ValueError, yaml.YAMLError) as error:
        raise MarkError("unsafe-edit", path=entry.rel, error=str(error).replace("\n", " "), name=KEY) from error
    if new == raw:
        return None
    path.write_bytes(new.encode("utf-8"))
    return path


def _merged(entry: Entry, updates: Mapping[str, str]) -> dict[str, str]:
    return {**dict(entry.record.synced), **updates}


def mark(settings: Settings, given: Path) -> Marked:
    """Record that the page `given` and each of its twins say the same now."""
    site = scan(settings)
    entry = _entry_for(settings, site, given)
    twins = tuple(
        pages[entry.page]
        for lang, pages in site.items()
        if lang != entry.lang and entry.page in pages and pages[entry.page].record.pending is None
    )
    if not twins:
        raise MarkError("no-twin", path=entry.rel)
    for item in (entry, *twins):
        lines = placeholder_lines(_path(settings, item).read_text(encoding="utf-8-sig"))
        if lines:
            raise MarkError("placeholders", path=item.rel, lines=tuple(lines))
    # Marking the page that changed would silently clear its untranslated twin's
    # "outdated" state: the writer names the outdated page itself, the one they checked.
    state = {(s.entry.lang, s.twin.lang): s.state for s in statuses(site) if s.entry.page == entry.page}
    for twin in twins:
        if state.get((twin.lang, entry.lang)) == "outdated" and state.get((entry.lang, twin.lang)) != "outdated":
            raise MarkError("mark-the-outdated", path=entry.rel, twin=twin.rel, command=_mark_command(twin))
    plans = [(entry, _merged(entry, {t.lang: t.record.fingerprint for t in twins}), True)]
    plans += [(t, _merged(t, {entry.lang: entry.record.fingerprint}), False) for t in twins]
    # edit every file in memory first: nothing is written unless every edit is safe
    for item, record, drop in plans:
        try:
            edit_front_matter(_path(settings, item).read_bytes().decode("utf-8"), record, drop)
        except (ValueError, yaml.YAMLError) as error:
            raise MarkError("unsafe-edit", path=item.rel, error=str(error).replace("\n", " "), name=KEY) from error
    written = [path for item, record, drop in plans if (path := _write(settings, item, record, drop)) is not None]
    return Marked(entry, twins, tuple(written))


def init(settings: Settings) -> list[Path]:
    """Start tracking every page not tracked yet (its twin taken as in line); records
    already written are kept, so an outdated page stays outdated."""
    site = scan(settings)
    updates: dict[tuple[str, str], dict[str, str]] = {}
    for status in statuses(site):
        if status.state == "untracked":
            updates.setdefault((status.entry.lang, status.entry.page), {})[status.twin.lang] = status.twin.record.fingerprint
    return write_records(settings, site, updates)


def write_records(
    settings: Settings, site: Mapping[str, Mapping[str, Entry]], updates: Mapping[tuple[str, str], Mapping[str, str]]
) -> list[Path]:
    """Add `updates` ((lang, page) -> {twin language: twin's fingerprint}) to each page's
    `in_sync_with` record, in page order; the files whose text changed."""
    written = []
    for (lang, page), update in sorted(updates.items()):
        entry = site[lang][page]
        path = _write(settings, entry, _merged(entry, update), False)
        if path is not None:
            written.append(path)
    return written


# -- what the command prints ----------------------------------------------------------


def _mark_command(entry: Entry) -> str:
    return f"{COMMAND} --mark {entry.rel}"


def lines(site, lang: str | None, github: bool) -> list[str]:
    out = [finding.github(lang) if github else finding.text(lang) for finding in check_translations(site, COMMAND)]
    if github:
        return out
    for status in statuses(site):
        if status.state in ("pending", "untracked"):
            out.append(
                SAY(
                    status.state,
                    catalogue.choose(status.entry.rel, lang),
                    path=status.entry.rel,
                    line=status.entry.record.line,
                    twin_lang=status.twin.lang,
                    twin=status.twin.rel,
                    command=_mark_command(status.entry),
                )
            )
    return out


_NEEDS = {
    "outdated": ("update from the {lang} version", "按{lang}版本更新"),
    "pending": ("translation from the {lang} version", "从{lang}版本翻译"),
    "untracked": ("not tracked yet: check against the {lang} version, then `--mark`", "未记录同步状态：与{lang}版本核对后运行 `--mark`"),
}
_WHY = {
    "outdated": ("`{twin}` changed since the two were last in line", "`{twin}` 在上次同步之后有改动"),
    "pending": ("`translate_from` in its front matter", "前置元数据中有 `translate_from`"),
    "untracked": ("no `in_sync_with` record", "没有 `in_sync_with` 记录"),
}


def markdown(site) -> str:
    """The pull request's "translation needed" section (Markdown, both languages)."""
    rows = statuses(site)
    order = {"outdated": 0, "pending": 1, "untracked": 2}
    rows.sort(key=lambda s: (order[s.state], s.entry.rel, s.twin.rel))
    out = ["## Translation needed · 需要翻译", ""]
    if not rows:
        out.append("None: every page is in line with its twin. · 无：每个页面都与另一种语言的版本一致。")
        return "\n".join(out) + "\n"
    out += ["| page · 页面 | needs · 需要 | why · 原因 |", "| --- | --- | --- |"]
    for status in rows:
        names = {code: catalogue._LANGUAGE[code].get(status.twin.lang, status.twin.lang) for code in ("en", "zh")}
        needs = f"{_NEEDS[status.state][0].format(lang=names['en'])} · {_NEEDS[status.state][1].format(lang=names['zh'])}"
        why = f"{_WHY[status.state][0].format(twin=status.twin.rel)} · {_WHY[status.state][1].format(twin=status.twin.rel)}"
        out.append(f"| `{status.entry.rel}` | {needs} | {why} |")
    out += [
        "",
        f"When a page is in line again: `{COMMAND} --mark PAGE` (CONTRIBUTING.md). · "
        f"页面同步之后运行 `{COMMAND} --mark 页面路径`（见 CONTRIBUTING.zh.md）。",
    ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="translations",
        description="Which pages may be out of date with their twin in the other language, and recording that they are in line again.",
    )
    config_arg(parser)
    parser.add_argument(
        "--mark",
        metavar="PAGE",
        type=Path,
        nargs="+",
        help="PAGE now says the same as its twin(s): record it in both (and drop `translate_from`)",
    )
    parser.add_argument("--init", action="store_true", help="record every page not tracked yet as in line with its twin")
    parser.add_argument("--markdown", action="store_true", help="print the pull request's 'translation needed' section")
    parser.add_argument("--github", action="store_true", help="print outdated pages as GitHub Actions ::warning annotations")
    lang_arg(parser)
    args = parser.parse_args(argv)
    tool_lang = args.lang or "en"
    if config_missing(args, SAY):
        return 2
    settings = load_settings(args.config)
    if args.mark or args.init:
        status = 0
        for given in args.mark or ():
            try:
                done = mark(settings, given)
            except MarkError as error:
                print(error.text(catalogue.choose(str(given), args.lang)), file=sys.stderr)
                status = 1
                continue
            print(
                SAY(
                    "marked",
                    catalogue.choose(done.page.rel, args.lang),
                    path=done.page.rel,
                    twins=tuple(t.rel for t in done.twins),
                    files=len(done.files),
                )
            )
        if args.init:
            try:
                written = init(settings)
            except MarkError as error:
                print(error.text(catalogue.choose(str(error.fields.get("path", "")), args.lang)), file=sys.stderr)
                return 1
            print(SAY("initialised", tool_lang, count=len(written)))
        return status
    site = scan(settings)
    if args.markdown:
        print(markdown(site), end="")
        return 0
    for line in lines(site, args.lang, args.github):
        print(line)
    counts = {state: sum(s.state == state for s in statuses(site)) for state in ("outdated", "pending", "untracked")}
    print(SAY("summary", tool_lang, **counts), file=sys.stderr)
    return 0
