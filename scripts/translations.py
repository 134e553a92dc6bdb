#!/usr/bin/env python3
"""Translation status: pages whose twin changed, and --mark. See helpcenter/scaffold/translations.py."""

import sys

from helpcenter.scaffold.translations import main

if __name__ == "__main__":
    sys.exit(main())
