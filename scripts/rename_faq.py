#!/usr/bin/env python3
"""Rename an FAQ in every language and rewrite links to it. See helpcenter/scaffold/rename.py."""

import sys

from helpcenter.scaffold.cli import rename

if __name__ == "__main__":
    sys.exit(rename())
