"""Runs every rule over a project's docs tree. The MkDocs hook and the standalone
command both call `check_site` and only print what it returns."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mkdocs.utils import markdown_extensions

from .cache import PageCache
from .catalogue import finding
from .faq import FaqDoc, check_faq, check_steps, is_faq, procedures, read_faq
from .faq_index import expand_marker
from .findings import Finding
from .frontmatter import MARKUP, check_faq_meta, check_meta_markup
from .html import check_html
from .links import LinkChecker, check_registry, is_external, normalise
from .markdown import MAX_NESTING, NOT_A_MAPPING, Article, Snippet, parse_article, read_source
from .parity import check_parity, faq_kind
from .project import Settings, load_settings, today_in_zone
from .prose import check_prose, check_requests, normalise_prose, pieces
from .rawhtml import read_fragment
from .redirects import check_redirects
from .registry import load_registry
from .render import Renderer, anchors, extensions
from .sitelinks import LocalPage, check_local_links, local_links
from .translation import KEY, PENDING, Entry, Record, check_translations, make_record, pending_pages


@dataclass(frozen=True)
class PageResult:
    """What the rules found in one page: small and picklable, so pages can be
    checked in worker processes and no token tree is kept in memory."""

    path: Path
    rel: str
    lang: str
    page: str
    findings: tuple[Finding, ...]
    seen: frozenset[str]  # every URL the source scan judged
    faq: FaqDoc | None
    links: tuple[tuple[str, int], ...] = ()  # links to the site's own pages, with lines
    anchors: frozenset[str] | None = None  # ids of the rendered page (standalone check)
    translation: Record | None = None  # its translation status record (helpcenter.guard.translation)
    kind: tuple | None = None  # an FAQ's (category, source URLs): a twin under another name looks alike

    @property
    def doc(self) -> str:
        """The path under docs/, as MkDocs names the file ("zh/faq/x.md")."""
        return f"{self.lang}/{self.page}" if self.lang else self.page

    def local(self) -> LocalPage:
        return LocalPage(self.rel, self.doc, self.links)


@dataclass
class SiteReport:
    findings: list[Finding]
    pages: dict[Path, PageResult] = field(default_factory=dict)
    checker: LinkChecker | None = None
    files: set[str] = field(default_factory=set)  # every file under docs/, as MkDocs names it
    _resolved: dict[Path, PageResult] | None = field(default=None, repr=False)

    def page(self, path: Path) -> PageResult | None:
        """The result for a file, given as MkDocs names it (any symlinks in the
        path are resolved before comparing)."""
        if path in self.pages:
            return self.pages[path]
        if self._resolved is None:
            self._resolved = {key.resolve(): result for key, result in self.pages.items()}
        return self._resolved.get(Path(path).resolve())

    def check_links(self, anchors: dict[str, frozenset[str]], only: set[str] | None = None) -> list[Finding]:
        """Links between the site's pages, given each rendered page's anchors; `only`:
        the links of these pages (docs paths) alone."""
        pages = (r.local() for r in self.pages.values() if only is None or r.doc in only)
        return check_local_links(pages, self.files, anchors)

    @property
    def unreadable(self) -> list[Path]:
        """Pages the guard could not read or whose front matter it refused."""
        return [path for path, result in self.pages.items() if any(f.code in ("unreadable", "front-matter") for f in result.findings)]

    @property
    def faqs(self) -> dict[Path, FaqDoc]:
        return {path: result.faq for path, result in self.pages.items() if result.faq is not None}


def build_checker(settings: Settings, today: dt.date | None = None) -> tuple[LinkChecker, list[Finding]]:
    assert settings.yaml is not None
    registry, findings = load_registry(
        settings.contacts,
        settings.config_rel,
        lambda index, key: settings.yaml.line("extra", "contacts", index, *((key,) if key else ())),
        today=today,
    )
    findings = list(settings.findings) + findings  # the schema's findings come first
    checker = LinkChecker(settings.policy, registry)
    findings += check_registry(registry, checker, settings.config_rel)
    findings += check_config_text(settings, checker)
    return checker, findings


def _config_strings(value: Any, path: tuple = ()):
    """(key path, string) for every string value, and every key, of mkdocs.yml's data:
    a nav label is a key (`- 客服: contact.md`)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield path + (key,), key
            yield from _config_strings(item, path + (key,))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _config_strings(item, path + (index,))


def check_config_text(settings: Settings, checker: LinkChecker) -> list[Finding]:
    """mkdocs.yml's words that the theme writes into every page as they are (nav
    labels and their translations, the site's name and description): no HTML
    anywhere in the file, and the text rules (typed contacts, look-alike domains) on
    the nav and the site's own words."""
    assert settings.yaml is not None
    out: list[Finding] = []
    shown = ("nav", "site_name", "site_description", "copyright")
    for path, text in _config_strings(settings.yaml.data):
        line = settings.yaml.line(*path)
        if match := MARKUP.search(text):
            key = ".".join(str(part) for part in path)
            out.append(finding("config-markup", settings.config_rel, line, key=key, text=text[match.start() : match.start() + 40]))
        elif path and (path[0] in shown or "nav_translations" in path or path[-1] in ("site_name", "site_description")):
            out += [problem.at(settings.config_rel, line) for problem in judge_text(normalise_prose(text), checker)]
    return out


def judge_text(text: str, checker: LinkChecker) -> list:
    """Every text rule on one piece of (normalised) prose."""
    problems = checker.check_text(text)
    said = " ".join(p.message("en") for p in problems)
    problems += [
        p for p, about in check_prose(text, checker.policy.brand, checker.registry.find_text) if about not in said
    ]  # the link rules already named it
    for match in _BARE_PATH.finditer(text) if "/" in text else ():  # t.me/handle, wa.me/number: a social link without https://
        if match.group(0) not in said:
            problems += [p for p in checker.check("https://" + match.group(0)) if p.code == "contact-unlisted"]
    return problems


_BARE_PATH = re.compile(r"(?<![\w./:@-])(?:[a-z0-9-]+\.)+[a-z]{2,}/[\w@+.-]+", re.IGNORECASE | re.ASCII)


def fake_examples(meta: dict) -> list[str]:
    """The page's declared examples of fakes (`fake_examples:` in its front matter),
    longest first."""
    raw = meta.get("fake_examples")
    values = [str(v).strip() for v in raw if str(v).strip()] if isinstance(raw, list) else []
    return sorted(set(values), key=len, reverse=True)


def without(text: str, declared: list[str]) -> str:
    """`text` with every declared example blanked out (same length, so nothing shifts)."""
    for example in declared:
        if example.lower() in text.lower():
            text = re.sub(re.escape(example), lambda m: " " * len(m.group(0)), text, flags=re.IGNORECASE)
    return text


def check_declared(article: Article, declared: list[str], checker: LinkChecker) -> list[Finding]:
    """Each declared example must be something the rules refuse (declaring the real
    site a fake would mislead readers), and must be written as code, where the page
    shows it marked as a fake."""
    out = []
    if "fake_examples" in article.meta and not isinstance(article.meta.get("fake_examples"), list):
        return [finding("fake-example", article.rel, 1, "not-list")]
    for example in declared:
        text = normalise_prose(example)
        # an account is a fake only as an account: try it after a messenger label too
        flagged = judge_text(text, checker) or judge_text(f"微信：{text}", checker)
        if not flagged:
            out.append(finding("fake-example", article.rel, _meta_line(article, example), "not-fake", example=example))
    for snippet in article.texts:
        if snippet.code or snippet.line <= article.offset:
            continue
        for example in declared:
            if example.lower() in snippet.text.lower():
                out.append(finding("fake-example", article.rel, snippet.line, "not-code", example=example))
    return out


def _meta_line(article: Article, needle: str) -> int:
    lines = article.path.read_text(encoding="utf-8-sig").split("\n")[: article.offset]
    return next((n for n, line in enumerate(lines, 1) if needle in line), 1)


_ATX = re.compile(r"^ {0,3}#{1,6}\s")
_ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*\S+(?:\s+"(.*)")?')


def _requests(article: Article, texts: list[Snippet]) -> list[Finding]:
    """The secret-request rule, paragraph by paragraph: text pieces on adjoining
    lines are joined back (a link no longer cuts a sentence in two), and the heading
    or admonition title above them is their context."""
    lines = article.body.split("\n")
    titles = sorted(
        (article.offset + n, (m.group(1) or "") if (m := _ADMONITION.match(line)) else line.lstrip("#").strip())
        for n, line in enumerate(lines, 1)
        if _ATX.match(line) or _ADMONITION.match(line)
    )
    blocks: list[list[Snippet]] = []
    for snippet in sorted(texts, key=lambda s: s.line):
        if blocks and snippet.line - blocks[-1][-1].line <= 1:
            blocks[-1].append(snippet)
        else:
            blocks.append([snippet])
    out = []
    for block in blocks:
        # Pieces of one line are one sentence cut by markup; a new line starts anew.
        pieces = [("\n" if i and s.line != block[i - 1].line else "") + normalise_prose(s.text) for i, s in enumerate(block)]
        text = "".join(pieces)
        title = next((t for line, t in reversed(titles) if line < block[0].line), "")
        for offset, problem in check_requests(text, title):
            at, line = 0, block[0].line
            for snippet, piece in zip(block, pieces):
                if at + len(piece) > offset:
                    line = snippet.line
                    break
                at += len(piece)
            out.append(problem.at(article.rel, line))
    return out


def check_article(article: Article, checker: LinkChecker) -> tuple[list[Finding], set[str]]:
    """Link, text and raw-HTML rules for one article; also the URLs it contains."""
    out: list[Finding] = []
    seen = {normalise(link.url) for link in article.links}
    deepest = max((token.level for token in article.tokens), default=0)
    if deepest >= MAX_NESTING - 1:
        line = next((t.map[0] for t in article.tokens if t.level >= MAX_NESTING - 1 and t.map), 0) + article.offset + 1
        out.append(finding("nesting-too-deep", article.rel, line, limit=MAX_NESTING))
    for token in article.tokens:  # Python-Markdown (MkDocs) reads `1)` as text, not as a list
        if token.type == "ordered_list_open" and token.markup == ")":
            out.append(finding("list-paren", article.rel, (token.map[0] if token.map else 0) + article.offset + 1))
    if article.meta_error == NOT_A_MAPPING:
        out.append(finding("front-matter", article.rel, 1, "not-mapping"))
    elif article.meta_error:
        out.append(finding("front-matter", article.rel, 1, "yaml", error=article.meta_error))
    for link in article.links:
        context = "resource" if link.kind == "image" and is_external(link.url) else "link"
        out += [problem.at(article.rel, link.line) for problem in checker.check(link.url, context)]
    texts = list(article.texts)
    for snippet in article.html:
        problems, urls = check_html(snippet.text, checker)
        seen.update(urls)
        out += [item.problem.at(article.rel, snippet.line + item.line) for item in problems]
        allowlist, visible = read_fragment(snippet.text)
        out += [item.problem.at(article.rel, snippet.line + item.line) for item in allowlist]
        texts += [Snippet(text, snippet.line + line) for line, text in visible]
    declared = fake_examples(article.meta)
    out += check_declared(article, declared, checker)
    # The pieces of one line are read as one text: a label in prose and its value in
    # code (客服微信：`abc_123`) are one contact.
    runs: dict[tuple[int, int], list[str]] = {}
    for number, snippet in enumerate(texts):
        key = (snippet.line, snippet.group if snippet.group >= 0 else -1 - number)
        piece = without(snippet.text, declared)
        runs.setdefault(key, []).append(f" {piece} " if snippet.code else piece)  # a code span ends a word
    for line, text in ((key[0], piece) for key, parts in sorted(runs.items()) for piece in pieces(normalise_prose("".join(parts)))):
        out += [problem.at(article.rel, line) for problem in judge_text(text, checker)]
    out += _requests(article, [s for s in texts if not s.code])
    return out, seen


# Files MkDocs would publish as they are, unchecked: a page or script a reader's
# browser runs. Articles are Markdown; assets belong in overrides/.
UNCHECKED_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".svg", ".svgz", ".xml", ".php", ".swf"}


def _is_page(path: Path) -> bool:
    return path.suffix.lower() in markdown_extensions


def _walk(root: Path, loops: list[Path] | None = None) -> list[Path]:
    """Every file under `root` as MkDocs finds them: symlinked folders followed, each
    real folder once (a symlink back to a folder above it would walk forever; those
    links are collected in `loops`)."""
    files = []
    for folder, dirs, names in os.walk(root, followlinks=True):
        here = os.path.realpath(folder)
        for name in sorted(dirs):
            path = Path(folder, name)
            target = os.path.realpath(path)
            if path.is_symlink() and (here == target or here.startswith(target + os.sep)):
                dirs.remove(name)
                if loops is not None:
                    loops.append(path)
        dirs.sort()
        files.extend(Path(folder, name) for name in sorted(names))
    return files


def discover(settings: Settings, files: set[str] | None = None) -> tuple[dict[str, dict[str, Path]], list[Finding]]:
    """Markdown pages per language folder (keyed by their path inside it), and
    findings for files the guard cannot vouch for. One walk of the docs folder;
    paths stay as MkDocs sees them (under the docs folder, links not resolved)."""
    found: dict[str, dict[str, Path]] = {lang: {} for lang in settings.languages}
    findings: list[Finding] = []
    if not settings.docs_dir.is_dir():
        return found, findings
    folders = {lang for lang in settings.languages if lang}
    loops: list[Path] = []
    paths = _walk(settings.docs_dir, loops)
    findings += [finding("symlink-loop", settings.rel(path), 1, target=settings.rel(path.resolve())) for path in loops]
    for path in paths:
        inside = path.relative_to(settings.docs_dir)
        if files is not None:
            files.add(inside.as_posix())
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
            findings.append(
                finding("outside-language-folder", rel, 1, folders=sorted(settings.rel(settings.docs_dir / d) + "/" for d in folders))
            )
    return found, findings


def check_page(
    path: Path, rel: str, lang: str, page: str, checker: LinkChecker, settings: Settings, renderer: Renderer | None = None
) -> PageResult:
    """Every per-page rule for one file; with a renderer (the standalone check), also
    the rendered-page rules over the page as the build would render it."""
    try:
        article = parse_article(path, rel, lang, page)
    except (OSError, UnicodeDecodeError) as error:
        problem = finding("unreadable", rel, 1, error=str(error))
        return PageResult(path, rel, lang, page, (problem,), frozenset(), None)
    findings, seen = check_article(article, checker)
    findings += check_meta_markup(article)
    doc = None
    if is_faq(article, settings.faq_dir):
        doc = read_faq(article, settings.contact_page)
        findings += check_faq(article, doc, settings.min_steps, settings.contact_page)
        findings += check_faq_meta(article, checker, settings.category_ids, today_in_zone())
    else:  # every other numbered procedure, held to the steps' format
        for steps in procedures(article):
            findings += check_steps(article, steps)
    links = local_links((link.url, link.line) for link in article.links if link.kind != "autolink")
    head = read_source(article.path).split("\n")[: article.offset] if KEY in article.meta or PENDING in article.meta else []
    record = make_record(article.meta, article.body, head, lang, settings.languages)
    result = PageResult(
        path,
        rel,
        lang,
        page,
        tuple(findings),
        frozenset(seen),
        doc,
        links,
        translation=record,
        kind=faq_kind(article.meta) if doc is not None else None,
    )
    if renderer is None:
        return result
    from .rendered import check_rendered  # rendered.py imports this module

    html = renderer.html(expand_marker(article.body, path.parent))
    extra = check_rendered(html, result, checker)
    return replace(result, findings=result.findings + tuple(extra), anchors=anchors(html))


# Set in the parent before forking, so worker processes inherit a ready checker.
_FORKED: tuple[LinkChecker, Settings, Renderer | None] | None = None
PARALLEL_FROM = 200  # pages; below this, starting workers costs more than it saves


def _check_chunk(items: list[tuple[Path, str, str, str]]) -> list[PageResult]:
    assert _FORKED is not None
    checker, settings, renderer = _FORKED
    return [check_page(*item, checker, settings, renderer) for item in items]


def _check_pages(
    items: list[tuple[Path, str, str, str]], checker: LinkChecker, settings: Settings, workers: int, renderer: Renderer | None
) -> list[PageResult]:
    if workers <= 1 or len(items) < PARALLEL_FROM or "fork" not in mp.get_all_start_methods():
        return [check_page(*item, checker, settings, renderer) for item in items]
    global _FORKED
    _FORKED = (checker, settings, renderer)
    chunks = [items[i::workers] for i in range(workers)]
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork")) as pool:
            return [result for chunk in pool.map(_check_chunk, chunks) for result in chunk]
    finally:
        _FORKED = None


def _cached_pages(
    items: list[tuple[Path, str, str, str]], checker: LinkChecker, settings: Settings, workers: int, renderer: Renderer | None
) -> list[PageResult]:
    """Each page's result, in `items`' order: from the cache when the page and
    everything its result depends on are unchanged (helpcenter.guard.cache), else
    checked now."""
    cache = PageCache.open(settings, "check" if renderer is not None else "build")
    if cache is None:
        return _check_pages(items, checker, settings, workers, renderer)
    keys = [cache.key(*item) for item in items]
    results: list[PageResult | None] = [cache.get(key) for key in keys]
    todo = [i for i, result in enumerate(results) if result is None]
    # worker processes return their results chunk by chunk, not in `items`' order
    checked = {result.path: result for result in _check_pages([items[i] for i in todo], checker, settings, workers, renderer)}
    for i in todo:
        results[i] = checked[items[i][0]]
        cache.put(keys[i], results[i])
    cache.save()
    return [result for result in results if result is not None]


def check_site(settings: Settings, today: dt.date | None = None, workers: int | None = None, render: bool = False) -> SiteReport:
    """All rules over all languages. `workers`: processes for the per-page rules
    (default: one per CPU core for large sites; 1 for serial). `render`: also render
    each page as the build does and run the rendered-page and site-link rules (the
    standalone check; in a build, the hook does this with the pages MkDocs renders)."""
    checker, findings = build_checker(settings, today)
    report = SiteReport(findings, checker=checker)
    pages_by_lang, file_findings = discover(settings, report.files)
    findings += file_findings
    findings += check_redirects(settings, pages_by_lang)[1]
    renderer = Renderer(*extensions(settings.markdown_extensions)) if render else None
    items = [(path, settings.rel(path), lang, page) for lang, pages in pages_by_lang.items() for page, path in pages.items()]
    for result in _cached_pages(items, checker, settings, workers if workers is not None else (os.cpu_count() or 1), renderer):
        report.pages[result.path] = result
        findings += result.findings
    if render:
        findings += report.check_links({r.doc: r.anchors for r in report.pages.values() if r.anchors is not None})
    if len(pages_by_lang) > 1:
        rels = {lang: {} for lang in pages_by_lang}
        step_counts: dict[tuple[str, str], tuple[int, int]] = {}
        kinds: dict[tuple[str, str], tuple] = {}
        site: dict[str, dict[str, Entry]] = {lang: {} for lang in pages_by_lang}
        for result in report.pages.values():
            rels[result.lang][result.page] = result.rel
            if result.translation is not None:
                site[result.lang][result.page] = Entry(result.lang, result.page, result.rel, result.translation)
            if result.faq is not None:
                step_counts[(result.lang, result.page)] = (len(result.faq.steps), result.faq.list_line or result.faq.title_line)
            if result.kind is not None:
                kinds[(result.lang, result.page)] = result.kind
        findings += check_parity(rels, step_counts, pending_pages(site), kinds, settings.faq_dir)
        findings += check_translations(site)
    report.findings = sorted(set(findings))
    return report


def check_config(config_file: Path, today: dt.date | None = None, workers: int | None = None, render: bool = False) -> SiteReport:
    return check_site(load_settings(config_file), today, workers, render)
