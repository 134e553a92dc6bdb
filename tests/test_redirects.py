"""Issue 15: a renamed page's old address keeps answering, in the hosted and the
offline build, and the redirect map in mkdocs.yml is guarded.

A copy of the real project has one FAQ renamed with helpcenter-rename-faq, then is
built as the host gets it and as scripts/build_offline.sh makes it. For each
language, the old address's file exists, speaks the language, and its refresh and
link resolve to the new page's built file; verify-site passes; the `_headers`
policy lists the page's one inline script; in Chromium, under that policy, the old
address lands on the new page with its #section and no policy violation (also from
file://). Bad redirect entries are findings at their mkdocs.yml line, the same in
the check and the strict build."""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from helpcenter.guard.project import load_settings
from helpcenter.guard.verify import verify_site
from helpcenter.headers import inline_scripts, parse_headers, script_hash
from helpcenter.reader.redirects import SCRIPT
from helpcenter.scaffold.rename import rename_faq

from conftest import ENV, FAQ_EN, FAQ_ZH, MKDOCS, ROOT, Mini, copy_project, serve

OLD, NEW = "account-stolen", "wallet-stolen"
TITLES = {"zh": "钱包被盗", "en": "My wallet was hacked"}
WORDS = {"zh": "这个页面已移到新地址", "en": "This page has moved to a new address"}


@pytest.fixture(scope="module")
def renamed(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("renamed"))
    rename_faq(load_settings(root / "mkdocs.yml"), OLD, NEW)
    return root


def _build(root: Path, out: str, **env: str) -> Path:
    done = subprocess.run(MKDOCS + ["build", "--strict", "-d", out], cwd=root, env={**ENV, **env}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr, done.stderr[-3000:]
    return root / out


@pytest.fixture(scope="module")
def hosted(renamed: Path) -> Path:
    return _build(renamed, "site")


@pytest.fixture(scope="module")
def offline(renamed: Path) -> Path:
    return _build(renamed, "site-offline", OFFLINE="true")


def _old_file(site: Path, lang: str, offline: bool, slug: str = OLD) -> Path:
    base = site if lang == "zh" else site / "en"
    return base / "faq" / (f"{slug}.html" if offline else f"{slug}/index.html")


def _resolve(page: Path, site: Path, url: str) -> Path:
    """The built file a relative link on `page` opens (a folder: its index.html)."""
    assert "://" not in url and not url.startswith("/"), url
    target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), url.split("#")[0])))
    target = target / "index.html" if url.split("#")[0].endswith("/") else target
    assert target.resolve().is_relative_to(site.resolve()), target
    return target


@pytest.mark.build
@pytest.mark.parametrize("offline_build", [False, True], ids=["hosted", "offline"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_old_address_leads_to_the_new_page(request, lang: str, offline_build: bool) -> None:
    site = request.getfixturevalue("offline" if offline_build else "hosted")
    old = _old_file(site, lang, offline_build)
    assert old.is_file(), sorted(p.relative_to(site).as_posix() for p in site.rglob(f"*{OLD}*"))
    html = old.read_text(encoding="utf-8")
    tree = LexborHTMLParser(html)
    assert tree.css_first("html").attributes["lang"] == lang
    refresh = tree.css_first('meta[http-equiv="refresh"]').attributes["content"]
    assert refresh.startswith("0; url=")
    link = tree.css_first("a#hc-moved")
    assert WORDS[lang] in tree.body.text() and TITLES[lang] in link.text()  # readable without script, in its language
    new = _old_file(site, lang, offline_build, NEW)
    assert new.is_file()
    for url in (refresh.removeprefix("0; url="), link.attributes["href"]):
        assert _resolve(old, site, url) == new
        assert url.endswith(".html") == offline_build  # file:// opens files, not folders
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing from another host
    assert inline_scripts(html) == [SCRIPT]


@pytest.mark.build
def test_hosted_build_passes_verify_site_and_lists_the_script(hosted: Path, renamed: Path) -> None:
    assert verify_site(hosted, renamed / "mkdocs.yml") == []
    policy = parse_headers((hosted / "_headers").read_text(encoding="utf-8"))["/*"]["Content-Security-Policy"]
    assert f"'{script_hash(SCRIPT)}'" in policy.split() or script_hash(SCRIPT) in policy


@pytest.mark.build
def test_offline_build_passes_verify_site(offline: Path, renamed: Path) -> None:
    assert verify_site(offline, renamed / "mkdocs.yml", offline=True) == []


@pytest.mark.build
def test_verify_site_refuses_a_redirect_to_another_host(hosted: Path, renamed: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(hosted, copy)
    old = _old_file(copy, "en", False)
    old.write_text(old.read_text(encoding="utf-8").replace("url=../", "url=https://bitpie-help.example/"), encoding="utf-8")
    found = verify_site(copy, renamed / "mkdocs.yml")
    assert [(f.code, f.case) for f in found] == [("redirect", "external")], [f.text() for f in found]


@pytest.mark.browser
def test_old_address_in_chromium_under_the_policy(hosted: Path, offline: Path, chromium) -> None:
    headers = parse_headers((hosted / "_headers").read_text(encoding="utf-8"))["/*"]
    with serve(hosted, headers=headers) as origin:
        for lang, prefix in (("zh", ""), ("en", "en/")):
            page = chromium.new_page()
            messages: list[str] = []
            page.on("console", lambda message, messages=messages: messages.append(message.text))
            page.goto(f"{origin}/{prefix}faq/{OLD}/#steps")
            page.wait_for_url(re.compile(rf"/{prefix}faq/{NEW}/#steps$"))
            assert TITLES[lang] in page.title()
            assert not [m for m in messages if "Content Security Policy" in m], messages
            page.close()
    page = chromium.new_page()
    page.goto(_old_file(offline, "en", True).as_uri())
    page.wait_for_url(re.compile(rf"/en/faq/{NEW}\.html$"))
    page.close()


# -- the guard: bad entries are findings at their line, in the check and the build ------

BAD_MAP = """\
  - redirects:
      redirect_maps:
        en/faq/gone.md: https://bitpie-help.example/
        zh/faq/gone.md: zh/faq/nope.md
        zh/contact.md: zh/about.md
        en/about/index.md: en/contact.md
        en/faq/cross.md: zh/faq/forgot-password.md
        en/faq/folder/: en/faq/forgot-password.md
        zh/faq/fine.md: zh/faq/forgot-password.md
"""


def _with_map(config: Path) -> dict[str, int]:
    text = config.read_text(encoding="utf-8")
    if "      redirect_maps: {}\n" in text:  # the project's own map (empty)
        text = text.replace("      redirect_maps: {}\n", BAD_MAP.split("\n", 1)[1], 1)
    else:
        text = text.replace("plugins:\n", "plugins:\n" + BAD_MAP, 1)
    config.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    return {
        key: lines.index(next(line for line in lines if line.strip().startswith(key + ":"))) + 1
        for key in ("en/faq/gone.md", "zh/faq/gone.md", "zh/contact.md", "en/about/index.md", "en/faq/cross.md", "en/faq/folder/")
    }


def test_bad_redirects_are_findings_at_their_line(mini: Mini) -> None:
    mini.write("zh/faq/forgot-password.md", FAQ_ZH)
    mini.write("en/faq/forgot-password.md", FAQ_EN)
    mini.write("zh/about.md", "# 关于\n\n内容。\n")
    mini.write("en/about.md", "# About\n\nText.\n")
    lines = _with_map(mini.config)
    found = {(f.line, f.case) for f in mini.findings() if f.code == "redirect"}
    assert found == {
        (lines["en/faq/gone.md"], "external"),
        (lines["zh/faq/gone.md"], "missing"),
        (lines["zh/contact.md"], "live"),
        (lines["en/about/index.md"], "live"),
        (lines["en/faq/cross.md"], "language"),
        (lines["en/faq/folder/"], "format"),
    }
    assert all(f.path == "mkdocs.yml" for f in mini.findings() if f.code == "redirect")
    text = next(f for f in mini.findings() if f.case == "live").text("zh")
    assert "仍是本站的一个页面" in text


def test_a_map_that_is_not_a_mapping_is_a_finding(mini: Mini) -> None:
    text = mini.config.read_text(encoding="utf-8")
    text = text.replace("plugins:\n", "plugins:\n  - redirects:\n      redirect_maps: [a, b]\n", 1)
    mini.config.write_text(text, encoding="utf-8")
    line = text.split("\n").index("      redirect_maps: [a, b]") + 1
    found = [f for f in mini.findings() if f.code == "redirect"]
    assert [(f.line, f.case) for f in found] == [(line, "format")]


LINE = re.compile(r"^(?:WARNING -  )?mkdocs\.yml:(?P<line>\d+): \[(?P<code>[\w-]+)\]", re.M)


@pytest.mark.build
def test_check_and_build_report_the_same_redirect_problems(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    lines = _with_map(root / "mkdocs.yml")
    check = subprocess.run([str(ROOT / ".venv/bin/helpcenter-check")], cwd=root, capture_output=True, text=True, env=ENV)
    build = subprocess.run([str(ROOT / ".venv/bin/helpcenter-build-check")], cwd=root, capture_output=True, text=True, env=ENV)
    assert check.returncode == 1 and build.returncode == 1
    from_check = {(int(m["line"]), m["code"]) for m in LINE.finditer(check.stdout)}
    from_build = {(int(m["line"]), m["code"]) for m in LINE.finditer(build.stdout)}
    assert from_check == {(line, "redirect") for line in lines.values()}, check.stdout
    assert from_build == from_check, (build.stdout[-3000:], build.stderr[-3000:])
    assert "does not exist" not in build.stdout + build.stderr  # the plugin never saw a bad entry


def test_rename_hint_needs_a_lookalike(mini: Mini) -> None:
    (mini.root / "docs/zh/faq/forgot.md").unlink()
    mini.write("zh/faq/lost-password.md", FAQ_ZH)
    mini.write("zh/index.md", "# 首页\n\n欢迎。见[常见问题](faq/lost-password.md)。\n")
    hints = {f.path: f for f in mini.findings() if f.code == "missing-translation"}
    assert {path: f.case for path, f in hints.items()} == {"docs/zh/faq/lost-password.md": "renamed", "docs/en/faq/forgot.md": "renamed"}
    assert "helpcenter-rename-faq forgot lost-password" in hints["docs/zh/faq/lost-password.md"].text()
    assert "看起来是同一篇常见问题" in hints["docs/zh/faq/lost-password.md"].text()
    assert "looks like the same FAQ" in hints["docs/en/faq/forgot.md"].text()
    # another category: not the same FAQ; each FAQ gets the command that drafts its translation
    mini.write("zh/faq/lost-password.md", FAQ_ZH.replace("category: wallet", "category: security"))
    plain = {f.path: f for f in mini.findings() if f.code == "missing-translation"}
    assert {f.case for f in plain.values()} == {"faq"}
    assert "运行 `.venv/bin/python scripts/new_faq.py --translate lost-password`" in plain["docs/zh/faq/lost-password.md"].text()
    assert "Run `.venv/bin/python scripts/new_faq.py --translate forgot`" in plain["docs/en/faq/forgot.md"].text()
    # two look-alike orphans: no guess
    mini.write("zh/faq/lost-password.md", FAQ_ZH)
    mini.write("zh/faq/lost-password-2.md", FAQ_ZH)
    assert {f.case for f in mini.findings() if f.code == "missing-translation"} == {"faq"}
