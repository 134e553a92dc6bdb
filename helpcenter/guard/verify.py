"""verify-site: the guard's rendered-page rules over any built site folder.

    helpcenter-verify-site SITE_DIR [--config mkdocs.yml] [--github] [--offline] [--record FILE]

A site built by another engine (Zensical reads mkdocs.yml but ignores `hooks:`,
plugins and `strict`), or deployed by hand, gets no guard during its build. This
command judges what would be published, whoever built it:

- every `.html` file: the article body (Material's `<article>`; the whole `<body>`
  when there is none) with the rules the build's backstop applies (links,
  contacts, raw HTML, typed contacts in the text); the whole page for anything
  that loads from another host at run time (scripts, styles, images, frames);
  outside the article (navigation, header, `<head>`: templates and front-matter
  titles and descriptions), no event-handler attribute and no link the link rules
  refuse;
- `_headers`: present (unless `--offline`), with a Content-Security-Policy whose
  script-src allows no 'unsafe-inline' and lists the hash of every inline script
  the pages hold (an inline script nobody hashed was not built by us);
- a page that refreshes to another address (a renamed page's old address): only
  to this site (`redirect`);
- every `search_index.json`: the text readers can find, through the text rules.

Findings are placed at the line of the built file (paths relative to the current
folder). Exit 1 on any finding.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from helpcenter.headers import HEADERS_FILE, inline_scripts, parse_headers, script_hash

from .catalogue import finding
from .fakes import LABEL
from .findings import Finding, Problem, save_records
from .html import check_document, lines_naming
from .links import LinkChecker
from .project import load_settings
from .prose import pieces
from .runner import build_checker

# Elements that make the browser fetch something as the page loads.
FETCHING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "frame": "src",
    "embed": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "track": "src",
    "object": "data",
    "input": "src",
}
FETCHING_LINKS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "icon",
    "apple-touch-icon",
    "manifest",
    "mask-icon",
    "dns-prefetch",
    "preconnect",
}


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _line(text: str, needle: str) -> int:
    return (lines_naming(text, needle) or [0])[0] + 1


def _foreign(url: str, own_host: str | None) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob") or (not parts.scheme and not parts.netloc):
        return False
    return bool(parts.netloc) and (own_host is None or parts.hostname != own_host)


ICON_TAGS = {"svg", "path", "g", "circle", "rect", "polygon", "polyline", "line", "ellipse", "title"}
ICON_ATTRS = {
    "xmlns",
    "viewbox",
    "d",
    "fill",
    "width",
    "height",
    "class",
    "aria-hidden",
    "focusable",
    "role",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "x",
    "y",
    "x1",
    "x2",
    "y1",
    "y2",
    "points",
    "transform",
    "fill-rule",
    "clip-rule",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
}


def _is_icon(svg) -> bool:
    """An inline SVG made of plain shapes with presentational attributes only."""
    for node in svg.traverse(include_text=False):
        if node.tag not in ICON_TAGS or any(name.lower() not in ICON_ATTRS for name in node.attributes):
            return False
    return True


def _needle(problem: Problem) -> str:
    """The text a problem is about, to find its line in the built file."""
    values = problem.values
    return next(
        (str(values[key]) for key in ("raw", "address", "number", "text", "handle", "host", "name", "short") if values.get(key)), ""
    )


def check_page(path: Path, checker: LinkChecker, own_host: str | None, marked: set[str] | None = None) -> list[Finding]:
    """One built page; `marked` collects the fake examples it shows marked."""
    marked = set() if marked is None else marked
    text = path.read_text(encoding="utf-8", errors="replace")
    rel = _rel(path)
    tree = LexborHTMLParser(text)
    out: list[Finding] = []
    articles = tree.css("article") or tree.css("body")
    inside = {n.mem_id for article in articles for n in article.traverse(include_text=False)}
    for node in tree.root.traverse(include_text=False):
        tag, attrs = node.tag, node.attributes
        if node.mem_id not in inside:
            # Outside the article (navigation, header, <head>) text comes from
            # templates and front matter (titles, descriptions): no event handler,
            # and every link judged like an article's.
            for name, value in attrs.items():
                if name.lower().startswith("on"):
                    out.append(finding("html-event-handler", rel, _line(text, name), tag=tag, attr=name, value=(value or "")[:60]))
            if tag in ("a", "area") and attrs.get("href"):
                out += [problem.at(rel, _line(text, attrs["href"])) for problem in checker.check(attrs["href"], "link")]
        url = attrs.get(FETCHING[tag]) if tag in FETCHING else None
        if tag == "link" and set((attrs.get("rel") or "").lower().split()) & FETCHING_LINKS:
            url = attrs.get("href")
        if url and _foreign(url, own_host):
            out.append(finding("external-resource", rel, _line(text, url), raw=url[:120]))
        if tag == "meta" and (attrs.get("http-equiv") or "").strip().lower() == "refresh":
            # a page that sends the reader elsewhere (a renamed page's old address): only within this site
            target = (attrs.get("content") or "").partition(";")[2].strip()
            target = target.split("=", 1)[1].strip(" '\"") if target.lower().startswith("url") and "=" in target else target
            if target and (_foreign(target, own_host) or (urlsplit(target).scheme or "").lower() not in ("", "http", "https")):
                out.append(finding("redirect", rel, _line(text, target), "external", old=rel, new=target[:120]))
    for article in articles:
        for icon in article.css("svg"):
            if _is_icon(icon):  # the theme's own icons (edit link, dates): shapes only
                icon.decompose()
        html = article.html or ""
        for item in check_document(html, checker):
            out.append(item.problem.at(rel, _line(text, item.needle)))
        for code in article.css("code.hc-fake"):  # declared fake examples, shown marked (fakes.py)
            marked.add(
                code.text(deep=True)
                .removeprefix(code.css_first(".hc-fake__label").text() if code.css_first(".hc-fake__label") else "")
                .strip()
                .lower()
            )
            code.decompose()
        body = article.text(deep=True, separator="\n")
        for problem in (p for piece in pieces(body) for p in checker.check_text(piece)):
            out.append(problem.at(rel, _line(text, _needle(problem))))
    return out


def check_headers(site: Path, pages: list[Path]) -> list[Finding]:
    path = site / HEADERS_FILE
    rel = _rel(path)
    if not path.is_file():
        return [finding("headers-missing", rel, 1)]
    text = path.read_text(encoding="utf-8")
    policy = next((rules.get("Content-Security-Policy", "") for rules in parse_headers(text).values()), "")
    line = _line(text, "Content-Security-Policy")
    script_src = next((part.strip() for part in policy.split(";") if part.strip().startswith("script-src")), "")
    if not script_src:
        return [finding("headers-csp", rel, line, "missing")]
    out = []
    if "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src:
        out.append(finding("headers-csp", rel, line, "unsafe"))
    allowed = set(script_src.split())
    for page in pages:
        html = page.read_text(encoding="utf-8", errors="replace")
        for body in inline_scripts(html):
            if script_hash(body) not in allowed:
                out.append(finding("inline-script-unlisted", _rel(page), _line(html, body.strip().split("\n")[0][:60])))
    return out


def check_search(site: Path, checker: LinkChecker, marked: set[str] = frozenset()) -> list[Finding]:
    out = []
    for path in sorted(site.rglob("search_index.json")):
        try:
            docs = json.loads(path.read_text(encoding="utf-8")).get("docs", [])
        except (OSError, ValueError) as error:
            out.append(finding("search-index", _rel(path), 1, error=str(error)[:200]))
            continue
        for doc in docs:
            entry = LexborHTMLParser(f"<p>{doc.get('title', '')}</p>{doc.get('text', '')}".replace("\u200b", ""))
            for code in entry.css("code"):  # the index keeps no classes: a fake shown marked on a page is exempt here
                text = code.text(deep=True).strip()
                for label in LABEL.values():
                    text = text.removeprefix(label).strip()
                if text.lower() in marked:
                    code.decompose()
            text = entry.body.text(deep=True, separator="\n") if entry.body else ""
            for problem in (p for piece in pieces(text) for p in checker.check_text(piece)):
                out.append(problem.at(_rel(path), 1, frame="search"))
    return out


def verify_site(site: Path, config: Path, offline: bool = False) -> list[Finding]:
    settings = load_settings(config)
    checker, _ = build_checker(settings)
    own = urlsplit(str((settings.yaml.data if settings.yaml else {}).get("site_url") or "")).hostname
    pages = sorted(site.rglob("*.html"))
    findings: list[Finding] = []
    marked: set[str] = set()
    for page in pages:
        findings += check_page(page, checker, own, marked)
    if not offline:
        findings += check_headers(site, pages)
    findings += check_search(site, checker, marked)
    return sorted(set(findings))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="verify-site", description="Check a built site folder with the guard's rendered-page rules.")
    parser.add_argument("site", type=Path, help="the built site folder (e.g. site/)")
    parser.add_argument("--config", "-f", type=Path, default=Path("mkdocs.yml"), help="mkdocs.yml with the registry and link policy")
    parser.add_argument("--github", action="store_true", help="print GitHub Actions annotations")
    parser.add_argument("--offline", action="store_true", help="the file:// copy: no _headers expected")
    parser.add_argument("--lang", choices=("zh", "en"), help="print every message in one language (default: English)")
    parser.add_argument(
        "--record", type=Path, metavar="FILE", help="also save the findings as JSON for the job summary (helpcenter-summary)"
    )
    args = parser.parse_args(argv)
    if not args.config.is_file() or not args.site.is_dir():
        print(f"verify-site: {args.config if not args.config.is_file() else args.site} not found.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    findings = verify_site(args.site, args.config, args.offline)
    for found in findings:
        print(found.github(args.lang) if args.github else found.text(args.lang))
    if args.record:
        save_records(findings, args.record)
    pages = sum(1 for _ in args.site.rglob("*.html"))
    verdict = f"{len(findings)} problem(s)" if findings else "no problems"
    print(f"verify-site: {verdict} in {pages} page(s), {time.perf_counter() - started:.2f}s", file=sys.stderr)
    return 1 if findings else 0
