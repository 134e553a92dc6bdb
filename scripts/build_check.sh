#!/usr/bin/env bash
# Strict build of both languages: what pre-commit, the pull-request workflow and the
# test command run. Every warning fails it (no --quiet: it would hide them) and is
# printed at its file:line, also MkDocs' own (broken link, anchor, nav), e.g.
#   docs/zh/faq/x.md:12: [broken-link] 'nope.md' points at 'zh/faq/nope.md', …
# Pass --github for pull-request annotations, --site DIR to keep the output.
# See helpcenter/guard/gate.py.
set -euo pipefail
cd "$(dirname "$0")/.."
NO_MKDOCS_2_WARNING=1 exec .venv/bin/helpcenter-build-check "$@"
