"""What the writers' workflow changes in the built site: every page says when it was
last updated (from git) in its own language, a new FAQ that is not committed yet
still builds under --strict and appears in the nav and both FAQ lists without any
other edit, and the `_headers` file for static hosts allows exactly the scripts the
pages run. Two builds: the real site (the session's `site` fixture) and, once for
this module, a copy of it in a fresh git repository with one dated commit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpcenter.guard.project import load_settings
from helpcenter.headers import long_lines, parse_headers, script_hash
from helpcenter.scaffold.scaffold import create_faq

from conftest import ENV, MKDOCS, ROOT, built_path

COMMIT_DATE = "2024-03-05T12:00:00+00:00"
ZH_DATE, EN_DATE = "2024年3月5日", "March 5, 2024"
UPDATED = re.compile(r'(最后更新：|Last update: )<span class="git-revision-date-localized-plugin[^"]*"[^>]*>([^<]+)</span>')


def last_updated(html: str) -> tuple[str, str]:
    found = UPDATED.findall(html)
    assert len(found) == 1, found
    return found[0]


def git(cwd: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="Writer",
        GIT_AUTHOR_EMAIL="writer@example.invalid",
        GIT_AUTHOR_DATE=COMMIT_DATE,
        GIT_COMMITTER_NAME="Writer",
        GIT_COMMITTER_EMAIL="writer@example.invalid",
        GIT_COMMITTER_DATE=COMMIT_DATE,
    )
    subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=cwd, env=env, check=True, capture_output=True
    )


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The site copied into a new git repository (one commit, dated COMMIT_DATE),
    plus a scaffolded FAQ that is not committed, built once with --strict."""
    if shutil.which("git") is None:
        pytest.skip("needs git")
    root = tmp_path_factory.mktemp("fresh")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "site")
    create_faq(load_settings(root / "mkdocs.yml"), "change-wallet-name", {"zh": "如何修改钱包名称？", "en": "How do I rename my wallet?"})
    result = subprocess.run(MKDOCS + ["build", "--strict", "-d", str(root / "out")], cwd=root, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "out"


@pytest.mark.build
@pytest.mark.parametrize("page", ["index.md", "faq/index.md", "faq/forgot-password.md", "contact.md"])
def test_last_updated_is_the_commit_date_in_each_pages_language(fresh, page):
    assert last_updated(built_path(fresh, page, "zh").read_text(encoding="utf-8")) == ("最后更新：", ZH_DATE)
    assert last_updated(built_path(fresh, page, "en").read_text(encoding="utf-8")) == ("Last update: ", EN_DATE)


@pytest.mark.build
def test_uncommitted_faq_builds_strictly_and_shows_a_date_in_each_language(fresh):
    zh = last_updated(built_path(fresh, "faq/change-wallet-name.md", "zh").read_text(encoding="utf-8"))
    en = last_updated(built_path(fresh, "faq/change-wallet-name.md", "en").read_text(encoding="utf-8"))
    # git has no history for it: the build date, which is after the commit
    assert zh[0] == "最后更新：" and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", zh[1]) and zh[1] != ZH_DATE
    assert en[0] == "Last update: " and re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", en[1]) and en[1] != EN_DATE


@pytest.mark.build
@pytest.mark.parametrize("lang, title", [("zh", "如何修改钱包名称？"), ("en", "How do I rename my wallet?")])
def test_new_faq_appears_in_the_nav_and_the_faq_list_without_other_edits(fresh, lang, title):
    index = built_path(fresh, "faq/index.md", lang).read_text(encoding="utf-8")
    article = index[index.index("<article") : index.index("</article>")]
    assert f'<a href="change-wallet-name/">{title}</a>' in article  # the FAQ list
    nav = index[index.index("md-nav--primary") : index.index("md-nav--secondary")]
    assert "change-wallet-name/" in nav and title in nav  # the navigation
    listed = re.findall(r'<li><a href="([a-z-]+)/">', article)
    faqs = [p for p in (ROOT / "docs" / lang / "faq").glob("*.md") if p.name != "index.md"]
    assert "change-wallet-name" in listed and len(listed) == len(set(listed)) == len(faqs) + 1


class _Scripts(HTMLParser):
    """Inline scripts a browser runs, read independently of helpcenter/headers/."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and "src" not in a and (a.get("type") or "text/javascript") in ("text/javascript", "module"):
            self._open = []

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            if "".join(self._open).strip():
                self.bodies.append("".join(self._open))
            self._open = None


def csp_of(site: Path) -> dict[str, list[str]]:
    rules = parse_headers((site / "_headers").read_text(encoding="utf-8"))
    assert list(rules) == ["/*"]
    policy = rules["/*"]["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def test_headers_file_sits_in_the_site_root_only(site):
    assert (site / "_headers").is_file()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("_headers")) == ["_headers"]
    assert not any(p.name == "_headers" for p in (ROOT / "docs").rglob("*"))  # generated, never a page


def test_headers_file_has_the_security_headers(site):
    text = (site / "_headers").read_text(encoding="utf-8")
    assert long_lines(text) == []  # Cloudflare Pages ignores lines over 2,000 characters
    headers = parse_headers(text)["/*"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    csp = csp_of(site)
    assert csp["default-src"] == ["'self'"] and csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in sum(csp.values(), []) and "'unsafe-eval'" not in sum(csp.values(), [])
    assert all(v == "'self'" or v.startswith("'sha256-") or v == "data:" for values in csp.values() for v in values if values != ["'none'"])


def test_csp_allows_exactly_the_inline_scripts_the_pages_run(site):
    inline = set()
    for page in site.rglob("*.html"):
        parser = _Scripts()
        parser.feed(page.read_text(encoding="utf-8"))
        inline |= {script_hash(body) for body in parser.bodies}
    assert len(inline) >= 3  # Material's base-URL, palette and anchor scripts
    assert set(csp_of(site)["script-src"]) == {"'self'"} | inline


@pytest.mark.browser
def test_pages_and_search_run_under_the_policy_without_violations(site, chromium):
    origin = ENV["SITE_URL"].rstrip("/")  # the site's own address, so every request is same-origin
    headers = parse_headers((site / "_headers").read_text(encoding="utf-8"))["/*"]
    types = {
        ".html": "text/html",
        ".js": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".xml": "application/xml",
    }

    def serve(route):
        path = route.request.url[len(origin) :].split("?")[0].split("#")[0]
        file = site / path.lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        status = 200 if file.is_file() else 404
        file = file if status == 200 else site / "404.html"
        route.fulfill(
            status=status, body=file.read_bytes(), headers={**headers, "Content-Type": types.get(file.suffix, "application/octet-stream")}
        )

    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.route(origin + "/**", serve)
        context.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => "
            "(window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))"
        )
        page = context.new_page()
        for path in ("/", "/faq/forgot-password/", "/en/faq/", "/en/contact/", "/no-such-page/"):
            page.goto(origin + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__csp || []") == [], path
            assert page.evaluate("typeof __md_scope") == "object", path  # Material's inline script ran
        page.goto(origin + "/en/")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("password")
        box.press("End")  # Material reads the query on keyup
        page.wait_for_selector(".md-search-result__item")  # the worker and the index loaded
        assert page.evaluate("window.__csp || []") == []
    finally:
        context.close()
