"""MkDocs adapter for helpcenter.guard, the help center's guard (under `hooks:` in mkdocs.yml).

Events, each chosen on purpose:
- on_startup:       note whether we serve (then the rules run in one process).
- on_config:        load settings (mkdocs.yml) once per build; FAQ files not in the
                    nav yet join its FAQ section, up to faq_nav_max (helpcenter.guard.faq_index).
- on_files:         FAQs beyond faq_nav_max are marked not-in-nav (no omission warning).
- on_pre_build:     run every source rule over all languages; each problem becomes a
                    warning naming file:line, in the file's language (docs/zh/ in
                    Chinese), so `mkdocs build --strict` fails. The
                    i18n plugin runs a nested build per language; we check once per
                    outer build (also on every `mkdocs serve` rebuild).
- on_page_markdown: `<!-- faq-list -->` becomes the folder's FAQs, a section per
                    category (helpcenter.guard.faq_index); build the FAQ page's JSON-LD.
- on_page_content:  backstop over the rendered HTML (see helpcenter.guard.rendered).
- on_env:           every page of this (outer or nested) build is rendered: check the
                    links between pages and their #anchors (helpcenter.guard.sitelinks).
- on_page_context:  root-relative language-switcher links on every page.
- on_post_page:     under `mkdocs serve` only, a box at the top of the article lists
                    the page's problems (helpcenter.guard.overlay): there every
                    warning is collected and shown instead of stopping the rebuild,
                    so the browser shows the new text and what is wrong with it;
                    a refused link or image there is made inert (on_page_content).
                    `mkdocs build` (strict or not) never gets the box.
The rules live in the helpcenter.guard package; state lives in one GuardBuild per
outer build (helpcenter.buildnest.OuterBuild), never in this module. Each page's
result is looked up once per outer build (the nested language builds reuse it);
`HELPCENTER_HOOKS_MEMO=0` looks it up again every time, as before.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

from helpcenter.buildnest import OuterBuild
from helpcenter.guard import catalogue
from helpcenter.guard.fakes import mark_fakes
from helpcenter.guard.faq_index import complete_nav, expand_page, faq_names, unlisted
from helpcenter.guard.html import check_document
from helpcenter.guard.jsonld import faq_jsonld
from helpcenter.guard.overlay import PreviewLog, box, inert, insert, uncount
from helpcenter.guard.project import Settings, load_settings
from helpcenter.guard.render import anchors
from helpcenter.guard.rendered import check_rendered
from helpcenter.guard.runner import SiteReport, check_site, fake_examples

log = logging.getLogger("mkdocs.hooks.helpcenter")


@dataclass
class GuardBuild:
    workers: int | None = None  # None: one process per core; 1 under `mkdocs serve`
    settings: Settings | None = None
    report: SiteReport | None = None
    index_only: set[str] = field(default_factory=set)  # src_uri of FAQs kept out of the sidebar
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)  # ids of each rendered page
    fresh: set[str] = field(default_factory=set)  # pages rendered since links were last checked
    preview: PreviewLog | None = None  # `mkdocs serve` only: every warning of this build, for the box
    faq_files: tuple | None = None  # (FAQs in some language, FAQs in every language), read once per outer build
    results: dict[str, object] = field(default_factory=dict)  # abs_src_path -> its PageResult (or None), this report's


_command = {"name": "build"}
build: OuterBuild[GuardBuild] = OuterBuild(lambda: GuardBuild(workers=1 if _command["name"] == "serve" else None))


def on_startup(command, dirty):
    # `mkdocs serve` runs threads (file watcher, server): never fork there.
    _command["name"] = command


def _serving() -> bool:
    return _command["name"] == "serve"


def on_config(config):
    outer = build.nest.depth == 0
    if outer:
        _stop_preview()  # a serve build that ended without on_post_build
    _state = build.start()
    if outer or _state.settings is None or not _memo():
        _state.settings = load_settings(Path(config.config_file_path))
        _state.faq_files = None
    settings = _state.settings  # a nested language build reads the same mkdocs.yml and docs
    if _serving():
        # The preview shows problems in the page instead of stopping the rebuild
        # (helpcenter.guard.overlay); the outer build's and each nested build's counter.
        uncount()
        if outer:
            _state.preview = PreviewLog(settings).attach()
    # New FAQ files join the nav by themselves, up to faq_nav_max (helpcenter.guard.faq_index).
    # An FAQ missing in a language stays out of the nav (its missing-translation finding says why).
    if _state.faq_files is None:
        _state.faq_files = (
            faq_names(settings.docs_dir, settings.languages, settings.faq_dir),
            faq_names(settings.docs_dir, settings.languages, settings.faq_dir, every=True),
        )
    names, complete = _state.faq_files
    complete_nav(config.nav, settings.faq_dir, complete, settings.faq_nav_max)
    rest = unlisted(config.nav, settings.faq_dir, names)
    _state.index_only = {f"{lang}/{path}" if lang else path for lang in settings.languages for path in rest}
    beyond = unlisted(config.nav, settings.faq_dir, complete)
    if beyond and build.nest.depth == 0:  # once, not again for each nested language build
        log.info(f"{len(beyond)} FAQ(s) beyond faq_nav_max ({settings.faq_nav_max}) are listed on the FAQ index page, not in the sidebar.")
    return config


@event_priority(-100)
def on_files(files, config):
    # FAQs listed on the FAQ index page instead of the sidebar are not an omission
    # to warn about: marked as MkDocs' `not_in_nav` would (one set lookup per file).
    state = build.state
    for file in files.documentation_pages():
        if file.src_uri in state.index_only:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    # A page the guard could not read (bad UTF-8, front matter it refused, e.g. an
    # alias bomb) is left out, so MkDocs never parses it: the build fails on the
    # guard's finding at its line, not on a traceback or a runaway page.
    for path in state.report.unreadable if state.report else ():
        file = next((f for f in files.documentation_pages() if f.abs_src_path and Path(f.abs_src_path) == path), None)
        if file is not None:
            files.remove(file)
    return files


@event_priority(100)
def on_pre_build(config) -> None:
    _state = build.state
    if not build.enter() or _state is None or _state.settings is None:
        return
    _state.report = check_site(_state.settings, workers=_state.workers)
    _state.results = {}
    for finding in _state.report.findings:
        _log(finding)
    failing = sum(finding.fails for finding in _state.report.findings)
    if failing:
        log.warning(f"guard: {failing} problem(s) found; see the lines above. · 共发现 {failing} 个问题，见上方各行。")
    if any(finding.code == "symlink-loop" for finding in _state.report.findings):
        # MkDocs' own walk of the docs folder would follow the loop: stop here.
        raise PluginError("guard: the docs folder links back into itself (see the symlink-loop lines above).")


def _log(finding) -> None:
    """A finding in its file's language: a warning (so --strict fails) when its
    severity is `error`; an info line for `warning` and `notice` (the catalogue's severities)."""
    if finding.fails:
        log.warning(finding.text(), extra={"finding": finding})  # the gate reads the record itself
    else:
        log.info(f"{finding.severity}: {finding.text()}", extra={"finding": finding})


def _memo() -> bool:
    return os.environ.get("HELPCENTER_HOOKS_MEMO", "1") != "0"


def _result(page):
    _state = build.state
    if _state is None or _state.report is None or not page.file.abs_src_path:
        return None
    if not _memo():
        return _state.report.page(Path(page.file.abs_src_path))
    key = page.file.abs_src_path
    if key not in _state.results:
        _state.results[key] = _state.report.page(Path(key))
    return _state.results[key]


def on_page_markdown(markdown, page, config, files):
    # `<!-- faq-list -->` lists the folder's FAQs by category (extra.faq_categories),
    # headings in the page's language.
    settings = build.state.settings if build.state is not None else None
    markdown = expand_page(
        markdown, page, config.extra.get("faq_categories"), settings.docs_dir if settings else None, settings.languages if settings else ()
    )
    result = _result(page)
    doc = result.faq if result is not None else None
    if doc is not None:
        url = (config.site_url or "").rstrip("/") + "/" + page.url if config.site_url else None
        text = faq_jsonld(doc, url)
        if text:
            page.meta["faq_jsonld"] = text
    return markdown


def on_page_content(html, page, config, files):
    result = _result(page)
    if result is None or build.state.report.checker is None:
        return html
    if _memo():  # one parse of the page for its rules and its anchors
        ids: set[str] = set()
        findings = check_rendered(html, result, build.state.report.checker, ids=ids)
        page_anchors = frozenset(ids)
    else:
        findings = check_rendered(html, result, build.state.report.checker, fast=False)
        page_anchors = anchors(html)
    for finding in findings:
        _log(finding)
    build.state.anchors[result.doc] = page_anchors
    build.state.fresh.add(result.doc)
    if _serving() and build.state.preview is not None:
        # The preview never offers a refused link to click (the box says why it is refused).
        html = inert(html, {item.url for item in check_document(html, build.state.report.checker) if item.url})
    return mark_fakes(html, fake_examples(page.meta), result.lang)


@event_priority(-100)  # after mkdocs-static-i18n (50) has set this page's alternates
def on_page_context(context, page, config, nav):
    """Make every language-switcher link root-relative ("en/about/").

    mkdocs-static-i18n leaves the home page's links absolute ("/en/"), which breaks
    under a sub-path (GitHub Pages project sites) and in the file:// offline copy.
    Material's `url` filter turns root-relative links into page-relative ones.
    """
    base = urlsplit(config.site_url or "").path.rstrip("/")
    # The i18n plugin assigns `config.extra.alternate` as an attribute; Jinja reads
    # the attribute before the key, so we do the same.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for alternate in alternates:
        link = str(alternate.get("link", ""))
        if link.startswith("/"):
            if base and (link == base or link.startswith(base + "/")):
                link = link[len(base) :]
            alternate["link"] = link.lstrip("/") or "./"
    return context


def on_env(env, config, files):
    """Every page of this (outer or nested language) build is rendered: check the
    links of those pages. MkDocs' strict mode counts the warnings of each build."""
    state = build.state
    if state is not None and state.report is not None:
        for finding in state.report.check_links(state.anchors, only=state.fresh):
            _log(finding)
        state.fresh.clear()
    return env


def on_post_page(output, page, config):
    state = build.state
    if not _serving() or state is None or state.preview is None or state.settings is None or not page.file.abs_src_path:
        return output
    settings = state.settings
    rel = settings.rel(Path(page.file.abs_src_path))
    unread = set(state.report.unreadable) if state.report else set()
    built = (result.rel for path, result in (state.report.pages.items() if state.report else ()) if path not in unread)
    mine, elsewhere = state.preview.problems(rel, built)
    lang = catalogue.lang_of(rel) or str(config.theme.get("language") or "en")
    return insert(output, box(mine, elsewhere, lang))


@event_priority(-200)
def on_post_build(config) -> None:
    if build.leave():
        _stop_preview()


def on_build_error(error) -> None:
    _stop_preview()
    build.reset()


def _stop_preview() -> None:
    if build.state is not None and build.state.preview is not None:
        build.state.preview.detach()
        build.state.preview = None
