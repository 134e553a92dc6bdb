"""Runs every rule over a project's docs tree. The MkDocs hook and the standalone
command both call `check_site` and only print what it returns."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

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


def discover(settings: Settings) -> dict[str, dict[str, Path]]:
    """Markdown files per language folder, keyed by their path inside the folder."""
    found: dict[str, dict[str, Path]] = {}
    for lang in settings.languages:
        base = settings.docs_dir / lang if lang else settings.docs_dir
        found[lang] = {p.relative_to(base).as_posix(): p for p in sorted(base.rglob("*.md"))} if base.is_dir() else {}
    return found


def check_site(settings: Settings, today: dt.date | None = None) -> SiteReport:
    checker, findings = build_checker(settings, today)
    report = SiteReport(findings, checker=checker)
    by_lang: dict[str, dict[str, Article]] = {}
    step_counts: dict[tuple[str, str], tuple[int, int]] = {}
    for lang, pages in discover(settings).items():
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
