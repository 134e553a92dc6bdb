"""Search a built site offline, the way its search box does.

    .venv/bin/python scripts/search.py "忘记密码怎么办"
    .venv/bin/python scripts/search.py --lang en -n 5 "recovery phrase"
    .venv/bin/python scripts/search.py --site site-offline --lang zh 账户被盗

Build the site first (`.venv/bin/mkdocs build`); the default --site is ./site.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .engine import SearchEngine, index_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query", nargs="+", help="what to search for")
    parser.add_argument("--lang", default="zh", help="zh (default) or en")
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site folder (default: site)")
    parser.add_argument("-n", type=int, default=10, help="how many results (default 10)")
    args = parser.parse_args(argv)
    path = index_path(args.site, args.lang)
    if not path.is_file():
        print(f"search: no index at {path}; build the site first (.venv/bin/mkdocs build).", file=sys.stderr)
        return 2
    engine = SearchEngine.load(args.site, args.lang)
    hits = engine.search(" ".join(args.query), limit=args.n)
    if not hits:
        print("no results")
        return 1
    for rank, hit in enumerate(hits, 1):
        print(f"{rank:2d}. {hit.title}  {hit.url}")
    return 0
