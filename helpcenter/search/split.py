"""Split the merged search index into one index per language.

mkdocs-static-i18n writes every language into site/search/search_index.json. We
rewrite it after the build: site/search/ keeps the default language, and
site/<lang>/search/ gets the others, with locations relative to that language's
root (the pages' search `base` points there; see overrides/main.html). Offline
builds also get the search_index.js each folder needs under file://.
Each written index names its language (`scope`), so running the split again
changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .languages import for_locale


@dataclass(frozen=True)
class IndexFile:
    locale: str
    path: Path
    docs: int
    size: int


def split_index(
    site_dir: Path, default: str, others: list[str], offline: bool, keywords: dict[str, list[str]] | None = None
) -> list[IndexFile]:
    """`keywords` maps a page URL ("en/faq/x/") to its front-matter keywords."""
    keywords = keywords or {}
    merged_path = site_dir / "search" / "search_index.json"
    if not merged_path.is_file():
        return []
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    if "scope" in merged:  # already split (this build ran the step before): leave it as it is
        return []
    buckets: dict[str, list[dict]] = {default: [], **{lang: [] for lang in others}}
    for doc in merged.get("docs", []):
        location = doc.get("location", "")
        if keywords.get(location):
            doc = {**doc, "keywords": "\u200b".join(keywords[location])}
        lang = next((other for other in others if location == other or location.startswith(other + "/")), default)
        if lang != default:
            doc = {**doc, "location": location[len(lang) + 1 :]}
        buckets[lang].append(doc)
    written = []
    for lang, docs in buckets.items():
        folder = site_dir / "search" if lang == default else site_dir / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(
            {"config": for_locale(lang).index_config(), "docs": docs, "scope": lang}, ensure_ascii=False, separators=(",", ":")
        )
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if offline:
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
        written.append(IndexFile(lang, folder / "search_index.json", len(docs), len(text.encode("utf-8"))))
    return written
