"""The standalone check: the same rules as the build, in well under a second.

    python scripts/check.py [--config mkdocs.yml] [--github] [--online]

Exits 1 when there are problems. `--github` prints `::error file=…,line=…::`
annotations for pull requests. `--online` also checks that registry URLs answer
(needs network; never used in CI).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .runner import check_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check", description="Check the help center's articles without building the site.")
    parser.add_argument("--config", "-f", type=Path, default=Path("mkdocs.yml"), help="path to mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("--github", action="store_true", help="print GitHub Actions annotations")
    parser.add_argument("--online", action="store_true", help="also check that registry URLs answer (network)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per URL with --online")
    args = parser.parse_args(argv)
    if not args.config.is_file():
        print(f"check: {args.config} not found; run from the project root or pass --config.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    report = check_config(args.config, render=True)
    findings = list(report.findings)
    if args.online and report.checker is not None:
        from .online import check_urls

        urls = [(c.url, c.line) for c in report.checker.registry.contacts if c.url and c.url.startswith("http")]
        findings += check_urls(urls, str(args.config), timeout=args.timeout)
    for finding in findings:
        print(finding.github() if args.github else finding.text())
    elapsed = time.perf_counter() - started
    files = len(report.pages)
    verdict = f"{len(findings)} problem(s)" if findings else "no problems"
    print(f"check: {verdict} in {files} file(s), {elapsed:.2f}s", file=sys.stderr)
    return 1 if findings else 0
