"""Security headers for static hosts that read a `_headers` file (Cloudflare Pages,
Netlify), written into the site root after every build.

The Content-Security-Policy allows only this site's own files. Material for MkDocs
puts a few small inline scripts in every page (its base-URL, palette and anchor
helpers; the base URL differs with the page's depth), so the policy lists each
distinct inline script by its SHA-256 hash, read from the pages actually built:
no 'unsafe-inline', and nothing to update by hand when Material changes them.
JSON blocks (`application/json`, `application/ld+json`) are data, not scripts, and
need no hash. Material's CSS draws its icons from `data:` SVGs, hence `img-src data:`.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

HEADERS_FILE = "_headers"
MAX_LINE = 2000  # Cloudflare Pages ignores longer `_headers` lines
# <script type="..."> values a browser executes (an empty or absent type, too).
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"}


@dataclass(frozen=True)
class HeaderPolicy:
    """The headers every page gets, apart from the script hashes."""

    csp: tuple[tuple[str, str], ...] = (
        ("default-src", "'self'"),
        ("script-src", "'self'"),  # + the inline scripts' hashes
        ("style-src", "'self'"),
        ("img-src", "'self' data:"),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),  # the search index
        ("worker-src", "'self'"),  # the search worker
        ("manifest-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
        ("frame-ancestors", "'none'"),
    )
    other: tuple[tuple[str, str], ...] = (
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        # Which article a reader opened (e.g. "account stolen") is nobody else's business.
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    )


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run in this page, read by an
    HTML5 parser (lexbor, as browsers parse: comments, CDATA and `</script` inside
    strings handled as they are in a browser)."""
    bodies = []
    for node in LexborHTMLParser(html).css("script"):
        attrs = node.attributes
        if "src" in attrs or (attrs.get("type") or "").strip().lower() not in _JS_TYPES:
            continue
        body = node.text(deep=True)
        if body.strip():
            bodies.append(body)
    return bodies


def script_hash(body: str) -> str:
    """The CSP source for one inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_script_hashes(site_dir: Path) -> list[str]:
    """Every distinct inline script in the built site, as CSP sources, sorted."""
    hashes = {
        script_hash(body)
        for page in site_dir.rglob("*.html")
        for body in inline_scripts(page.read_text(encoding="utf-8", errors="replace"))
    }
    return sorted(hashes)


def content_security_policy(hashes: Iterable[str], policy: HeaderPolicy = HeaderPolicy()) -> str:
    parts = []
    for directive, value in policy.csp:
        if directive == "script-src":
            value = " ".join([value, *hashes])
        parts.append(f"{directive} {value}".strip())
    return "; ".join(parts)


def headers_file(hashes: Iterable[str], policy: HeaderPolicy = HeaderPolicy()) -> str:
    """The `_headers` text: every path gets the same headers."""
    lines = [
        "# Written by hooks/headers.py on every build; do not edit.",
        "/*",
        f"  Content-Security-Policy: {content_security_policy(hashes, policy)}",
    ]
    lines += [f"  {name}: {value}" for name, value in policy.other]
    return "\n".join(lines) + "\n"


def write_headers(site_dir: Path, policy: HeaderPolicy = HeaderPolicy()) -> Path:
    path = site_dir / HEADERS_FILE
    path.write_text(headers_file(site_script_hashes(site_dir), policy), encoding="utf-8")
    return path


def long_lines(text: str) -> list[int]:
    """1-based numbers of the lines a host may refuse for their length."""
    return [n for n, line in enumerate(text.splitlines(), 1) if len(line) > MAX_LINE]


def parse_headers(text: str) -> dict[str, dict[str, str]]:
    """Read a `_headers` file back: path pattern -> {header: value}."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif current is not None and ":" in line:
            name, value = line.strip().split(":", 1)
            current[name.strip()] = value.strip()
    return rules
