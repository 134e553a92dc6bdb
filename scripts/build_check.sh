#!/usr/bin/env bash
# Strict build of both languages into a throwaway folder: what pre-commit and the
# pull-request workflow run. Any warning (a guard finding, a broken link, a page
# missing from the nav) fails it. Output is deleted; to keep it, run
# `.venv/bin/mkdocs build --strict -d DIR` yourself.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet -d "$out"
echo "build_check: strict build of every language passed" >&2
