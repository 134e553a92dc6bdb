#!/usr/bin/env python3
"""Standalone content check (same rules as the build). See hooks/helpguard/cli.py."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from helpguard.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
