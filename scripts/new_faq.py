#!/usr/bin/env python3
"""Create a new FAQ as a draft in every language. See helpcenter/scaffold/cli.py."""

import sys

from helpcenter.scaffold.cli import new_faq

if __name__ == "__main__":
    sys.exit(new_faq())
