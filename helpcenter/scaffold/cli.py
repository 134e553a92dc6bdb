"""The writers' commands (thin wrappers live in scripts/).

    python scripts/new_faq.py ID [--zh 中文标题] [--en "English title"] [--lang zh|en]
    python scripts/rename_faq.py OLD NEW [--lang zh|en]
    python scripts/new_faq.py --translate ID [--from zh]   (the missing language of an existing FAQ)
    python scripts/check_drafts.py [--github] [--lang zh|en]

`--lang zh` prints everything in Chinese; without it, new_faq.py speaks English and
check_drafts.py prints each draft in its file's language.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from helpcenter.guard.catalogue import Sayings, Text
from helpcenter.guard.cli import config_arg, config_missing, lang_arg
from helpcenter.guard.project import Settings, load_settings

from .drafts import find_drafts
from .rename import rename_faq
from .scaffold import Created, SaidError, ScaffoldError, create_faq, faq_folder
from .translate import TranslateError, missing_languages, translate_faq

SAY = Sayings(
    {
        "no-config": Text(
            "{tool}: {config} not found; run from the project root or pass --config.",
            "{tool}：找不到 {config}；请在项目根目录运行，或用 --config 指定。",
        ),
        "error": Text("{tool}: {message}", "{tool}：{message}"),
        "created": Text("Created the draft FAQ '{slug}':", "已创建常见问题草稿“{slug}”："),
        "next": Text("\nNext:", "\n接下来："),
        "step-todo": Text(
            "  1. Replace every TODO in both files (same number of steps in every language).",
            "  1. 替换两个文件中的所有 TODO（每种语言的步骤数要相同）。",
        ),
        "step-preview": Text(
            "  2. Preview: .venv/bin/mkdocs serve -a 127.0.0.1:8000, then open",
            "  2. 预览：运行 .venv/bin/mkdocs serve -a 127.0.0.1:8000，然后打开",
        ),
        "step-check": Text(
            "  3. Check: .venv/bin/python scripts/check.py && .venv/bin/python scripts/check_drafts.py",
            "  3. 检查：运行 .venv/bin/python scripts/check.py --lang zh && .venv/bin/python scripts/check_drafts.py --lang zh",
        ),
        "renamed": Text("Renamed the FAQ '{old}' to '{new}':", "已把常见问题“{old}”改名为“{new}”："),
        "links": Text("Links rewritten in:", "已改写链接的文件："),
        "redirects": Text(
            "The old addresses keep answering (redirects added to {config}):", "旧地址仍然可以打开（已在 {config} 中添加重定向）："
        ),
        "remarked": Text(
            "Translation records written again (the pages were in line before the rename):",
            "已重新写入翻译记录（这些页面在改名前是同步的）：",
        ),
        "translated": Text(
            "Created the translation draft of the FAQ '{slug}' from the {source:language} version ({steps} steps):",
            "已从{source:language}版本为常见问题“{slug}”创建译文草稿（{steps} 步）：",
        ),
        "translate-todo": Text(
            "  1. Translate it: replace every TODO, one step for each step of {twin}.",
            "  1. 翻译：替换所有 TODO，与 {twin} 的步骤一一对应。",
        ),
        "translate-mark": Text(
            "  3. When it is translated: .venv/bin/helpcenter-translations --mark {path}",
            "  3. 翻译完成后运行：.venv/bin/helpcenter-translations --mark {path}",
        ),
        "pending-note": Text(
            "  {path} waits for its translation from {twin} (`translate_from`); when it is done: "
            ".venv/bin/helpcenter-translations --mark {path}",
            "  {path} 等待从 {twin} 翻译（`translate_from`）；翻译完成后运行：.venv/bin/helpcenter-translations --mark {path}",
        ),
        "drafts": Text("check_drafts: {count} draft page(s)", "check_drafts：有 {count} 个草稿页面"),
        "no-drafts": Text("check_drafts: no drafts", "check_drafts：没有草稿"),
    }
)


def new_faq(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="new_faq",
        description="Create a new FAQ as a draft in every language (docs/<lang>/faq/ID.md). "
        "It appears in the FAQ list and the nav by itself.",
    )
    parser.add_argument("id", help="the FAQ id: lowercase letters, digits and hyphens, e.g. change-wallet-name")
    parser.add_argument("--zh", metavar="TITLE", help="the question in Chinese (else a TODO placeholder)")
    parser.add_argument("--en", metavar="TITLE", help="the question in English (else a TODO placeholder)")
    parser.add_argument(
        "--translate",
        action="store_true",
        help="ID exists in some languages: create the missing ones, with the source's number of steps, "
        "waiting for translation (the default when ID exists in some languages only)",
    )
    parser.add_argument("--from", dest="source", metavar="LANG", help="with --translate: the language to translate from")
    config_arg(parser)
    lang_arg(parser)
    args = parser.parse_args(argv)
    lang = args.lang or "en"
    if config_missing(args, SAY, tool="new_faq"):
        return 2
    settings = load_settings(args.config)
    titles = {lang: title for lang, title in (("zh", args.zh), ("en", args.en)) if title is not None}
    if args.translate or missing_languages(settings, args.id):
        return _translate(settings, args.id, args.source, titles, lang)
    try:
        created = create_faq(settings, args.id, titles)
    except ScaffoldError as error:
        return _failed("new_faq", error, lang)
    _print_made(settings, created, SAY("created", lang, slug=created.slug), SAY("step-todo", lang), lang)
    print(SAY("step-check", lang))
    source = next((code for code in settings.languages if code in titles), None)
    for code, path in created.files.items():
        if source and code not in titles:
            print(SAY("pending-note", lang, path=settings.rel(path), twin=settings.rel(created.files[source])))
    return 0


def _failed(tool: str, error: SaidError, lang: str) -> int:
    print(SAY("error", lang, tool=tool, message=error.text(lang)), file=sys.stderr)
    return 1


def _print_made(settings: Settings, made: Created, headline: str, first_step: str, lang: str) -> None:
    """What was written, then the next steps: `first_step`, and the preview's addresses."""
    print(headline)
    for path in made.files.values():
        print(f"  {settings.rel(path)}")
    print(SAY("next", lang))
    print(first_step)
    print(SAY("step-preview", lang))
    default = settings.languages[0] if settings.languages else ""
    for url in made.preview_paths(default, settings.faq_dir).values():
        print(f"       http://127.0.0.1:8000{url}")


def _translate(settings, slug: str, source: str | None, titles: dict[str, str], lang: str) -> int:
    try:
        made = translate_faq(settings, slug, source, titles)
    except (ScaffoldError, TranslateError) as error:
        return _failed("new_faq", error, lang)
    twin = settings.rel(faq_folder(settings, made.source) / f"{slug}.md")
    headline = SAY("translated", lang, slug=slug, source=made.source, steps=made.steps)
    _print_made(settings, made, headline, SAY("translate-todo", lang, twin=twin), lang)
    for path in made.files.values():
        print(SAY("translate-mark", lang, path=settings.rel(path)))
    return 0


def rename(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="rename_faq",
        description="Rename an FAQ in every language (git mv when tracked), rewrite every link to it, "
        "and keep its old address answering (a redirect in mkdocs.yml).",
    )
    parser.add_argument("old", help="the FAQ's current id, e.g. change-wallet-name")
    parser.add_argument("new", help="the new id: lowercase letters, digits and hyphens")
    config_arg(parser)
    lang_arg(parser)
    args = parser.parse_args(argv)
    lang = args.lang or "en"
    if config_missing(args, SAY, tool="rename_faq"):
        return 2
    settings = load_settings(args.config)
    try:
        done = rename_faq(settings, args.old, args.new)
    except ScaffoldError as error:
        return _failed("rename_faq", error, lang)
    except (OSError, subprocess.CalledProcessError) as error:
        return _failed("rename_faq", ScaffoldError("io", error=str(error)), lang)
    print(SAY("renamed", lang, old=done.old, new=done.new))
    for source, target in done.moved.values():
        print(f"  {settings.rel(source)} -> {settings.rel(target)}")
    if done.rewritten:
        print(SAY("links", lang))
        for path in done.rewritten:
            print(f"  {settings.rel(path)}")
    if done.redirects:
        print(SAY("redirects", lang, config=settings.config_rel))
        for old, new in done.redirects.items():
            print(f"  {old} -> {new}")
    if done.remarked:
        print(SAY("remarked", lang))
        for path in done.remarked:
            print(f"  {settings.rel(path)}")
    return 0


def check_drafts(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="check_drafts",
        description="Fail while any page still holds the scaffold's TODO placeholders.",
    )
    config_arg(parser)
    parser.add_argument("--github", action="store_true", help="print GitHub Actions annotations")
    lang_arg(parser)
    args = parser.parse_args(argv)
    lang = args.lang or "en"
    if config_missing(args, SAY, tool="check_drafts"):
        return 2
    findings = find_drafts(load_settings(args.config))
    for finding in findings:
        print(finding.github(args.lang) if args.github else finding.text(args.lang))
    print(SAY("drafts", lang, count=len({finding.path for finding in findings})) if findings else SAY("no-drafts", lang), file=sys.stderr)
    return 1 if any(finding.fails for finding in findings) else 0


def new_faq_main() -> int:
    return new_faq()


def rename_main() -> int:
    return rename()


def check_drafts_main() -> int:
    return check_drafts()
