"""Offline search over a built site's per-language index, the way the browser
searches it: the same index file, tokens, pipeline, field boosts and query steps.

    engine = SearchEngine.load(Path("site"), "zh")
    engine.search("忘记密码怎么办")  -> [Hit(title, url, score), ...] one per page
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from lunr.builder import Builder
from lunr.exceptions import QueryParseError
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.trimmer import trimmer

from .query import to_lunr


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    score: float


def index_path(site: Path, lang: str, default: str = "zh") -> Path:
    folder = site / "search" if lang == default else site / lang / "search"
    return folder / "search_index.json"


class SearchEngine:
    def __init__(self, index: dict, url_prefix: str = "") -> None:
        config = index["config"]
        self.docs = {doc["location"]: doc for doc in index["docs"]}
        self.prefix = url_prefix
        self.separator = re.compile(config["separator"])
        self.stem = "stemmer" in config.get("pipeline", [])
        self.chinese = "zh" in config.get("lang", [])
        builder = Builder()
        builder.ref("location")
        builder.b(0)  # as Material: no length normalisation
        # Material's worker keeps the lunr functions named in config.pipeline, in this order.
        steps = {"trimmer": trimmer, "stopWordFilter": stop_word_filter, "stemmer": stemmer}
        for name in ("trimmer", "stopWordFilter", "stemmer"):
            if name in config.get("pipeline", []):
                builder.pipeline.add(steps[name])
        if self.stem:
            builder.search_pipeline.add(stemmer)
        for name, spec in config.get("fields", {}).items():
            builder.field(name, boost=spec.get("boost", 1), extractor=self._extractor(name))
        self.vocabulary: set[str] = set()
        for doc in index["docs"]:
            builder.add(doc, {"boost": doc["boost"]} if "boost" in doc else None)
        self.index = builder.build()

    def _extractor(self, name: str):
        def extract(doc: dict) -> list[str]:
            value = doc.get(name)
            if value is None:
                return []
            text = " ".join(value) if isinstance(value, list) else plain_text(str(value))
            tokens = [t.lower() for t in self.separator.split(text) if t]
            self.vocabulary.update(tokens)
            return tokens

        return extract

    @classmethod
    def load(cls, site: Path, lang: str, default: str = "zh") -> SearchEngine:
        data = json.loads(index_path(site, lang, default).read_text(encoding="utf-8"))
        return cls(data, url_prefix="" if lang == default else f"{lang}/")

    def lunr_query(self, query: str) -> str:
        return to_lunr(query, self.vocabulary, self.separator, self.chinese, self.stem)

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        lunr_query = self.lunr_query(query)
        if not lunr_query:
            return []
        try:
            results = self.index.search(lunr_query)
        except QueryParseError:
            return []
        hits: dict[str, Hit] = {}
        for result in results:
            page = result["ref"].split("#", 1)[0]
            if page not in hits:
                doc = self.docs.get(page) or self.docs[result["ref"]]
                title = re.sub("[\u200b]", "", plain_text(doc.get("title", "")))
                hits[page] = Hit(title, "/" + self.prefix + page, result["score"])
            if len(hits) >= limit:
                break
        return list(hits.values())
