"""One search configuration per language.

Each language gets its own index, so each can have the pipeline that suits it:
- Chinese: jieba's segmentation at build time (with helpcenter/search/userdict.txt;
  computed by rjieba, helpcenter/search/rustcut.py);
  no stemmer, so a Chinese query's trailing wildcard never meets a stemmed token.
- English: lunr's trimmer and stop-word filter, and the Porter stemmer on index
  and query, so "passwords", "recovering" and
  "verification" find "password", "recover" and "verify". (With one merged zh+en
  index, Material's zh settings left English whole words unmatched.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

USER_DICT = Path(__file__).with_name("userdict.txt")


@dataclass(frozen=True)
class SearchLanguage:
    locale: str
    separator: str
    pipeline: tuple[str, ...]
    lunr_langs: tuple[str, ...]
    # Material's fields, plus `keywords`: the page's front-matter keywords (how
    # readers phrase the problem), indexed on the page's main entry only.
    fields: dict = field(
        default_factory=lambda: {
            "title": {"boost": 1000.0},
            "text": {"boost": 1.0},
            "tags": {"boost": 1000000.0},
            "keywords": {"boost": 1500.0},
        }
    )

    def index_config(self) -> dict:
        return {"lang": list(self.lunr_langs), "separator": self.separator, "pipeline": list(self.pipeline), "fields": self.fields}


LANGUAGES = {
    "zh": SearchLanguage("zh", r"[\s\u200b\u3000\-、。，．？！；：“”‘’（）《》【】,.?!;:()\"']+", (), ("zh",)),
    "en": SearchLanguage("en", r"[\s\u200b\-,.?!;:()\"'/]+", ("trimmer", "stopWordFilter", "stemmer"), ("en",)),
}


def for_locale(locale: str) -> SearchLanguage:
    return LANGUAGES.get(locale) or SearchLanguage(locale, r"[\s\-]+", ("stemmer",), (locale,))
