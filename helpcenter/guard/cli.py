"""The standalone check: the same rules as the build, in well under a second.

    python scripts/check.py [--config mkdocs.yml] [--github] [--online] [--lang zh|en] [--fix]

Exits 1 when there are problems (findings of severity `error`). `--github` prints
`::error file=…,line=…::` annotations for pull requests. `--online` also checks
that registry URLs answer (needs network; never used in CI). Each finding prints
in its file's language (docs/zh/ in Chinese, everything else in English);
`--lang` prints every finding, and the summary, in one language. `--fix` first
renumbers misnumbered steps in place (`faq-step-numbering` only, helpcenter.guard.fix)
and prints each change, then checks as usual.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .catalogue import LANGS, Sayings, Text, choose
from .runner import check_config

SAY = Sayings(
    {
        "no-config": Text(
            "check: {config} not found; run from the project root or pass --config.",
            "check：找不到 {config}；请在项目根目录运行，或用 --config 指定。",
        ),
        "clean": Text(
            "check: no problems in {files} file(s), {seconds:.2f}s", "check：{files} 个文件，没有发现问题，用时 {seconds:.2f} 秒"
        ),
        "problems": Text(
            "check: {count} problem(s) in {files} file(s), {seconds:.2f}s",
            "check：{files} 个文件，发现 {count} 个问题，用时 {seconds:.2f} 秒",
        ),
        "renumbered": Text("{path}:{line}: step number {old} → {new}", "{path}:{line}：步骤编号 {old} → {new}"),
        "fixed": Text(
            "check --fix: renumbered {count} step(s) in {files} file(s)", "check --fix：在 {files} 个文件中重新编号了 {count} 个步骤"
        ),
        "nothing-to-fix": Text("check --fix: no step numbers to fix", "check --fix：没有需要重新编号的步骤"),
        "warnings": Text(
            "check: no errors, {count} warning(s) in {files} file(s) (they do not fail the check), {seconds:.2f}s",
            "check：{files} 个文件，没有错误，有 {count} 个警告（警告不会让检查失败），用时 {seconds:.2f} 秒",
        ),
    }
)


def lang_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=None,
        help="print every message in this language (default: each file's own; English outside docs/zh/)",
    )


def config_arg(parser: argparse.ArgumentParser) -> None:
    """`--config` / `-f`: the project's mkdocs.yml, ./mkdocs.yml unless given."""
    parser.add_argument("--config", "-f", type=Path, default=Path("mkdocs.yml"), help="path to mkdocs.yml (default: ./mkdocs.yml)")


def config_missing(args: argparse.Namespace, say: Sayings, **fields: object) -> bool:
    """True, after saying `say("no-config", …)` on stderr (in `--lang`, else English),
    when `args.config` names no file: the command then exits 2."""
    if args.config.is_file():
        return False
    print(say("no-config", getattr(args, "lang", None) or "en", config=args.config, **fields), file=sys.stderr)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check", description="Check the help center's articles without building the site.")
    config_arg(parser)
    parser.add_argument("--github", action="store_true", help="print GitHub Actions annotations")
    parser.add_argument("--online", action="store_true", help="also check that registry URLs answer (network)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per URL with --online")
    parser.add_argument(
        "--fix", action="store_true", help="first renumber misnumbered steps in place (faq-step-numbering) and print each change"
    )
    lang_arg(parser)
    args = parser.parse_args(argv)
    tool_lang = args.lang or "en"
    if config_missing(args, SAY):
        return 2
    started = time.perf_counter()
    if args.fix:
        from .fix import fix_site
        from .project import load_settings

        changes = fix_site(load_settings(args.config))
        for change in changes:
            print(SAY("renumbered", choose(change.path, args.lang), path=change.path, line=change.line, old=change.old, new=change.new))
        if changes:
            print(SAY("fixed", tool_lang, count=len(changes), files=len({c.path for c in changes})), file=sys.stderr)
        else:
            print(SAY("nothing-to-fix", tool_lang), file=sys.stderr)
    report = check_config(args.config, render=True)
    findings = list(report.findings)
    if args.online and report.checker is not None:
        from .online import check_urls

        urls = [(c.url, c.line) for c in report.checker.registry.contacts if c.url and c.url.startswith("http")]
        findings += check_urls(urls, str(args.config), timeout=args.timeout)
    for finding in findings:
        print(finding.github(args.lang) if args.github else finding.text(args.lang))
    elapsed = time.perf_counter() - started
    files = len(report.pages)
    if findings and not any(finding.fails for finding in findings):
        print(SAY("warnings", tool_lang, count=len(findings), files=files, seconds=elapsed), file=sys.stderr)
    elif findings:
        print(SAY("problems", tool_lang, count=len(findings), files=files, seconds=elapsed), file=sys.stderr)
    else:
        print(SAY("clean", tool_lang, files=files, seconds=elapsed), file=sys.stderr)
    return 1 if any(finding.fails for finding in findings) else 0
