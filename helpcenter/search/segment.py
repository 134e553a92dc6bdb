"""Chinese query segmentation, ported line for line from Material's search worker
(src/templates/assets/javascripts/integrations/search/query/segment/index.ts,
Material for MkDocs 9.8.1), so the command-line search splits a query exactly as
the browser does: into the words the index knows."""

from __future__ import annotations

from collections.abc import Container

from backrefs import bre

# The worker's /\p{sc=Han}+/u, through the same library Material's Python side uses.
HAN = bre.compile(r"\p{script: Han}+")


def segment(query: str, vocabulary: Container[str]) -> list[str]:
    """The segments Material builds for a run of Han characters (insertion order)."""
    segments: dict[str, None] = {}
    wordcuts = [0] * len(query)
    for i in range(len(query)):
        for j in range(i + 1, len(query)):
            if query[i:j] in vocabulary:
                wordcuts[i] = j - i
    stack = [0]
    while stack:
        p = stack.pop()
        for q in range(1, wordcuts[p]):
            if wordcuts[p + q] > wordcuts[p] - q:
                segments[query[p : p + q]] = None
                stack.append(p + q)
        q = p + wordcuts[p]
        if q < len(query) and wordcuts[q] and q < len(query) - 1:
            stack.append(q)
        segments[query[p:q]] = None
    if "" in segments:
        return [query]
    return list(segments)


def segment_query(query: str, vocabulary: Container[str]) -> str:
    """Material's first query step: each Han run becomes its segments joined by '* '."""
    return HAN.sub(lambda m: "* ".join(segment(m.group(0), vocabulary)), query)
