"""MkDocs adapter for helpcenter.reader: what the reader sees around the articles.

Events, each chosen on purpose:
- on_config: Chinese headings get readable anchors (pymdownx's Unicode slugify
  for toc, lower case), unless mkdocs.yml names a slugify of its own.
- on_files (after mkdocs-static-i18n): keep this language build's files, to find
  the pages the home page and the 404 page link to.
- on_page_content: permalinks out of headings' accessible names, tables that stack
  on a phone with ✓ / ✗ marks, domains that never break (helpcenter.reader.html).
- on_page_context: the interface's words in the page's language (`hc`), the
  section links (`hc_links`), and on the home page its data (`hc_home`); a
  most-asked entry that names no page is a warning, so --strict fails. The
  section links are looked up once per language build, not once per page (every
  page's title is known before any page is rendered). On a page
  whose twin changed since (helpcenter.reader.translation), `hc_translation`:
  the notice's link to the twin (pages read once per outer build).
- on_template_context / on_post_template: 404.html in the language being built,
  with a language switcher that leads to the other language's home; each
  language's rendering is kept ...
- on_post_build (outer build, last): ... and written to /404.html (default
  language) and /<lang>/404.html (helpcenter.reader.pages.NotFoundPages).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority
from pymdownx.slugs import slugify

from helpcenter.buildnest import OuterBuild
from helpcenter.reader.html import article
from helpcenter.reader.pages import HOME_TEMPLATE, NOT_FOUND, NotFoundPages, home_data, language_roots, page_language, section_links
from helpcenter.reader.strings import strings_for
from helpcenter.reader.translation import notice, outdated

log = logging.getLogger("mkdocs.hooks.reader")


@dataclass
class ReaderBuild:
    files: object = None  # this language build's Files
    not_found: NotFoundPages = field(default_factory=NotFoundPages)
    outdated: dict[str, str] | None = None  # docs path of each page whose twin changed -> the twin's language
    links: dict[str, object] = field(default_factory=dict)  # this language build's section links, per language folder


# `HELPCENTER_HOOKS_MEMO=0`: look everything up again for every page, as before the
# per-build memos (tests/test_hooks_memo.py builds both ways and compares the files).
MEMO_ENV = "HELPCENTER_HOOKS_MEMO"


def memo() -> bool:
    return os.environ.get(MEMO_ENV, "1") != "0"


build: OuterBuild[ReaderBuild] = OuterBuild(ReaderBuild)


def on_config(config):
    build.start()
    toc = config.mdx_configs.setdefault("toc", {})
    toc.setdefault("slugify", slugify(case="lower"))
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) picked this language's files
def on_files(files, config):
    if build.state is not None:
        build.state.files = files
        build.state.links = {}  # a new language build: its own pages
    return files


def on_pre_build(config) -> None:
    build.enter()


def on_page_content(html, page, config, files):
    return article(html, strings_for(page_language(config))["permalink"])


def _policy(config) -> dict:
    return config.extra.get("link_policy") or {}


def _other_home(config, lang: str) -> dict | None:
    """The other language's home, for the "search the other language" hint."""
    for other, root in language_roots(config).items():
        if other != lang:
            return {"lang": other, "url": (root or "./") + ("" if config.use_directory_urls else "index.html")}
    return None


def _section_links(files, lang_dir: str, config):
    """section_links, once per language folder of this language build."""
    if build.state is None or not memo():
        return section_links(files, lang_dir, _policy(config))
    links = build.state.links.get(lang_dir)
    if links is None:
        links = build.state.links[lang_dir] = section_links(files, lang_dir, _policy(config))
    return links


def on_page_context(context, page, config, nav):
    lang = page_language(config)
    context["hc"] = strings_for(lang)
    context["hc_other_home"] = _other_home(config, lang)
    files = build.state.files if build.state else None
    lang_dir = page.file.src_uri.split("/", 1)[0] if "/" in page.file.src_uri else ""
    context["hc_links"] = _section_links(files, lang_dir, config)
    if build.state is not None:
        if build.state.outdated is None:
            build.state.outdated = outdated(Path(config.config_file_path))
        context["hc_translation"] = notice(page.file.src_uri, page.url, build.state.outdated, language_roots(config))
    if (page.meta or {}).get("template") == HOME_TEMPLATE:
        data, problems = home_data(page, config, files, lang)
        for problem in problems:
            log.warning(problem)
        context["hc_home"] = data
    return context


def on_template_context(context, template_name, config):
    if template_name != NOT_FOUND:
        return context
    lang = page_language(config)
    roots = language_roots(config)
    # MkDocs renders 404.html with the site's path as base_url ("/", "/repo/"): its
    # links are absolute paths, so they work at any depth of a missing URL.
    site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    default = next((locale for locale, root in roots.items() if not root), lang)
    context["hc"] = strings_for(lang)
    context["hc_default_locale"] = default
    context["hc_other_home"] = _other_home(config, lang)
    context["hc_links"] = section_links(build.state.files if build.state else None, lang if roots else "", _policy(config))
    context["hc_home_url"] = site_path + roots.get(lang, "")
    context["hc_other"] = [{"lang": other, "link": site_path + root} for other, root in roots.items() if other != lang]
    # The header's language switcher leads to the other language's home, not to the
    # page built last. mkdocs-static-i18n sets `config.extra.alternate` afresh (a
    # copy) for every page; Jinja reads the attribute before the key.
    for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []:
        if alternate.get("lang") in roots:
            alternate["link"] = site_path + roots[alternate["lang"]]
    return context


def on_post_template(output_content, template_name, config):
    if template_name == NOT_FOUND and build.state is not None:
        build.state.not_found.keep(page_language(config), output_content)
    return output_content


@event_priority(-350)  # after every language was built (mkdocs-static-i18n, -100)
def on_post_build(config) -> None:
    if not build.leave() or build.state is None:
        return
    for path in build.state.not_found.write(Path(config.site_dir), language_roots(config)):
        log.debug(f"404 page written: {path}")


def on_build_error(error) -> None:
    build.reset()
