#!/usr/bin/env python3
"""Standalone content check (the same rules as the build). See helpcenter/guard/cli.py."""

import sys

from helpcenter.guard.cli import main

if __name__ == "__main__":
    sys.exit(main())
