"""One build's search work: the jieba user dictionary, Chinese segmentation by
rjieba (helpcenter.search.rustcut), page keywords, and the per-language split after
the build. hooks/search.py only forwards MkDocs events here."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import rustcut
from .split import IndexFile, split_index

USERDICT = Path(__file__).with_name("userdict.txt")
SHIM = "assets/javascripts/iframe-worker-shim.js"


def offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def languages(config) -> tuple[str, list[str]]:
    """The default locale and the other built locales (mkdocs-static-i18n)."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return str(config.theme.get("language", "en")), []
    langs = list(plugin.config.languages)
    default = next(lang.locale for lang in langs if lang.default)
    return default, [lang.locale for lang in langs if not lang.default and lang.build]


@dataclass
class SearchBuild:
    keywords: dict[str, list[str]] = field(default_factory=dict)

    def configure(self, config) -> None:
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None and not search.config.get("jieba_dict_user"):
            search.config["jieba_dict_user"] = str(USERDICT)
        if search is not None:
            rustcut.install(search)
        if offline(config):
            polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
            config.extra["polyfills"] = polyfills + [SHIM]

    def remember(self, page) -> None:
        words = page.meta.get("keywords")
        if isinstance(words, list):
            self.keywords[page.url] = [str(w).strip() for w in words if str(w).strip()]

    def finish(self, config, site: Path) -> list[IndexFile]:
        default, others = languages(config)
        written = split_index(site, default, others, offline=offline(config), keywords=self.keywords)
        for lang in others:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                if (site / name).is_file() and (site / lang).is_dir():
                    shutil.copyfile(site / name, site / lang / name)
        return written
