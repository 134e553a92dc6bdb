#!/usr/bin/env bash
# Sets up everything, then runs every gate and every test: the content check, the
# strict build of both languages (every warning at its file:line), verify-site over
# the built folder, and pytest (rules, gates, build output, search relevance, browser).
# SKIP_SETUP=1 reuses an environment that is already set up (the gate tests run this
# script in a copy of the project that shares this checkout's .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-}" = "1" ] || bash scripts/setup.sh --dev
export NO_MKDOCS_2_WARNING=1
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
.venv/bin/python scripts/check.py
bash scripts/build_check.sh --site "$site"
.venv/bin/helpcenter-verify-site "$site"
.venv/bin/python -m pytest -q "$@"
