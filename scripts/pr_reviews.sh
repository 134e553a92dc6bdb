#!/usr/bin/env bash
# The reviews of one pull request, as GitHub's REST API returns them (every page),
# for `helpcenter-registry-diff --reviews FILE` (.github/workflows/registry-review.yml).
#   bash scripts/pr_reviews.sh OWNER/REPO NUMBER > reviews.json
# Uses the GitHub CLI (`gh`, on GitHub's runners) with GH_TOKEN; reads only.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 OWNER/REPO NUMBER" >&2; exit 2; }
exec gh api --paginate "repos/$1/pulls/$2/reviews"
