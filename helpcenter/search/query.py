"""From what a reader types to the lunr query string, as the browser does it.

Step 1 is ours (overrides/assets/javascripts/workers/search-stemmed.js, the same
rules in JavaScript): segment Chinese runs against the index's words and stem
English words when the index is stemmed. Steps 2 and 3 are Material's: its
segmenter and its transform, which adds a trailing wildcard to every term.
"""

from __future__ import annotations

import re
from collections.abc import Container

from lunr.stemmer import stemmer
from lunr.token import Token

from .segment import segment_query

SENTINEL = "\u3007"
FILLERS = frozenset(["怎么办", "怎么", "如何", "怎样", "什么", "为什么", "吗", "呢", "吧", "啊", "了", "的", "我的", "我", "请问", "一下"])
MAX_WORD = 8
_LATIN = re.compile(r"[A-Za-z]{3,}")
# The runs the worker wrapper segments (the same ranges as its JavaScript).
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def segment_run(run: str, words: Container[str]) -> list[str]:
    """Longest match first against the index's words; unknown characters skipped."""
    out, i = [], 0
    while i < len(run):
        found = next((j - i for j in range(min(len(run), i + MAX_WORD), i, -1) if run[i:j] in words), 0)
        if found:
            word = run[i : i + found]
            if word not in FILLERS:
                out.append(word)
            i += found
        else:
            i += 1
    return out


def prepare(query: str, words: Container[str] | None, stem: bool) -> str:
    """Our step (the worker wrapper's): Chinese segmentation and English stemming."""
    if words is not None:

        def replace(match: re.Match) -> str:
            parts = segment_run(match.group(0), words)
            return " " + " ".join(word + SENTINEL for word in parts) + " " if parts else " "

        query = _RUN.sub(replace, query)
    if stem:
        query = _LATIN.sub(lambda m: str(stemmer(Token(m.group(0).lower()))), query)
    return " ".join(query.split())


def transform(query: str, separator: re.Pattern[str]) -> str:
    """Material's transform: each term split on the separator, with a trailing wildcard."""
    terms = []
    for term in query.split():
        for part in separator.split(term):
            part = part.strip("*")
            if part and not re.fullmatch(r"[*+\-:^~]+", part):
                terms.append(part + "*")
    return " ".join(terms)


def to_lunr(query: str, vocabulary: Container[str], separator: re.Pattern[str], chinese: bool, stem: bool) -> str:
    prepared = prepare(query, vocabulary if chinese else None, stem)
    return transform(segment_query(prepared, vocabulary), separator)
