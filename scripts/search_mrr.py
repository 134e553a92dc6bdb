#!/usr/bin/env python3
"""Search quality and size report: MRR per language over tests/search_queries.yml,
and each language's index size (raw and gzipped) against its raw text.

    .venv/bin/mkdocs build && .venv/bin/python scripts/search_mrr.py [--site site] [-v]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import yaml

from helpcenter.search.engine import SearchEngine, index_path, plain_text

ROOT = Path(__file__).resolve().parent.parent


def rank_of(engine: SearchEngine, query: str, page: str, lang: str) -> int | None:
    prefix = "" if lang == "zh" else f"{lang}/"
    urls = [hit.url for hit in engine.search(query, limit=20)]
    wanted = f"/{prefix}{page}/"
    return urls.index(wanted) + 1 if wanted in urls else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("-v", action="store_true", help="print every query's rank")
    args = parser.parse_args()
    queries = yaml.safe_load((ROOT / "tests/search_queries.yml").read_text(encoding="utf-8"))
    for lang, cases in queries.items():
        engine = SearchEngine.load(args.site, lang)
        ranks = [rank_of(engine, case["q"], case["page"], lang) for case in cases]
        mrr = sum(1 / r for r in ranks if r) / len(ranks)
        first = sum(1 for r in ranks if r == 1)
        raw = index_path(args.site, lang).read_bytes()
        docs = json.loads(raw)["docs"]
        text = sum(len(plain_text(d.get("title", "") + " " + d.get("text", "")).replace("\u200b", "").encode()) for d in docs)
        print(
            f"{lang}: MRR {mrr:.3f} over {len(cases)} queries ({first} first); index {len(raw) / 1024:.1f} KiB raw, "
            f"{len(gzip.compress(raw)) / 1024:.1f} KiB gzipped, {len(docs)} entries, text {text / 1024:.1f} KiB"
        )
        if args.v:
            for case, rank in zip(cases, ranks):
                print(f"   {rank or '-':>2}  {case['q']}  -> {case['page']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
