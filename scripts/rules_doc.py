#!/usr/bin/env python3
"""Write README.md's rule table from the rule catalogue (helpcenter/guard/catalogue.py),
between `<!-- rules:start -->` and `<!-- rules:end -->`.

    python scripts/rules_doc.py           rewrite the table in README.md
    python scripts/rules_doc.py --check   exit 1 if README.md and the catalogue disagree
"""

import argparse
import sys
from pathlib import Path

from helpcenter.guard.catalogue import RULES_END, RULES_START, rules_table

README = Path(__file__).resolve().parent.parent / "README.md"


def with_table(text: str) -> str:
    head, start, rest = text.partition(RULES_START)
    _, end, tail = rest.partition(RULES_END)
    if not start or not end:
        raise SystemExit(f"rules_doc: {README.name} has no {RULES_START} … {RULES_END} markers")
    return f"{head}{RULES_START}\n{rules_table()}\n{RULES_END}{tail}"


def main() -> int:
    parser = argparse.ArgumentParser(prog="rules_doc", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that README.md is up to date")
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    wanted = with_table(text)
    if args.check:
        if wanted != text:
            print("rules_doc: README.md's rule table differs from the catalogue; run scripts/rules_doc.py", file=sys.stderr)
            return 1
        return 0
    if wanted != text:
        README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
