"""What the reader sees around the articles, read from the built site: one 404 page
per language, the help-center home, the safety line and contact entry on every
page, the interface's words in the page's language, readable anchors, and tables
a phone can read. (The browser proves the rest: tests/test_site_browser_reader.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from helpcenter.reader.html import article, domains, permalinks, tables
from helpcenter.reader.strings import STRINGS

from conftest import PAGES, ROOT, built_path

LANGS = ("zh", "en")
HAN = re.compile(r"[\u3400-\u9fff]")


def html_of(site: Path, page: str, lang: str) -> LexborHTMLParser:
    return LexborHTMLParser(built_path(site, page, lang).read_text(encoding="utf-8"))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def categories() -> list[dict]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = text[text.index("  faq_categories:") :]
    block = block[: block.index("\n  # Link policy")]
    return yaml.safe_load(block)["faq_categories"]


# --------------------------------------------------------------------- 404 pages

NOT_FOUND = {"zh": "404.html", "en": "en/404.html"}


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_404_page(site, lang):
    path = site / NOT_FOUND[lang]
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    words = STRINGS[lang]
    assert tree.css_first("html").attributes["lang"] == lang
    assert tree.css_first(".hc-hero h1").text(strip=True) == words["not_found_title"]
    assert tree.css_first('meta[name="robots"]').attributes["content"] == "noindex"
    # search in this language: its index, its labels
    config = tree.css_first("#__config").text()
    assert ('"base": "/en/"' if lang == "en" else '"base": "/"') in config
    form = tree.css_first("form[data-hc-search]")
    assert form.css_first("label").text(strip=True) == words["search_label"]
    # the pages a reader needs, as absolute paths (any depth of a missing URL)
    prefix = "/en/" if lang == "en" else "/"
    hrefs = {a.attributes["href"] for a in tree.css(".md-content a")}
    for target in ("", "faq/", "contact/", "safety/"):
        assert prefix + target in hrefs, (lang, target)
    # the language switcher leads to the other language's home, not to a page built last
    switch = {a.attributes["hreflang"]: a.attributes["href"] for a in tree.css("a.md-select__link")}
    assert switch == {"zh": "/", "en": "/en/"}


def test_root_404_has_one_english_line_for_hosts_that_only_serve_it(site):
    tree = LexborHTMLParser((site / "404.html").read_text(encoding="utf-8"))
    other = tree.css_first(".hc-other-language")
    assert other.attributes["lang"] == "en"
    assert other.css_first("a").attributes["href"] == "/en/"
    assert not HAN.search(other.text())
    en = LexborHTMLParser((site / "en/404.html").read_text(encoding="utf-8")).css_first(".hc-other-language")
    assert en.attributes["lang"] == "zh" and en.css_first("a").attributes["href"] == "/"


@pytest.mark.parametrize("lang", LANGS)
def test_404_links_the_official_channel_checker_once_it_exists(site, lang):
    exists = (ROOT / "docs" / lang / "verify.md").is_file()
    html = (site / NOT_FOUND[lang]).read_text(encoding="utf-8")
    assert (STRINGS[lang]["verify"] in html) == exists


# --------------------------------------------------------------------- home


@pytest.mark.parametrize("lang", LANGS)
def test_home_has_search_topics_most_asked_and_contact(site, lang):
    tree = html_of(site, "index.md", lang)
    words = STRINGS[lang]
    # a real search field, labelled, first
    field = tree.css_first(".hc-hero form[data-hc-search] input#hc-search-input")
    assert field is not None and field.attributes["type"] == "search"
    assert tree.css_first('label[for="hc-search-input"]').text(strip=True) == words["search_label"]
    assert "tabindex" not in field.attributes
    # one card per FAQ category, in mkdocs.yml's order, plus the contact card
    cards = tree.css(".hc-cards > ul > li")
    expected = [c["id"] for c in categories()] + ["contact"]
    assert [c.attributes["data-category"] for c in cards] == expected
    index = built_path(site, "faq/index.md", lang).read_text(encoding="utf-8")
    for card, category in zip(cards, categories()):
        link = card.css_first("a.hc-card__link")
        assert link.text(strip=True) == category["label"][lang]
        # the FAQ index's section when it has one, the index itself until then
        anchor = f'id="{category["id"]}"' in index
        assert link.attributes["href"] == ("faq/#" + category["id"] if anchor else "faq/"), (lang, category["id"])
        assert card.css_first("p").text(strip=True)
    assert cards[-1].css_first("a").attributes["href"] == "contact/"
    # the most asked questions, each with its own front-matter description
    home = front_matter(ROOT / "docs" / lang / "index.md")
    items = tree.css(".hc-faq-list > li")
    assert len(items) == len(home["most_asked"]) >= 5
    for item, name in zip(items, home["most_asked"]):
        faq = front_matter(ROOT / "docs" / lang / name)
        assert item.css_first("a").attributes["href"] == name[:-3] + "/"
        assert item.css_first("p").text(strip=True) == faq["description"].strip()
    # a visible way to a person in the hero
    contact = tree.css_first(".hc-hero a.hc-hero__contact-button")
    assert contact.attributes["href"] == "contact/" and words["contact_cta"] in contact.text()


# --------------------------------------------------------------------- every page


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_the_safety_line_and_contact_in_its_language(site, lang):
    words = STRINGS[lang]
    for page in PAGES:
        tree = html_of(site, page, lang)
        banner = tree.css_first(".md-banner .hc-announce")
        assert banner is not None and words["safety_line"] in banner.text(), page
        assert banner.css_first("a.hc-announce__contact").text(strip=True) == words["contact"], page
        footer = tree.css_first(".md-footer .hc-footer-links")
        assert words["contact"] in footer.text(), page


# English words Material or Python-Markdown print by default, each with what shows
# it on a page.
ENGLISH_UI = ['title="Permanent link"', 'alt="logo"', "Dark mode", "Light mode", "404 - Not found"]


def test_every_ui_string_is_in_the_pages_language(site):
    for page in PAGES:
        for lang in LANGS:
            html = built_path(site, page, lang).read_text(encoding="utf-8")
            assert not [s for s in ENGLISH_UI if s in html], (page, lang)
            tree = LexborHTMLParser(html)
            toggles = [label.attributes.get("title", "") for label in tree.css("form[data-md-component=palette] label")]
            assert toggles and all(bool(HAN.search(t)) == (lang == "zh") for t in toggles), (page, lang, toggles)
            for link in tree.css("a.headerlink"):
                assert link.attributes["title"] == STRINGS[lang]["permalink"]
                assert link.attributes["aria-hidden"] == "true" and link.attributes["tabindex"] == "-1"
            logo = tree.css_first(".md-header .md-logo img")
            assert logo.attributes["alt"] == "" and logo.attributes["src"].endswith("assets/logo.svg")
    for path in NOT_FOUND.values():
        assert not [s for s in ENGLISH_UI if s in (site / path).read_text(encoding="utf-8")]


def test_chinese_headings_have_readable_anchors(site):
    tree = html_of(site, "safety.md", "zh")
    ids = [h.attributes.get("id") for h in tree.css(".md-content h2")]
    assert "如何检查网址的真实域名" in ids
    for page in PAGES:
        html = built_path(site, page, "zh").read_text(encoding="utf-8")
        assert not re.search(r'\bid="_\d+"', html), page


def test_the_search_dialog_is_named(site):
    for lang, name in (("zh", "搜索"), ("en", "Search")):
        dialog = html_of(site, "about.md", lang).css_first('.md-search[role="dialog"]')
        assert dialog.attributes["aria-label"] == name


# --------------------------------------------------------------------- safety text


@pytest.mark.parametrize("lang", LANGS)
def test_domain_table_cells_carry_labels_and_marks(site, lang):
    table = html_of(site, "safety.md", lang).css_first(".md-content table")
    heads = [th.text(strip=True) for th in table.css("th")]
    rows = table.css("tbody tr")
    assert len(rows) >= 5
    for row in rows:
        cells = row.css("td")
        assert [td.attributes.get("data-label") for td in cells] == heads
        verdict = cells[-1]
        mark = verdict.css_first(".hc-mark")
        assert mark is not None and mark.attributes["aria-hidden"] == "true"
        official = "bitpie.com" == cells[0].css_first("code").text(strip=True)
        assert (mark.text(), verdict.attributes["class"]) == (("✓", "hc-yes") if official else ("✗", "hc-no"))
        for code in cells[0].css("code") + cells[1].css("code"):
            # a domain (hc-domain), or a declared fake example the guard marks (hc-fake): never broken
            assert code.attributes.get("class") in ("hc-domain", "hc-fake"), code.text()


# --------------------------------------------------------------------- contact


@pytest.mark.parametrize("lang", LANGS)
def test_contact_page_starts_with_the_steps_and_the_official_channels(site, lang):
    tree = html_of(site, "contact.md", lang)
    content = tree.css_first(".md-content__inner")
    order = [node for node in content.traverse() if node.tag in ("h1", "h2") or node.attributes.get("id") == "official-channels"]
    names = ["h1" if n.tag == "h1" else n.attributes.get("id") for n in order]
    steps = "联系人工客服的步骤" if lang == "zh" else "steps-to-reach-a-human"
    assert names[:3] == ["h1", steps, "official-channels"], names[:4]
    assert content.css_first("ol") is not None  # the steps are a numbered list


# --------------------------------------------------------------------- the rules, one input each


def test_permalinks_leave_the_headings_name_and_the_tab_order():
    html = '<h2 id="x">Title<a class="headerlink" href="#x" title="Permanent link">&para;</a></h2>'
    assert permalinks(html, "本节链接") == (
        '<h2 id="x">Title<a class="headerlink" href="#x" title="本节链接" aria-hidden="true" tabindex="-1">&para;</a></h2>'
    )


def test_tables_label_cells_and_mark_yes_and_no():
    html = (
        "<table>\n<thead>\n<tr>\n<th>Site</th>\n<th>Official?</th>\n</tr>\n</thead>\n<tbody>\n"
        "<tr>\n<td><code>a.com</code></td>\n<td>No</td>\n</tr>\n<tr>\n<td>b</td>\n<td>是</td>\n</tr>\n"
        "<tr>\n<td>c</td>\n<td>Not sure</td>\n</tr>\n</tbody>\n</table>"
    )
    out = tables(html)
    assert '<td data-label="Site"><code>a.com</code></td>' in out
    assert '<td data-label="Official?" class="hc-no"><span class="hc-mark" aria-hidden="true">✗</span> No</td>' in out
    assert '<td data-label="Official?" class="hc-yes"><span class="hc-mark" aria-hidden="true">✓</span> 是</td>' in out
    assert '<td data-label="Official?">Not sure</td>' in out
    assert out.startswith("<table>")  # Material styles table:not([class])


@pytest.mark.parametrize(
    "text,domain",
    [
        ("bitpie.com", True),
        ("bitpie.com.help-center.net", True),
        ("bitpie.com@evil.example", True),
        ("xn--bitpe-q2e.com", True),
        ("bitpie-support.com", True),
        ("keystore", False),
        ("npm install x", False),
        ("https://bitpie.com/", False),
        ("0x1234", False),
    ],
)
def test_domains_are_marked_so_they_never_break(text, domain):
    out = domains(f"<p><code>{text}</code></p>")
    assert ('class="hc-domain"' in out) == domain


def test_article_touches_are_idempotent():
    html = (
        '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2><p><code>bitpie.com</code></p>'
        "<table><thead><tr><th>X</th></tr></thead><tbody><tr><td>No</td></tr></tbody></table>"
    )
    once = article(html, "Link")
    assert once != html and article(once, "Link") == once


class _Page:
    def __init__(self, src: str, title: str):
        self.title, self.meta, self.toc, self.content = title, {}, [], ""
        self.file = type("F", (), {"url": src[3:-3].removesuffix("index") if src.endswith("index.md") else src[3:-3] + "/"})()


class _Files:
    def __init__(self, *names: str):
        self.pages = {name: _Page(name, name) for name in names}

    def get_file_from_path(self, src: str):
        page = self.pages.get(src)
        return type("File", (), {"page": page})() if page else None


def test_section_links_add_the_checker_once_verify_md_exists():
    from helpcenter.reader.pages import section_links

    policy = {"faq_dir": "faq", "contact_page": "contact.md"}
    before = section_links(_Files("zh/faq/index.md", "zh/contact.md", "zh/safety.md"), "zh", policy)
    assert (before.faq.url, before.contact.url, before.safety.url, before.verify) == ("faq/", "contact/", "safety/", None)
    after = section_links(_Files("zh/faq/index.md", "zh/contact.md", "zh/safety.md", "zh/verify.md"), "zh", policy)
    assert after.verify.url == "verify/"


def test_home_data_reports_a_missing_faq_and_a_missing_summary():
    from helpcenter.reader.pages import home_data

    files = _Files("zh/index.md", "zh/faq/index.md", "zh/faq/a.md", "zh/faq/b.md", "zh/contact.md")
    files.pages["zh/faq/a.md"].meta = {"description": "一句话。"}
    files.pages["zh/faq/index.md"].content = '<h2 id="wallet">钱包</h2>'
    home = files.pages["zh/index.md"]
    home.file.src_uri = "zh/index.md"
    home.meta = {"most_asked": ["faq/a.md", "faq/b.md", "faq/gone.md"], "topics": {"wallet": "密码与恢复"}}
    config = type(
        "C",
        (),
        {
            "extra": {
                "link_policy": {"faq_dir": "faq"},
                "faq_categories": [
                    {"id": "wallet", "label": {"zh": "钱包", "en": "Wallet"}},
                    {"id": "support", "label": {"zh": "客服", "en": "Support"}},
                ],
            }
        },
    )()
    data, problems = home_data(home, config, files, "zh")
    assert [(link.title, link.description) for link in data.most_asked] == [("zh/faq/a.md", "一句话。"), ("zh/faq/b.md", "")]
    assert [(c.id, c.url) for c in data.categories] == [("wallet", "faq/#wallet"), ("support", "faq/")]
    assert problems == [
        "docs/zh/index.md: most_asked 'faq/b.md' has no front-matter description, the one-line summary the home page shows under its title.",
        "docs/zh/index.md: most_asked names 'faq/gone.md', which is not a page in this language.",
        "docs/zh/index.md: topics has no line for the FAQ category 'support'.",
    ]
