#!/usr/bin/env python3
"""Fail while a page still holds the scaffold's TODO placeholders. See hooks/helpscaffold/cli.py."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from helpscaffold.cli import check_drafts  # noqa: E402

if __name__ == "__main__":
    sys.exit(check_drafts())
