#!/usr/bin/env python3
"""Create a new FAQ as a draft in every language. See hooks/helpscaffold/cli.py."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from helpscaffold.cli import new_faq  # noqa: E402

if __name__ == "__main__":
    sys.exit(new_faq())
