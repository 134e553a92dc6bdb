"""Runs every rule over a project's docs tree. The MkDocs hook and the standalone
command both call `check_site` and only print what it returns."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils import markdown_extensions

from .faq import FaqDoc, check_faq, is_faq, read_faq
from .findings import Finding
from .html import check_html
from .links import LinkChecker, check_registry, is_external, normalise
from .markdown import Article, parse_article
from .parity import check_parity
from .project import Settings, load_settings
from .registry import Registry, load_registry


@dataclass
class SiteReport:
    findings: list[Finding]
    articles: dict[Path, Article] = field(default_factory=dict)
    faqs: dict[Path, FaqDoc] = field(default_factory=dict)
    checker: LinkChecker | None = None
    seen_urls: dict[Path, set[str]] = field(default_factory=dict)


def build_checker(settings: Settings, today: dt.date | None = None) -> tuple[LinkChecker, list[Finding]]:
    assert settings.yaml is not None
    registry, findings = load_registry(
        settings.raw_contacts, settings.config_rel,
        lambda index, key: settings.yaml.line("extra", "contacts", index, *( (key,) if key else () )),
        today=today,
    )
    checker = LinkChecker(settings.policy, registry)
    findings += check_registry(registry, checker, settings.config_rel)
    return checker, findings


def check_article(article: Article, checker: LinkChecker) -> tuple[list[Finding], set[str]]:
    """Link, text and raw-HTML rules for one article; also the URLs it contains."""
    out: list[Finding] = []
    seen = {normalise(link.url) for link in article.links}
    if article.meta_error:
        out.append(Finding(article.rel, 1, "front-matter", f"The front matter is not valid YAML: {article.meta_error}", "Fix the YAML between the --- lines."))
    for link in article.links:
        context = "resource" if link.kind == "image" and is_external(link.url) else "link"
        for problem in checker.check(link.url, context):
            out.append(Finding(article.rel, link.line, problem.code, problem.message, problem.fix))
    for snippet in article.html:
        problems, urls = check_html(snippet.text, checker)
        seen.update(urls)
        for item in problems:
            out.append(Finding(article.rel, snippet.line + item.line, item.problem.code, item.problem.message, item.problem.fix))
    for snippet in article.texts:
        for problem in checker.check_text(snippet.text):
            out.append(Finding(article.rel, snippet.line, problem.code, problem.message, problem.fix))
    return out, seen


# Files MkDocs would publish as they are, unchecked: a page or script a reader's
# browser runs. Articles are Markdown; assets belong in overrides/.
UNCHECKED_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".svg", ".svgz", ".xml", ".php", ".swf"}


def _is_page(path: Path) -> bool:
    return path.suffix.lower() in markdown_extensions


def discover(settings: Settings) -> tuple[dict[str, dict[str, Path]], list[Finding]]:
    """Markdown pages per language folder (keyed by their path inside it), and
    findings for files the guard cannot vouch for."""
    found: dict[str, dict[str, Path]] = {}
    findings: list[Finding] = []
    lang_dirs = {(settings.docs_dir / lang).resolve() for lang in settings.languages if lang}
    for lang in settings.languages:
        base = settings.docs_dir / lang if lang else settings.docs_dir
        found[lang] = {p.relative_to(base).as_posix(): p for p in sorted(base.rglob("*")) if p.is_file() and _is_page(p)} if base.is_dir() else {}
    if not settings.docs_dir.is_dir():
        return found, findings
    for path in sorted(settings.docs_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = settings.rel(path)
        if path.suffix.lower() in UNCHECKED_SUFFIXES:
            findings.append(Finding(rel, 1, "unchecked-file",
                f"'{path.name}' would be published as it is, without any check: a page or script that runs in readers' browsers.",
                "Write the content as a Markdown article; put theme assets in overrides/."))
        elif _is_page(path) and lang_dirs and not any(parent in lang_dirs for parent in path.resolve().parents):
            findings.append(Finding(rel, 1, "outside-language-folder",
                "This page is outside the language folders, so it has no language and is not checked for parity.",
                f"Move it under {', '.join(sorted(settings.rel(d) + '/' for d in lang_dirs))}."))
    return found, findings


def check_site(settings: Settings, today: dt.date | None = None) -> SiteReport:
    checker, findings = build_checker(settings, today)
    report = SiteReport(findings, checker=checker)
    by_lang: dict[str, dict[str, Article]] = {}
    step_counts: dict[tuple[str, str], tuple[int, int]] = {}
    pages_by_lang, file_findings = discover(settings)
    findings += file_findings
    for lang, pages in pages_by_lang.items():
        by_lang[lang] = {}
        for page, path in pages.items():
            try:
                article = parse_article(path, settings.rel(path), lang, page)
            except (OSError, UnicodeDecodeError) as error:
                findings.append(Finding(settings.rel(path), 1, "unreadable", f"The file cannot be read as UTF-8 text: {error}", "Save it as UTF-8."))
                continue
            by_lang[lang][page] = article
            report.articles[path.resolve()] = article
            article_findings, seen = check_article(article, checker)
            findings += article_findings
            report.seen_urls[path.resolve()] = seen
            if is_faq(article, settings.faq_dir):
                doc = read_faq(article, settings.contact_page)
                report.faqs[path.resolve()] = doc
                findings += check_faq(article, doc, settings.min_steps, settings.contact_page)
                step_counts[(lang, page)] = (len(doc.steps), doc.list_line or doc.title_line)
    if len(by_lang) > 1:
        findings += check_parity(by_lang, step_counts)
    report.findings = sorted(set(findings))
    return report


def check_config(config_file: Path, today: dt.date | None = None) -> SiteReport:
    return check_site(load_settings(config_file), today)
