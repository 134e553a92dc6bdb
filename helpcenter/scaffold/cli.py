"""The writers' commands (thin wrappers live in scripts/).

    python scripts/new_faq.py ID [--zh 中文标题] [--en "English title"]
    python scripts/check_drafts.py [--github]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpcenter.guard.project import load_settings

from .drafts import find_drafts
from .scaffold import ScaffoldError, create_faq


def _config_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", "-f", type=Path, default=Path("mkdocs.yml"),
                        help="path to mkdocs.yml (default: ./mkdocs.yml)")


def new_faq(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="new_faq",
        description="Create a new FAQ as a draft in every language (docs/<lang>/faq/ID.md). "
                    "It appears in the FAQ list and the nav by itself.",
    )
    parser.add_argument("id", help="the FAQ id: lowercase letters, digits and hyphens, e.g. change-wallet-name")
    parser.add_argument("--zh", metavar="TITLE", help="the question in Chinese (else a TODO placeholder)")
    parser.add_argument("--en", metavar="TITLE", help="the question in English (else a TODO placeholder)")
    _config_arg(parser)
    args = parser.parse_args(argv)
    if not args.config.is_file():
        print(f"new_faq: {args.config} not found; run from the project root or pass --config.", file=sys.stderr)
        return 2
    settings = load_settings(args.config)
    titles = {lang: title for lang, title in (("zh", args.zh), ("en", args.en)) if title is not None}
    try:
        created = create_faq(settings, args.id, titles)
    except ScaffoldError as error:
        print(f"new_faq: {error}", file=sys.stderr)
        return 1
    default = settings.languages[0] if settings.languages else ""
    urls = created.preview_paths(default, settings.faq_dir)
    print(f"Created the draft FAQ '{created.slug}':")
    for path in created.files.values():
        print(f"  {settings.rel(path)}")
    print("\nNext:")
    print("  1. Replace every TODO in both files (same number of steps in every language).")
    print("  2. Preview: .venv/bin/mkdocs serve -a 127.0.0.1:8000, then open")
    for url in urls.values():
        print(f"       http://127.0.0.1:8000{url}")
    print("  3. Check: .venv/bin/python scripts/check.py && .venv/bin/python scripts/check_drafts.py")
    return 0


def check_drafts(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="check_drafts",
        description="Fail while any page still holds the scaffold's TODO placeholders.",
    )
    _config_arg(parser)
    parser.add_argument("--github", action="store_true", help="print GitHub Actions annotations")
    args = parser.parse_args(argv)
    if not args.config.is_file():
        print(f"check_drafts: {args.config} not found; run from the project root or pass --config.", file=sys.stderr)
        return 2
    findings = find_drafts(load_settings(args.config))
    for finding in findings:
        print(finding.github() if args.github else finding.text())
    print(f"check_drafts: {len(findings)} draft page(s)" if findings else "check_drafts: no drafts", file=sys.stderr)
    return 1 if findings else 0


def new_faq_main() -> int:
    return new_faq()


def check_drafts_main() -> int:
    return check_drafts()
