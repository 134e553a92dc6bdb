#!/usr/bin/env python3
"""Fail while a page still holds the scaffold's TODO placeholders. See helpcenter/scaffold/cli.py."""

import sys

from helpcenter.scaffold.cli import check_drafts

if __name__ == "__main__":
    sys.exit(check_drafts())
