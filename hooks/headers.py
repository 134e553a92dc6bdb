"""MkDocs adapter for helpcenter.headers: writes the `_headers` file (security
headers for Cloudflare Pages and Netlify) into the site root after every build.

on_post_build runs last (after mkdocs-static-i18n has built every language and
hooks/search.py has split the search index), once per outer build, so the
inline-script hashes cover every page of every language. Skipped in the file://
offline build (`OFFLINE=true`), where no server reads it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from helpcenter.buildnest import BuildDepth
from helpcenter.headers import MAX_LINE, long_lines, write_headers
from helpcenter.search.scope import offline

log = logging.getLogger("mkdocs.hooks.headers")
nest = BuildDepth()


def on_pre_build(config) -> None:
    nest.enter()


@event_priority(-400)
def on_post_build(config) -> None:
    if not nest.leave() or offline(config):
        return
    path = write_headers(Path(config.site_dir))
    for line in long_lines(path.read_text(encoding="utf-8")):
        log.warning(
            f"{path.name}:{line} is longer than {MAX_LINE} characters, which Cloudflare Pages ignores: "
            "fewer distinct inline scripts (helpcenter/headers/) would shorten the policy."
        )
    log.debug(f"security headers written to {path}")


def on_build_error(error) -> None:
    nest.reset()
