"""MkDocs adapter for helpcenter.checker, the "Is this really BitPie?" page
(docs/*/verify.md, template overrides/verify.html).

Events:
- on_config: once per outer build, load the registry and link policy through the
  guard's own loaders (helpcenter.guard.project, helpcenter.guard.runner).
- on_page_markdown: for a page with `template: verify.html`, the page-relative
  links its verdicts point to (contact, safety, account-stolen FAQ in the page's
  language), found among the built files, so they work online and offline.
- on_page_context: give that page's template `verify`: the data the page's
  script needs, as JSON in the page's language (helpcenter.checker.export), and
  the form's texts (helpcenter/checker/messages.yml).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from helpcenter.buildnest import OuterBuild
from helpcenter.checker.export import messages, page_json
from helpcenter.guard.links import LinkChecker
from helpcenter.guard.project import Settings, load_settings
from helpcenter.guard.runner import build_checker

log = logging.getLogger("mkdocs.hooks.checker")
TEMPLATE = "verify.html"
# Where a verdict sends readers next, by page path inside a language folder.
LINKS = {"contact": "contact.md", "safety": "safety.md", "stolen": "faq/account-stolen.md"}


@dataclass
class CheckerBuild:
    settings: Settings | None = None
    checker: LinkChecker | None = None
    json: dict[str, str] = field(default_factory=dict)  # per language


build: OuterBuild[CheckerBuild] = OuterBuild(CheckerBuild)


def on_config(config):
    state = build.start()
    if state.checker is None:
        state.settings = load_settings(Path(config.config_file_path))
        # Registry problems are the guard's to report (hooks/guard.py); here we only read it.
        state.checker, _ = build_checker(state.settings)
    return config


def on_pre_build(config) -> None:
    build.enter()


def _lang(page, config) -> str:
    head = page.file.src_uri.split("/", 1)[0]
    state = build.state
    if state and state.settings and head in state.settings.languages:
        return head
    return str(config.theme.get("language") or "en")


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("template") != TEMPLATE:
        return markdown
    lang = _lang(page, config)
    links = {}
    for key, target in LINKS.items():
        file = files.get_file_from_path(f"{lang}/{target}") or files.get_file_from_path(target)
        if file is not None:
            links[key] = get_relative_url(file.url, page.url)
    page.meta["verify_links"] = links
    return markdown


def on_page_context(context, page, config, nav):
    state = build.state
    if page.meta.get("template") != TEMPLATE or state is None or state.checker is None:
        return context
    lang = _lang(page, config)
    if lang not in state.json:
        state.json[lang] = page_json(state.settings, state.checker, lang)
    ui = {key: (value.get(lang) or value.get("en")) for key, value in messages()["ui"].items()}
    context["verify"] = {"json": state.json[lang], "ui": ui, "links": page.meta.get("verify_links", {})}
    return context


@event_priority(-200)  # after mkdocs-static-i18n's nested language builds (-100): they share the outer build's checker
def on_post_build(config) -> None:
    build.leave()


def on_build_error(error) -> None:
    build.reset()
