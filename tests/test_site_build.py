"""The real site: both languages build under --strict, every page exists in both,
FAQ pages carry FAQPage JSON-LD and absolute hreflang, nothing loads from another
host, and bad input fails the strict build with file:line messages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ENV, MKDOCS, PAGES, ROOT, built_path


class Head(HTMLParser):
    """Collects what a page asks the browser to fetch, and its head metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetched: list[str] = []
        self.alternates: dict[str, str] = {}
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link":
            rel = (a.get("rel") or "").lower()
            if rel == "alternate" and a.get("hreflang"):
                self.alternates[a["hreflang"]] = a.get("href", "")
            elif rel in ("stylesheet", "preconnect", "preload", "icon", "manifest", "modulepreload", "dns-prefetch", "prefetch"):
                self.fetched.append(a.get("href", ""))
        for attr in ("src", "poster", "data"):
            if a.get(attr):
                self.fetched.append(a[attr])
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False


def parse(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def sitemap_alternates(site: Path) -> dict[str, dict[str, str]]:
    """Each page's hreflang alternates, as sitemap.xml gives them: loc -> {lang: href}.
    (The pages' heads carry none: see overrides/main.html, site_meta.)"""
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    return {
        url.findtext("s:loc", namespaces=ns).strip(): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns) if link.get("rel") == "alternate"
        }
        for url in root.findall("s:url", ns)
    }


def test_every_page_is_built_in_both_languages(site):
    assert len(PAGES) >= 13
    en = sorted(p.relative_to(ROOT / "docs/en").as_posix() for p in (ROOT / "docs/en").rglob("*.md"))
    assert en == PAGES
    for page in PAGES:
        for lang in ("zh", "en"):
            assert built_path(site, page, lang).is_file(), (page, lang)


def test_languages_are_declared_and_written_in_their_language(site):
    zh = built_path(site, "faq/forgot-password.md", "zh").read_text(encoding="utf-8")
    en = built_path(site, "faq/forgot-password.md", "en").read_text(encoding="utf-8")
    assert '<html lang="zh"' in zh and "助记词" in zh
    assert '<html lang="en"' in en and "recovery phrase" in en


@pytest.mark.parametrize("page", [p for p in PAGES if p.startswith("faq/") and not p.endswith("index.md")])
def test_faq_pages_carry_faqpage_jsonld_and_hreflang(site, page):
    for lang in ("zh", "en"):
        head = parse(built_path(site, page, lang))
        assert len(head.jsonld) == 1, (page, lang)
        data = json.loads(head.jsonld[0])
        assert data["@type"] == "FAQPage"
        question = data["mainEntity"][0]
        assert question["@type"] == "Question" and question["name"]
        assert question["acceptedAnswer"]["text"].count("<li>") >= 2
        slug = page[:-3]
        expected = {"zh": f"https://help.test/{slug}/", "en": f"https://help.test/en/{slug}/", "x-default": f"https://help.test/{slug}/"}
        loc = f"https://help.test/{'en/' if lang == 'en' else ''}{slug}/"
        assert sitemap_alternates(site)[loc] == expected
        assert head.alternates == {}  # in sitemap.xml, not in the head: no sitemap fetch per page


def test_jsonld_is_rendered_from_the_page_itself(site):
    source = (ROOT / "docs/en/faq/forgot-password.md").read_text(encoding="utf-8")
    steps = re.findall(r"^\d+\. \*\*(.+?)\*\*", source, flags=re.M)
    data = json.loads(parse(built_path(site, "faq/forgot-password.md", "en")).jsonld[0])
    text = data["mainEntity"][0]["acceptedAnswer"]["text"]
    assert all(title in text for title in steps)


def test_every_page_has_hreflang_for_both_languages(site):
    """In sitemap.xml (search engines read it like head links): Material's language
    integration fetches sitemap.xml relative to every <link rel=alternate> in a
    page's head, so per-page head alternates cost three failed requests a page."""
    sitemap = sitemap_alternates(site)
    assert len(sitemap) == 2 * len(PAGES)
    for loc, alternates in sitemap.items():
        assert set(alternates) == {"zh", "en", "x-default"}, loc
        assert alternates["x-default"] == alternates["zh"], loc
        assert loc in alternates.values(), loc
        assert all(href.startswith("https://help.test/") for href in alternates.values())
    for page in PAGES:
        for lang in ("zh", "en"):
            assert parse(built_path(site, page, lang)).alternates == {}, (page, lang)


def test_non_faq_pages_have_no_faq_jsonld(site):
    assert parse(built_path(site, "contact.md", "zh")).jsonld == []


# Material's bundle names unpkg.com in two loaders that never run here: a
# ResizeObserver polyfill fetched only by browsers without ResizeObserver (Chrome < 64,
# Safari < 13.1), and mermaid, fetched only for mermaid diagrams, which this site
# does not enable. The browser tests check the requests a real page makes.
CONDITIONAL_LOADERS = ("https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@")
THIRD_PARTY = re.compile(r"(?:unpkg\.com|jsdelivr|googleapis|gstatic|cdnjs|google-analytics|googletagmanager|fonts\.)", re.I)


def test_no_built_file_makes_a_third_party_request(site):
    offenders = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            for url in parse(path).fetched:
                if re.match(r"^(?:[a-z]+:)?//", url, re.I) and not url.startswith("https://help.test/"):
                    offenders.append((path.relative_to(site).as_posix(), url))
        if path.suffix in (".html", ".css", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.name.startswith("bundle.") and path.suffix == ".js":
                for loader in CONDITIONAL_LOADERS:
                    text = text.replace(loader, "")
            for match in THIRD_PARTY.finditer(text):
                offenders.append((path.relative_to(site).as_posix(), match.group(0)))
            if path.suffix == ".css":
                for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", text):
                    offenders.append((path.relative_to(site).as_posix(), url))
    assert offenders == []


def test_contact_page_renders_the_registry(site):
    zh = built_path(site, "contact.md", "zh").read_text(encoding="utf-8")
    en = built_path(site, "contact.md", "en").read_text(encoding="utf-8")
    assert 'data-contact="website"' in zh and 'href="https://bitpie.com/"' in zh
    assert "官方渠道一览" in zh and "Official channels at a glance" in en
    assert 'data-contact="email social chat"' in en and "mailto:" not in en


@pytest.mark.parametrize("page", PAGES)
def test_language_switcher_leads_to_the_same_page(site, page):
    for lang, other in (("zh", "en"), ("en", "zh")):
        path = built_path(site, page, lang)
        html = path.read_text(encoding="utf-8")
        links = re.findall(rf'<a href="([^"]+)" hreflang="{other}" class="md-select__link"', html)
        assert len(links) == 1, (page, lang)
        target = (path.parent / links[0]).resolve()
        if target.is_dir():
            target = target / "index.html"
        assert target == built_path(site, page, other).resolve(), (page, lang, links[0])


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


@pytest.mark.build
def test_bad_input_fails_the_strict_build_with_every_problem_located(project_copy: Path):
    en = project_copy / "docs/en/faq/fake-support.md"
    en.write_text(en.read_text(encoding="utf-8") + "\nCall [support](https://bitpie-support.com/help).\n", encoding="utf-8")
    bad_line = en.read_text(encoding="utf-8").count("\n")
    zh = project_copy / "docs/zh/about.md"
    zh.write_text(
        zh.read_text(encoding="utf-8") + '\n[官网](http://bitpie.com/){ onclick="steal()" }\n\n[旧页面](faq/no-such-page.md)\n',
        encoding="utf-8",
    )
    zh_line = zh.read_text(encoding="utf-8").count("\n") - 2
    safety = project_copy / "docs/en/safety.md"
    # `<!-->` ends a comment at once in a browser: the source scan's parser reads one comment
    safety.write_text(safety.read_text(encoding="utf-8") + "\n<!--><img src=x.png onerror=alert(1)>-->\n", encoding="utf-8")
    comment_line = safety.read_text(encoding="utf-8").count("\n")
    result = subprocess.run(
        MKDOCS + ["build", "--strict", "-d", str(project_copy / "out")], cwd=project_copy, env=ENV, capture_output=True, text=True
    )
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/en/faq/fake-support.md:{bad_line}: [lookalike-domain]" in log
    assert f"docs/zh/about.md:{zh_line}: [insecure-link]" in log
    # attr_list smuggles an event handler past Markdown: the rendered-page backstop catches it
    # (a page under docs/zh/ is reported in Chinese)
    assert f"docs/zh/about.md:{zh_line}: [html-event-handler]" in log and "（在渲染后的页面中发现）" in log
    assert f"docs/en/safety.md:{comment_line}: [html-event-handler]" in log
    # internal links must resolve: MkDocs' own validation, kept strict
    assert "faq/no-such-page.md" in log and "not found among documentation files" in log
    assert "Aborted with" in log and "strict mode" in log


@pytest.mark.build
def _set_meta(path: Path, key: str, value: str) -> int:
    text = path.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.split("\n"), 1) if row.startswith(f"{key}:"))
    path.write_text(re.sub(rf"^{key}: .*$", lambda _: f"{key}: {value}", text, count=1, flags=re.M), encoding="utf-8")
    return line


@pytest.mark.build
def test_html_in_front_matter_fails_the_strict_build_at_its_key(project_copy: Path):
    """Titles and descriptions reach the navigation, the home page's cards and the
    <head> unescaped by MkDocs and the theme: a tag there (also spelled with a YAML
    escape) is refused at its line, in the file's language."""
    en, zh = project_copy / "docs/en/faq/network-fees.md", project_copy / "docs/zh/faq/network-fees.md"
    en_line = _set_meta(en, "description", '"Fees \\u003cimg src=x onerror=alert(1)\\u003e"')
    zh_line = _set_meta(zh, "title", "'手续费 <a href=\"https://bitpie-support.com/\">客服</a>'")
    result = subprocess.run(
        MKDOCS + ["build", "--strict", "-d", str(project_copy / "out")], cwd=project_copy, env=ENV, capture_output=True, text=True
    )
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/en/faq/network-fees.md:{en_line}: [front-matter] The front-matter value `description` holds HTML ('<img src=x" in log
    assert f"docs/zh/faq/network-fees.md:{zh_line}: [front-matter] 前置元数据 `title` 的值里含有 HTML" in log


@pytest.mark.build
def test_plain_text_descriptions_keep_their_quotes_and_ampersands(project_copy: Path):
    """A description with quotes, '>', '<' and '&' (menu paths, comparisons) is written
    as text: the <meta> attribute and the home page's card hold exactly the words."""
    words = 'Go to "Me > Wallet Setting" & tap "Save" (1 < 2)'
    _set_meta(project_copy / "docs/en/faq/forgot-password.md", "description", "'" + words + "'")
    out = project_copy / "out"
    result = subprocess.run(MKDOCS + ["build", "-d", str(out)], cwd=project_copy, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.meta: list[str] = []
            self.cards: list[str] = []
            self._p = False

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "meta" and a.get("name") == "description":
                self.meta.append(a.get("content") or "")
            self._p = tag == "p"

        def handle_data(self, data):
            if self._p and "Wallet Setting" in data:
                self.cards.append(data)

    page, home = Reader(), Reader()
    page.feed((out / "en/faq/forgot-password/index.html").read_text(encoding="utf-8"))
    home.feed((out / "en/index.html").read_text(encoding="utf-8"))
    assert page.meta == [words]
    assert home.cards == [words]


def test_links_work_when_the_site_lives_under_a_sub_path(tmp_path):
    """GitHub Pages project sites live at /<repo>/: hreflang must carry the sub-path
    once, and the home page's language switcher must stay relative."""
    out = tmp_path / "site"
    env = {**ENV, "SITE_URL": "https://owner.github.io/repo/"}
    result = subprocess.run(MKDOCS + ["build", "--strict", "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert sitemap_alternates(out)["https://owner.github.io/repo/en/"] == {
        "zh": "https://owner.github.io/repo/",
        "en": "https://owner.github.io/repo/en/",
        "x-default": "https://owner.github.io/repo/",
    }
    for lang, home, switch in (("zh", out / "index.html", "en/"), ("en", out / "en/index.html", "../")):
        html = home.read_text(encoding="utf-8")
        other = "en" if lang == "zh" else "zh"
        assert re.findall(rf'<a href="([^"]+)" hreflang="{other}" class="md-select__link"', html) == [switch]


@pytest.mark.build
def test_a_project_reached_through_a_symlink_still_gets_faq_json_ld(project_copy: Path, tmp_path: Path):
    """MkDocs names files under the path it was started from; the guard's results
    are matched to pages even when that path goes through a symlink."""
    link = tmp_path / "via-link"
    link.symlink_to(project_copy, target_is_directory=True)
    out = tmp_path / "out"
    result = subprocess.run(
        MKDOCS + ["build", "--strict", "-f", str(link / "mkdocs.yml"), "-d", str(out)], cwd=link, env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for lang in ("zh", "en"):
        assert len(parse(built_path(out, "faq/forgot-password.md", lang)).jsonld) == 1, lang


@pytest.mark.build
def test_faqs_beyond_the_sidebar_limit_are_on_the_faq_index_only(project_copy: Path):
    """Every page carries the sidebar: past faq_nav_max, new FAQs are listed on the
    FAQ index page only, and the strict build does not call them omitted."""
    config = project_copy / "mkdocs.yml"
    # One place left in the sidebar after the FAQs the site already has, whatever their number.
    limit = len([p for p in (project_copy / "docs" / "zh" / "faq").glob("*.md") if p.name != "index.md"]) + 1
    config.write_text(config.read_text(encoding="utf-8").replace("faq_nav_max: 40", f"faq_nav_max: {limit}"), encoding="utf-8")
    for i in range(3):
        for lang, src in (("zh", "forgot-password.md"), ("en", "forgot-password.md")):
            text = (project_copy / "docs" / lang / "faq" / src).read_text(encoding="utf-8")
            (project_copy / "docs" / lang / "faq" / f"zz-extra-{i}.md").write_text(text, encoding="utf-8")
    out = project_copy / "out"
    result = subprocess.run(MKDOCS + ["build", "--strict", "-d", str(out)], cwd=project_copy, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"2 FAQ(s) beyond faq_nav_max ({limit})" in result.stderr
    for lang in ("zh", "en"):
        home = built_path(out, "index.md", lang).read_text(encoding="utf-8")
        index = built_path(out, "faq/index.md", lang).read_text(encoding="utf-8")
        assert "zz-extra-0/" in home and "zz-extra-1/" not in home and "zz-extra-2/" not in home, lang
        assert all(f'href="zz-extra-{i}/"' in index for i in range(3)), lang
        assert built_path(out, "faq/zz-extra-2.md", lang).is_file()


class Sections(HTMLParser):
    """The article's h2 headings (id, text) and, under each, the hrefs of the links in its list items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[str, str, list[str]]] = []
        self._h2: list[str] | None = None
        self._id = ""
        self._in_article = False
        self._li = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self._in_article = True
        elif self._in_article and tag == "h2":
            self._h2, self._id = [], a.get("id", "")
        elif self._in_article and tag == "li":
            self._li += 1
        elif self._in_article and tag == "a" and self._li and self.sections and self._h2 is None:
            self.sections[-1][2].append(a.get("href", ""))

    def handle_data(self, data):
        if self._h2 is not None:
            self._h2.append(data)

    def handle_endtag(self, tag):
        if tag == "h2" and self._h2 is not None:
            self.sections.append((self._id, "".join(self._h2).replace("¶", "").strip(), []))
            self._h2 = None
        elif tag == "li" and self._li:
            self._li -= 1
        elif tag == "article":
            self._in_article = False


@pytest.mark.parametrize(
    "lang, labels",
    [
        ("zh", ["密码、助记词与恢复钱包", "转账、代币与矿工费", "安全与防骗", "联系客服"]),
        (
            "en",
            ["Passwords, recovery phrase and restoring", "Transfers, tokens and network fees", "Security and scams", "Contacting support"],
        ),
    ],
)
def test_faq_index_has_a_section_per_category_in_the_configured_order(site, lang, labels):
    parser = Sections()
    parser.feed(built_path(site, "faq/index.md", lang).read_text(encoding="utf-8"))
    sections = [s for s in parser.sections if s[0] in ("wallet", "transfers", "security", "support", "other")]
    assert [(s[0], s[1]) for s in sections] == list(zip(["wallet", "transfers", "security", "support"], labels))
    listed = {href.rstrip("/") for s in sections for href in s[2]}
    faqs = {p.stem for p in (ROOT / "docs" / lang / "faq").glob("*.md") if p.name != "index.md"}
    assert listed == faqs
    by_section = {s[0]: [h.rstrip("/") for h in s[2]] for s in sections}
    assert "account-stolen" in by_section["security"] and "forgot-password" in by_section["wallet"]
    assert "transfer-not-arrived" in by_section["transfers"] and "slow-support-reply" in by_section["support"]


@pytest.mark.parametrize("lang, heading, checked", [("zh", "依据", "核实于"), ("en", "Sources", "checked")])
def test_pages_with_sources_end_with_them_in_their_language(site, lang, heading, checked):
    for page in [p for p in PAGES if p.startswith("faq/") and not p.endswith("index.md")]:
        html = built_path(site, page, lang).read_text(encoding="utf-8")
        section = re.search(r'<section class="hc-sources"[^>]*>\s*<h2 id="hc-sources">([^<]*)</h2>(.*?)</section>', html, re.S)
        assert section and section.group(1) == heading, (page, lang)
        items = re.findall(r'<li><a href="(https://[^"]+)">[^<]+</a>(.*?)</li>', section.group(2), re.S)
        assert items, (page, lang)
        for url, rest in items:
            assert url.startswith(("https://github.com/bitpiedotcom/", "https://bitpie.com/")) or ".bitpie.com/" in url, url
            assert checked in rest, (page, lang, rest)
        # after the article's own text, before "last updated"
        assert html.index("hc-sources") < html.index("hc-updated") and html.index("</h1>") < html.index("hc-sources")
    about = built_path(site, "contact.md", lang).read_text(encoding="utf-8")
    assert "hc-sources" not in about  # no `sources:`, no section


def test_no_browser_tab_repeats_the_site_name(site):
    """A page titled like the site would read "BitPie 帮助中心 - BitPie 帮助中心" in the tab."""
    for page in PAGES:
        for lang in ("zh", "en"):
            title = re.search(r"<title>([^<]*)</title>", built_path(site, page, lang).read_text(encoding="utf-8")).group(1)
            parts = [part.strip() for part in title.split(" - ")]
            assert len(parts) == len(set(parts)), (page, lang, title)
