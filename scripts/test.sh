#!/usr/bin/env bash
# Sets up everything, then runs every test: the content check, the strict build of
# both languages, and pytest (rules, build output, search relevance, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
export NO_MKDOCS_2_WARNING=1
.venv/bin/python scripts/check.py
.venv/bin/python -m pytest -q "$@"
