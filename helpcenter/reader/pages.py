"""The home page's data and the 404 page of each language.

Home (a page whose front matter says `template: home.html`):
- `most_asked`: paths of FAQ pages, relative to the home page, in the order the
  home shows them; each is shown with its title and its front-matter
  `description` (the one-line summary), so a summary is written once, in the FAQ.
- `topics`: one line per FAQ category (`extra.faq_categories` in mkdocs.yml) that
  says what the category covers. Each category card links to the FAQ index's
  section of the same id (`faq/#wallet`) once that section exists there, and to
  the FAQ index itself until then.
A path that names no page, or an FAQ without a description, is a build warning
(so `--strict` fails) that names the home page.

404: MkDocs renders `404.html` once per language build into the site root, so the
last language built would win. `NotFoundPages` keeps each language's rendering
and writes the default language's to `/404.html` (the only one GitHub Pages
serves) and each other one to `/<lang>/404.html` (Cloudflare Pages and Netlify
serve the nearest one).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HOME_TEMPLATE = "home.html"
NOT_FOUND = "404.html"


@dataclass(frozen=True)
class Link:
    title: str
    url: str  # site-root-relative, as MkDocs' File.url ("faq/forgot-password/")
    description: str = ""
    id: str = ""


@dataclass
class HomeData:
    most_asked: list[Link] = field(default_factory=list)
    categories: list[Link] = field(default_factory=list)
    faq: Link | None = None
    contact: Link | None = None
    safety: Link | None = None
    verify: Link | None = None


def page_language(config) -> str:
    """The language of the build running now (mkdocs-static-i18n sets theme.language)."""
    return str(config.theme.get("language") or "en")


def language_roots(config) -> dict[str, str]:
    """Each built language's root, root-relative ("" for the default, "en/")."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return {page_language(config): ""}
    roots = {}
    for lang in plugin.config.languages:
        if lang.build:
            roots[lang.locale] = "" if lang.default else str(lang.link or f"/{lang.locale}/").strip("/") + "/"
    return roots


def _page(files, src_uri: str):
    file = files.get_file_from_path(src_uri) if files is not None else None
    return getattr(file, "page", None) if file is not None else None


def _link(files, src_uri: str, description: str = "") -> Link | None:
    page = _page(files, src_uri)
    if page is None:
        return None
    return Link(title=str(page.title or ""), url=page.file.url, description=description)


def _lang_dir(page_src_uri: str) -> str:
    return posixpath.dirname(page_src_uri)


def section_links(files, lang_dir: str, link_policy: dict[str, Any]) -> HomeData:
    """The pages every reader may need from anywhere: FAQ index, contact, safety,
    and the official-channel checker once it exists (verify.md)."""
    join = (lambda p: posixpath.join(lang_dir, p)) if lang_dir else (lambda p: p)
    faq_dir = str(link_policy.get("faq_dir", "faq"))
    return HomeData(
        faq=_link(files, join(f"{faq_dir}/index.md")),
        contact=_link(files, join(str(link_policy.get("contact_page", "contact.md")))),
        safety=_link(files, join("safety.md")),
        verify=_link(files, join("verify.md")),
    )


def _has_anchor(page, anchor: str) -> bool:
    if page is None:
        return False

    def walk(items) -> bool:
        return any(getattr(item, "id", None) == anchor or walk(getattr(item, "children", [])) for item in items)

    return walk(getattr(page, "toc", []) or []) or f'id="{anchor}"' in (page.content or "")


def home_data(page, config, files, lang: str) -> tuple[HomeData, list[str]]:
    """What home.html shows, and the problems to report (as build warnings)."""
    meta = page.meta or {}
    src = page.file.src_uri
    lang_dir = _lang_dir(src)
    policy = config.extra.get("link_policy") or {}
    data = section_links(files, lang_dir, policy)
    problems: list[str] = []

    for entry in meta.get("most_asked") or []:
        target = posixpath.normpath(posixpath.join(lang_dir, str(entry)))
        target_page = _page(files, target)
        if target_page is None:
            problems.append(f"docs/{src}: most_asked names '{entry}', which is not a page in this language.")
            continue
        description = str((target_page.meta or {}).get("description") or "").strip()
        if not description:
            problems.append(
                f"docs/{src}: most_asked '{entry}' has no front-matter description, "
                "the one-line summary the home page shows under its title."
            )
        data.most_asked.append(Link(title=str(target_page.title or ""), url=target_page.file.url, description=description))

    topics = meta.get("topics") or {}
    faq_index = _page(files, posixpath.join(lang_dir, str(policy.get("faq_dir", "faq")), "index.md"))
    for category in config.extra.get("faq_categories") or []:
        cid = str(category.get("id", ""))
        label = category.get("label") or {}
        title = str(label.get(lang) or label.get("en") or cid)
        if cid not in topics:
            problems.append(f"docs/{src}: topics has no line for the FAQ category '{cid}'.")
        url = data.faq.url if data.faq else ""
        if _has_anchor(faq_index, cid):
            url = f"{url}#{cid}"
        data.categories.append(Link(title=title, url=url, description=str(topics.get(cid, "")), id=cid))
    return data, problems


@dataclass
class NotFoundPages:
    """Each language's rendering of 404.html, written where hosts look for it."""

    rendered: dict[str, str] = field(default_factory=dict)

    def keep(self, lang: str, html: str) -> None:
        self.rendered[lang] = html

    def write(self, site_dir: Path, roots: dict[str, str]) -> list[Path]:
        written = []
        for lang, html in self.rendered.items():
            root = roots.get(lang)
            if root is None:
                continue
            path = site_dir / root / NOT_FOUND
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
            written.append(path)
        return written
