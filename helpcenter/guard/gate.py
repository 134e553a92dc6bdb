"""The strict-build gate: `mkdocs build --strict`, every warning named at file:line.

    helpcenter-build-check [--config mkdocs.yml] [--site DIR] [--github] [--record FILE]
    (scripts/build_check.sh runs it; pre-commit and the pull-request workflow too)

It builds in this process, exactly as `mkdocs build --strict` does, and collects
every warning and error the build logs instead of letting `--quiet` hide them. The
guard's findings arrive as they are (`file:line: [code] …`). MkDocs' own warnings
name no line (a broken link or anchor, a page missing from the nav): each is placed
at the first line of the file that names what it is about, with a code of its own,
so a writer and a pull-request annotation see where to look. Exit 1 on any
warning; the built site is kept only with `--site`.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import tempfile
import time
from pathlib import Path

from .catalogue import Sayings, Text, finding
from .cli import config_arg, config_missing
from .findings import Finding, save_records
from .html import lines_naming
from .project import Settings, load_settings

_DOC_LINK = re.compile(r"Doc file '(?P<doc>[^']+)' contains (?:a link|an absolute link|an unrecognized relative link) '(?P<url>[^']+)'")
_NAV_MISSING = re.compile(r"A reference to '(?P<doc>[^']+)' is included in the 'nav' configuration")
_NOT_IN_NAV = re.compile(r"^\s+- (?P<doc>\S+)$", re.M)
SUMMARY = re.compile(r"^guard: \d+ problem")

SAY = Sayings(
    {
        "no-config": Text(
            "build_check: {config} not found; run from the project root or pass --config.",
            "build_check：找不到 {config}；请在项目根目录运行，或用 --config 指定。",
        ),
        "unreadable": Text(
            "build_check: MkDocs cannot read {config}: {count} problem(s)", "build_check：MkDocs 无法读取 {config}：{count} 个问题"
        ),
        "passed": Text(
            "build_check: strict build of every language passed, {seconds:.1f}s",
            "build_check：所有语言的严格模式构建都已通过，用时 {seconds:.1f} 秒",
        ),
        "failed": Text(
            "build_check: strict build failed: {count} problem(s), {seconds:.1f}s",
            "build_check：严格模式构建失败：{count} 个问题，用时 {seconds:.1f} 秒",
        ),
    }
)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _doc_line(settings: Settings, doc: str, needle: str) -> tuple[str, int]:
    path = settings.docs_dir / doc
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return settings.rel(path), 1
    found = lines_naming(text, f"]({needle}") or lines_naming(text, needle)
    return settings.rel(path), (found[0] + 1 if found else 1)


def locate(message: str, settings: Settings) -> list[Finding]:
    """One of MkDocs' own log messages as located findings."""
    if SUMMARY.match(message):
        return []
    if match := _DOC_LINK.search(message):
        path, line = _doc_line(settings, match["doc"], match["url"])
        if "anchor" in message:
            code = "broken-anchor"
        elif "absolute link" in message:
            code = "absolute-link"
        elif "unrecognized relative link" in message:
            code = "unrecognized-link"
        else:
            code = "broken-link"
        return [finding(code, path, line, "mkdocs", message=message)]
    config = settings.config_rel
    if match := _NAV_MISSING.search(message):
        lines = lines_naming(settings.config_file.read_text(encoding="utf-8"), match["doc"])
        return [finding("nav-missing-page", config, (lines[0] + 1) if lines else 1, message=message)]
    if 'not included in the "nav" configuration' in message:
        return [finding("not-in-nav", settings.rel(settings.docs_dir / m["doc"]), 1) for m in _NOT_IN_NAV.finditer(message)]
    first = message.strip().splitlines()[0] if message.strip() else message
    return [finding("build-warning", config, 1, message=first)]


def dedupe(findings) -> list[Finding]:
    """One finding per (file, line, code): where the guard and MkDocs both report a
    broken link, the guard's words stay."""
    kept: dict[tuple[str, int, str], Finding] = {}
    for found in findings:
        key = (found.path, found.line, found.code)
        if key not in kept or kept[key].case == "mkdocs":
            kept[key] = found
    return sorted(kept.values())


class ConfigUnreadable(Exception):
    """MkDocs could not even read mkdocs.yml (the guard's own reading says why, at its line)."""


def run_build(config_file: Path, site_dir: Path) -> tuple[bool, list[logging.LogRecord]]:
    """`mkdocs build --strict` in this process: (passed, every warning/error record)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    passed = True
    try:
        try:
            config = load_config(config_file=str(config_file), strict=True, site_dir=str(site_dir))
        except (ValueError, TypeError, OSError) as error:  # PyYAML on `verified: 2026-13-40`, before any hook runs
            raise ConfigUnreadable(str(error)) from error
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as error:  # Abort ("Aborted with N warnings"), config errors
        passed = False
        if str(error) and not str(error).startswith("Aborted with"):
            handler.records.append(logging.makeLogRecord({"msg": str(error), "levelno": logging.ERROR}))
    finally:
        logger.removeHandler(handler)
    return passed and not handler.records, handler.records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_check", description="Strict build of every language; every warning at file:line.")
    config_arg(parser)
    parser.add_argument("--site", type=Path, help="keep the built site here (default: a temporary folder, deleted)")
    parser.add_argument("--github", action="store_true", help="print GitHub Actions annotations")
    parser.add_argument("--lang", choices=("zh", "en"), help="print every message in one language (default: each file's)")
    parser.add_argument(
        "--record", type=Path, metavar="FILE", help="also save the findings as JSON for the job summary (helpcenter-summary)"
    )
    args = parser.parse_args(argv)
    if config_missing(args, SAY):
        return 2
    settings = load_settings(args.config)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        try:
            passed, records = run_build(args.config.resolve(), (args.site or Path(scratch)).resolve())
        except ConfigUnreadable as error:
            found = list(settings.findings) or [
                finding("build-warning", settings.config_rel, 1, message=f"mkdocs.yml cannot be read: {error}")
            ]
            for item in found:
                print(item.github(args.lang) if args.github else item.text(args.lang))
            if args.record:
                save_records(found, args.record)
            print(SAY("unreadable", args.lang or "en", config=settings.config_rel, count=len(found)), file=sys.stderr)
            return 1
    findings = dedupe(
        found for record in records for found in ([record.finding] if hasattr(record, "finding") else locate(record.getMessage(), settings))
    )
    for found in findings:
        print(found.github(args.lang) if args.github else found.text(args.lang))
    if args.record:
        save_records(findings, args.record)
    elapsed = time.perf_counter() - started
    if passed and not findings:
        print(SAY("passed", args.lang or "en", seconds=elapsed), file=sys.stderr)
        return 0
    print(SAY("failed", args.lang or "en", count=len(findings), seconds=elapsed), file=sys.stderr)
    return 1
