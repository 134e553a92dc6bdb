#!/usr/bin/env bash
# Sets up everything this project needs on a fresh Debian machine with Python 3.11.
#   bash scripts/setup.sh           Python packages for the site and the hook (.venv)
#   bash scripts/setup.sh --dev     ... plus test tools, and Debian's chromium for the
#                                   browser tests (apt; no browser download)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true

if [ "${1:-}" = "--dev" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
  if ! command -v chromium >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    # chromium for the browser tests; fonts-noto-cjk so Chinese renders in screenshots.
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
else
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
fi
# The project's own package (guard, search, scaffold, headers), editable: the hooks
# and scripts import it; its console commands land in .venv/bin.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
