#!/usr/bin/env python3
"""Search a built site offline, the way its search box does. See helpcenter/search/cli.py."""

import sys

from helpcenter.search.cli import main

if __name__ == "__main__":
    sys.exit(main())
