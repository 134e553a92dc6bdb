"""The pull request's job summary: every finding, and how to open the preview.

    helpcenter-summary [--config mkdocs.yml] [--records FILE ...]
                       [--site-artifact OUTCOME] [--offline-artifact OUTCOME]
    (the pull-request workflow: `... >> "$GITHUB_STEP_SUMMARY"`, in a step that runs
    even when an earlier one failed)

Writes Markdown to stdout:

- the verdict (errors block the merge, warnings such as `translation-outdated` do
  not), in Chinese and English;
- per language, a table of findings (file:line, severity, rule code, message and
  fix) in that language: Chinese for `docs/zh/`, English for `docs/en/`, or "no
  problems"; findings about other files (mkdocs.yml, the built site) in both;
- how to open this run's preview: the artifacts `site-preview` (the hosted site:
  `python3 -m http.server -d site 8000`) and `offline-copy` (open `index.html`
  from disk), or why there is none.

The findings are the standalone check's and the draft check's, computed here (the
same rules as the strict build: tests/test_check_equals_build.py), plus any saved
by `helpcenter-build-check --record FILE` and `helpcenter-verify-site --record
FILE` (MkDocs' own warnings, the published files), one row per (file, line, code).
A record that is missing (its step did not run) or unreadable is named, never a
traceback. At most MAX_ROWS rows per table (GitHub keeps 1 MiB of a step's
summary); the rest are counted, and the step's log has every one. Messages come from the rule catalogue; links in them are made
unclickable, so a look-alike address in a finding cannot be followed from the
summary. Exit 1 when there is an error, as the check does.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from helpcenter.guard import catalogue
from helpcenter.guard.cli import config_arg
from helpcenter.guard.findings import Finding, from_record
from helpcenter.guard.project import load_settings
from helpcenter.guard.runner import check_site

SITE_ARTIFACT = "site-preview"
OFFLINE_ARTIFACT = "offline-copy"

# Words of the tables, per language.
_HEAD = {
    "zh": "| 位置 | 级别 | 规则 | 问题和修改方法 |",
    "en": "| where | severity | rule | problem and fix |",
}
_SEVERITY = {
    "zh": {"error": "❌ 错误", "warning": "⚠️ 警告", "notice": "ℹ️ 提示"},
    "en": {"error": "❌ error", "warning": "⚠️ warning", "notice": "ℹ️ notice"},
}
_SECTION = {"zh": "中文页面（`docs/zh/`）", "en": "English pages (`docs/en/`)"}
_NONE = {"zh": "没有问题。", "en": "No problems."}
# Rows per table: GitHub keeps at most 1 MiB of a step's summary; the log has every finding.
MAX_ROWS = 200
_MORE = {
    "zh": "……还有 {count} 个问题没有列出，完整列表见该步骤的日志。",
    "en": "… and {count} more, not listed here: the step's log has every one.",
    "": "……还有 {count} 个问题没有列出，完整列表见该步骤的日志。 · … and {count} more, not listed here: the step's log has every one.",
}


def _capped(rows: list[str], lang: str) -> list[str]:
    if len(rows) <= MAX_ROWS:
        return rows
    return rows[:MAX_ROWS] + ["", _MORE[lang].format(count=len(rows) - MAX_ROWS)]


_LIVE = re.compile(r"(?i)\b(https?|ftp|javascript|mailto|tel|data|sms)(:)|\b(www)(\.)")


def defang(text: str) -> str:
    """Text whose links GitHub's Markdown will not turn into clickable ones: a
    zero-width space before a scheme's colon and inside `www.` (the text reads the same)."""
    return _LIVE.sub(lambda m: f"{m[1]}\u200b{m[2]}" if m[1] else f"{m[3]}\u200b{m[4]}", text)


def cell(text: str) -> str:
    """Text for one table cell: one line, `|` escaped, no raw HTML, no live link."""
    text = text.replace("\r", " ").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")
    return defang(text).replace("|", "\\|")


def _row(found: Finding, lang: str) -> str:
    message = found.message(lang) + catalogue.FIX_LABEL.format(lang, fix=found.fix(lang))
    return f"| `{cell(found.path)}:{found.line}` | {_SEVERITY[lang][found.severity]} | `{found.code}` | {cell(message)} |"


def _both_row(found: Finding) -> str:
    texts = [cell(found.message(lang) + catalogue.FIX_LABEL.format(lang, fix=found.fix(lang))) for lang in ("zh", "en")]
    severity = f"{_SEVERITY['zh'][found.severity]} · {_SEVERITY['en'][found.severity].split(' ', 1)[1]}"
    return f"| `{cell(found.path)}:{found.line}` | {severity} | `{found.code}` | {texts[0]}<br>{texts[1]} |"


def findings_markdown(findings: Sequence[Finding], languages: Sequence[str] = ("zh", "en"), missing: Sequence[str] = ()) -> str:
    """The findings part of the summary: the verdict, one table per language, other files."""
    errors = sum(f.fails for f in findings)
    warnings = len(findings) - errors
    out = ["## Content check · 内容检查", ""]
    if errors:
        out.append(
            f"**❌ {errors} 个错误、{warnings} 个警告：修正所有错误之后才能合并。 · "
            f"{errors} error(s), {warnings} warning(s): fix every error before this can be merged.**"
        )
    elif warnings:
        out.append(
            f"**✅ 没有错误；{warnings} 个警告（不影响合并，但请看一下）。 · "
            f"No errors; {warnings} warning(s) (they do not block the merge; please read them).**"
        )
    else:
        out.append("**✅ 没有发现问题。 · No problems.**")
    for name in missing:
        out += [
            "",
            f"⚠️ 没有拿到 `{cell(name)}` 中的结果（该步骤没有运行或中途停止，请查看它的日志）。 · "
            f"No findings from `{cell(name)}` (its step did not run or stopped early: see its log).",
        ]
    for lang in [lang for lang in languages if lang in catalogue.LANGS]:
        mine = [f for f in findings if catalogue.lang_of(f.path) == lang]
        out += ["", f"### {_SECTION[lang]}", ""]
        if not mine:
            out.append(_NONE[lang])
            continue
        out += [_HEAD[lang], "| --- | --- | --- | --- |"] + _capped([_row(f, lang) for f in mine], lang)
    others = [f for f in findings if catalogue.lang_of(f.path) not in languages]
    if others:
        out += [
            "",
            "### 其他文件 · Other files",
            "",
            "| 位置 · where | 级别 · severity | 规则 · rule | 问题和修改方法 · problem and fix |",
            "| --- | --- | --- | --- |",
        ] + _capped([_both_row(f) for f in others], "")
    return "\n".join(out) + "\n"


def _run_url() -> str:
    server, repo, run = (os.environ.get(name, "") for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID"))
    return f"{server}/{repo}/actions/runs/{run}" if server and repo and run else ""


def preview_markdown(site: str, offline: str) -> str:
    """How to open this run's preview; `site` and `offline` are the upload steps' outcomes."""
    url = _run_url()
    page_zh = f"[本次运行页面]({url})" if url else "本次运行页面"
    page_en = f"[this run's page]({url})" if url else "this run's page"
    out = ["## Preview · 预览", ""]
    if not site and not offline:  # run by hand, outside the workflow: no upload was tried
        out.append(
            "在本机预览：运行 `.venv/bin/mkdocs serve -a 127.0.0.1:8000`；拉取请求的检查会把构建好的网站附在运行页面上。 · "
            "To preview on this machine: `.venv/bin/mkdocs serve -a 127.0.0.1:8000`; the pull-request checks "
            "attach the built site to their run page."
        )
        return "\n".join(out) + "\n"
    if site != "success" and offline != "success":
        out.append(
            "本次运行没有预览：严格构建没有通过（先修正上面的错误）。 · "
            "No preview for this run: the strict build did not pass (fix the errors above first)."
        )
        return "\n".join(out) + "\n"
    out += [
        f"构建好的网站附在{page_zh}底部的 **Artifacts**（构件）中，保留 7 天，不用克隆仓库，也不用自己构建。 · "
        f"The built site is attached at the bottom of {page_en}, under **Artifacts** (kept 7 days): "
        "no clone and no build needed.",
        "",
    ]
    if offline == "success":
        out += [
            f"- **`{OFFLINE_ARTIFACT}`**（离线版）：下载并解压，用浏览器直接打开其中的 `index.html` 即可，"
            "不需要网络；中英文都能浏览和搜索。 · "
            f"**`{OFFLINE_ARTIFACT}`** (offline copy): download, unzip, open `index.html` in your browser "
            "(from disk, no network); browse and search both languages."
        ]
    if site == "success":
        out += [
            f"- **`{SITE_ARTIFACT}`**（与线上网站相同）：下载后解压到名为 `site` 的文件夹，运行 "
            "`python3 -m http.server -d site 8000`，再打开 http://127.0.0.1:8000/ （中文）和 "
            "http://127.0.0.1:8000/en/ （英文）。 · "
            f"**`{SITE_ARTIFACT}`** (as hosted): download, unzip into a folder named `site`, run "
            "`python3 -m http.server -d site 8000`, then open http://127.0.0.1:8000/ (Chinese) and "
            "http://127.0.0.1:8000/en/ (English)."
        ]
    return "\n".join(out) + "\n"


def read_records(paths: Iterable[Path]) -> tuple[list[Finding], list[str]]:
    """Findings saved by `--record FILE`; and the files that are missing or unreadable."""
    found: list[Finding] = []
    missing: list[str] = []
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found += [from_record(item) for item in data]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            missing.append(path.as_posix())
    return found, missing


def collect(config: Path, records: Iterable[Path] = ()) -> tuple[list[Finding], list[str], tuple[str, ...]]:
    """(findings, unreadable records, languages): the check's, the draft check's and
    the recorded ones, one per (file, line, code), in file order."""
    from helpcenter.scaffold.drafts import find_drafts

    settings = load_settings(config)
    report = check_site(settings, render=True)
    recorded, missing = read_records(records)
    kept: dict[tuple[str, int, str], Finding] = {}
    for found in [*report.findings, *find_drafts(settings), *recorded]:
        kept.setdefault((found.path, found.line, found.code), found)
    return sorted(kept.values()), missing, tuple(lang for lang in settings.languages if lang)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="helpcenter-summary",
        description="The pull request's job summary (Markdown): findings per language and how to open the preview.",
    )
    config_arg(parser)
    parser.add_argument(
        "--records",
        type=Path,
        nargs="*",
        default=[],
        metavar="FILE",
        help="findings saved by helpcenter-build-check / helpcenter-verify-site --record FILE",
    )
    parser.add_argument(
        "--site-artifact",
        default="",
        metavar="OUTCOME",
        help=f"outcome of the step uploading `{SITE_ARTIFACT}` (success, failure, skipped)",
    )
    parser.add_argument("--offline-artifact", default="", metavar="OUTCOME", help=f"outcome of the step uploading `{OFFLINE_ARTIFACT}`")
    args = parser.parse_args(argv)
    if not args.config.is_file():
        print(f"summary: {args.config} not found; run from the project root or pass --config.", file=sys.stderr)
        return 2
    findings, missing, languages = collect(args.config, args.records)
    print(findings_markdown(findings, languages or ("zh", "en"), missing))
    print(preview_markdown(args.site_artifact, args.offline_artifact), end="")
    errors = sum(f.fails for f in findings)
    print(f"summary: {errors} error(s), {len(findings) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0
