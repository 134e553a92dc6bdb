"""Runs every rule over a project's docs tree. The MkDocs hook and the standalone
command both call `check_site` and only print what it returns."""
from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils import markdown_extensions

from .catalogue import finding
from .faq import FaqDoc, check_faq, is_faq, read_faq
from .findings import Finding
from .html import check_html
from .links import LinkChecker, check_registry, is_external, normalise
from .markdown import NOT_A_MAPPING, Article, parse_article
from .parity import check_parity
from .project import Settings, load_settings
from .registry import Registry, load_registry


@dataclass(frozen=True)
class PageResult:
    """What the rules found in one page: small and picklable, so pages can be
    checked in worker processes and no token tree is kept in memory."""

    path: Path
    rel: str
    lang: str
    page: str
    findings: tuple[Finding, ...]
    seen: frozenset[str]          # every URL the source scan judged
    faq: FaqDoc | None


@dataclass
class SiteReport:
    findings: list[Finding]
    pages: dict[Path, PageResult] = field(default_factory=dict)
    checker: LinkChecker | None = None
    _resolved: dict[Path, PageResult] | None = field(default=None, repr=False)

    def page(self, path: Path) -> PageResult | None:
        """The result for a file, given as MkDocs names it (any symlinks in the
        path are resolved before comparing)."""
        if path in self.pages:
            return self.pages[path]
        if self._resolved is None:
            self._resolved = {key.resolve(): result for key, result in self.pages.items()}
        return self._resolved.get(Path(path).resolve())

    @property
    def faqs(self) -> dict[Path, FaqDoc]:
        return {path: result.faq for path, result in self.pages.items() if result.faq is not None}


def build_checker(settings: Settings, today: dt.date | None = None) -> tuple[LinkChecker, list[Finding]]:
    assert settings.yaml is not None
    registry, findings = load_registry(
        settings.contacts, settings.config_rel,
        lambda index, key: settings.yaml.line("extra", "contacts", index, *( (key,) if key else () )),
        today=today,
    )
    findings = list(settings.findings) + findings  # the schema's findings come first
    checker = LinkChecker(settings.policy, registry)
    findings += check_registry(registry, checker, settings.config_rel)
    return checker, findings


def check_article(article: Article, checker: LinkChecker) -> tuple[list[Finding], set[str]]:
    """Link, text and raw-HTML rules for one article; also the URLs it contains."""
    out: list[Finding] = []
    seen = {normalise(link.url) for link in article.links}
    if article.meta_error == NOT_A_MAPPING:
        out.append(finding("front-matter", article.rel, 1, "not-mapping"))
    elif article.meta_error:
        out.append(finding("front-matter", article.rel, 1, "yaml", error=article.meta_error))
    for link in article.links:
        context = "resource" if link.kind == "image" and is_external(link.url) else "link"
        out += [problem.at(article.rel, link.line) for problem in checker.check(link.url, context)]
    for snippet in article.html:
        problems, urls = check_html(snippet.text, checker)
        seen.update(urls)
        out += [item.problem.at(article.rel, snippet.line + item.line) for item in problems]
    for snippet in article.texts:
        out += [problem.at(article.rel, snippet.line) for problem in checker.check_text(snippet.text)]
    return out, seen


# Files MkDocs would publish as they are, unchecked: a page or script a reader's
# browser runs. Articles are Markdown; assets belong in overrides/.
UNCHECKED_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".svg", ".svgz", ".xml", ".php", ".swf"}


def _is_page(path: Path) -> bool:
    return path.suffix.lower() in markdown_extensions


def _walk(root: Path) -> list[Path]:
    """Every file under `root` as MkDocs finds them: symlinked folders followed."""
    files = []
    for folder, dirs, names in os.walk(root, followlinks=True):
        dirs.sort()
        files.extend(Path(folder, name) for name in sorted(names))
    return files


def discover(settings: Settings) -> tuple[dict[str, dict[str, Path]], list[Finding]]:
    """Markdown pages per language folder (keyed by their path inside it), and
    findings for files the guard cannot vouch for. One walk of the docs folder;
    paths stay as MkDocs sees them (under the docs folder, links not resolved)."""
    found: dict[str, dict[str, Path]] = {lang: {} for lang in settings.languages}
    findings: list[Finding] = []
    if not settings.docs_dir.is_dir():
        return found, findings
    folders = {lang for lang in settings.languages if lang}
    for path in _walk(settings.docs_dir):
        inside = path.relative_to(settings.docs_dir)
        rel = settings.rel(path)
        if path.suffix.lower() in UNCHECKED_SUFFIXES:
            findings.append(finding("unchecked-file", rel, 1, name=path.name))
        elif not _is_page(path):
            continue
        elif not folders:
            found[""][inside.as_posix()] = path
        elif len(inside.parts) > 1 and inside.parts[0] in folders:
            found[inside.parts[0]][Path(*inside.parts[1:]).as_posix()] = path
        else:
            findings.append(finding("outside-language-folder", rel, 1,
                                    folders=sorted(settings.rel(settings.docs_dir / d) + "/" for d in folders)))
    return found, findings


def check_page(path: Path, rel: str, lang: str, page: str, checker: LinkChecker, settings: Settings) -> PageResult:
    """Every per-page rule for one file."""
    try:
        article = parse_article(path, rel, lang, page)
    except (OSError, UnicodeDecodeError) as error:
        problem = finding("unreadable", rel, 1, error=str(error))
        return PageResult(path, rel, lang, page, (problem,), frozenset(), None)
    findings, seen = check_article(article, checker)
    doc = None
    if is_faq(article, settings.faq_dir):
        doc = read_faq(article, settings.contact_page)
        findings += check_faq(article, doc, settings.min_steps, settings.contact_page)
    return PageResult(path, rel, lang, page, tuple(findings), frozenset(seen), doc)


# Set in the parent before forking, so worker processes inherit a ready checker.
_FORKED: tuple[LinkChecker, Settings] | None = None
PARALLEL_FROM = 200  # pages; below this, starting workers costs more than it saves


def _check_chunk(items: list[tuple[Path, str, str, str]]) -> list[PageResult]:
    assert _FORKED is not None
    checker, settings = _FORKED
    return [check_page(*item, checker, settings) for item in items]


def _check_pages(items: list[tuple[Path, str, str, str]], checker: LinkChecker, settings: Settings, workers: int) -> list[PageResult]:
    if workers <= 1 or len(items) < PARALLEL_FROM or "fork" not in mp.get_all_start_methods():
        return [check_page(*item, checker, settings) for item in items]
    global _FORKED
    _FORKED = (checker, settings)
    chunks = [items[i::workers] for i in range(workers)]
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork")) as pool:
            return [result for chunk in pool.map(_check_chunk, chunks) for result in chunk]
    finally:
        _FORKED = None


def check_site(settings: Settings, today: dt.date | None = None, workers: int | None = None) -> SiteReport:
    """All rules over all languages. `workers`: processes for the per-page rules
    (default: one per CPU core for large sites; 1 for serial)."""
    checker, findings = build_checker(settings, today)
    report = SiteReport(findings, checker=checker)
    pages_by_lang, file_findings = discover(settings)
    findings += file_findings
    items = [(path, settings.rel(path), lang, page) for lang, pages in pages_by_lang.items() for page, path in pages.items()]
    for result in _check_pages(items, checker, settings, workers if workers is not None else (os.cpu_count() or 1)):
        report.pages[result.path] = result
        findings += result.findings
    if len(pages_by_lang) > 1:
        rels = {lang: {} for lang in pages_by_lang}
        step_counts: dict[tuple[str, str], tuple[int, int]] = {}
        for result in report.pages.values():
            rels[result.lang][result.page] = result.rel
            if result.faq is not None:
                step_counts[(result.lang, result.page)] = (len(result.faq.steps), result.faq.list_line or result.faq.title_line)
        findings += check_parity(rels, step_counts)
    report.findings = sorted(set(findings))
    return report


def check_config(config_file: Path, today: dt.date | None = None, workers: int | None = None) -> SiteReport:
    return check_site(load_settings(config_file), today, workers)
