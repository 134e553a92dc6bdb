#!/usr/bin/env bash
# Builds the offline copy: site-offline/ opens from disk (file://…/index.html),
# browses and searches in both languages with no network, and is zipped as
# bitpie-help-offline.zip for sharing. Material's offline plugin does the file://
# work; hooks/search.py gives it the vendored iframe-worker shim and
# per-language search indexes.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/mkdocs ] || bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
OFFLINE=true .venv/bin/mkdocs build --strict -d site-offline
rm -f bitpie-help-offline.zip
.venv/bin/python -m zipfile -c bitpie-help-offline.zip site-offline/
echo "offline copy: site-offline/index.html (zip: bitpie-help-offline.zip)"
