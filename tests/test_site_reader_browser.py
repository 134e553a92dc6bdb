"""The reader's experience in a real browser (Debian's chromium): the 404 page of
each language as static hosts serve it, searching from the 404 and home pages, a
query pasted without a key press, the other language offered when nothing is
found, Chinese terms highlighted on the opened page, and what a printout says."""

from __future__ import annotations

from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import quote

import pytest

from helpcenter.reader.strings import STRINGS

from conftest import serve

pytestmark = pytest.mark.browser


class StaticHost(SimpleHTTPRequestHandler):
    """Serves the site like a static host: a missing page gets a 404 page with status
    404. `nearest` is Cloudflare Pages' and Netlify's rule (the closest 404.html up
    the path); otherwise only the root one, as GitHub Pages does."""

    nearest = False

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != HTTPStatus.NOT_FOUND:
            return super().send_error(code, message, explain)
        root = Path(self.directory)
        folder = (root / self.path.split("?")[0].lstrip("/")).parent
        page = root / "404.html"
        while self.nearest and folder != root and root in folder.parents:
            if (folder / "404.html").is_file():
                page = folder / "404.html"
                break
            folder = folder.parent
        body = page.read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module", params=["root", "nearest"])
def host(request, site):
    handler = type("Host", (StaticHost,), {"nearest": request.param == "nearest"})
    with serve(site, handler) as url:
        yield request.param, url


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desk(chromium):
    context = chromium.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def result_links(page) -> list[str]:
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


# --------------------------------------------------------------------- 404


@pytest.mark.parametrize("missing,lang", [("/no/such/page/", "zh"), ("/en/no/such/page/", "en")])
def test_a_missing_page_answers_in_its_language_with_search_and_links(phone, host, missing, lang):
    mode, base = host
    served = lang if mode == "nearest" else "zh"  # GitHub Pages only has the root 404
    words = STRINGS[served]
    response = phone.goto(base + missing)
    assert response.status == 404
    assert phone.locator("html").get_attribute("lang") == served
    assert phone.locator("h1").inner_text() == words["not_found_title"]
    if served != lang:
        # the one line in the reader's language leads to their help center
        other = phone.locator(".hc-other-language")
        assert other.get_attribute("lang") == "en"
        assert other.locator("a").get_attribute("href") == "/en/"
    # search in the 404 page's language, from its own field
    phone.locator("#hc-search-input").fill("忘记密码" if served == "zh" else "forgot password")
    hrefs = result_links(phone)
    assert hrefs and hrefs[0].startswith(base + ("/en/faq/" if served == "en" else "/faq/")), hrefs[:3]
    assert all(h.startswith(base + "/en/") == (served == "en") for h in hrefs)
    # the links lead somewhere
    phone.goto(base + missing)
    for label in ("faq", "contact", "safety"):
        href = phone.locator(".hc-link-list a", has_text=words[label]).first.get_attribute("href")
        assert phone.request.get(base + href).status == 200, (label, href)


# --------------------------------------------------------------------- searching


@pytest.mark.parametrize("root,query,expected", [("/", "助记词", "/faq/"), ("/en/", "phishing", "/en/")])
def test_a_pasted_query_searches_without_a_key(phone, http_site, root, query, expected):
    phone.goto(http_site + root + "about/")
    phone.locator("label.md-header__button[for=__search]").click()
    field = phone.locator("input.md-search__input")
    field.wait_for(state="visible")
    field.fill(query)  # an input event and no key: what a phone's paste menu does
    hrefs = result_links(phone)
    assert hrefs[0].startswith(http_site + expected), hrefs[:3]


@pytest.mark.parametrize(
    "root,query,expected",
    [("/", "转账未到账", "/faq/transfer-not-arrived/"), ("/en/", "transfer not received", "/en/faq/transfer-not-arrived/")],
)
def test_the_home_search_field_shows_results(phone, http_site, root, query, expected):
    phone.goto(http_site + root)
    field = phone.locator("#hc-search-input")
    field.fill(query)
    hrefs = [h.split("?")[0] for h in result_links(phone)]
    assert hrefs[0] == http_site + expected, hrefs[:3]
    # and Enter in the field does the same, without reloading the page
    phone.goto(http_site + root)
    field.type(query[:2])
    field.press("Enter")
    assert phone.url == http_site + root
    assert result_links(phone)


@pytest.mark.parametrize("root,query,other", [("/", "seed phrase backup", "/en/"), ("/en/", "助记词", "/")])
def test_a_query_in_the_other_language_that_finds_nothing_offers_that_language(desk, http_site, root, query, other):
    desk.goto(http_site + root)
    field = desk.locator("input.md-search__input")
    field.click()
    field.fill(query)
    offer = desk.locator(".hc-search-other a")
    offer.wait_for(timeout=10000)
    lang = "zh" if root == "/" else "en"
    assert offer.inner_text() == STRINGS[lang]["search_other"].replace("{query}", query)
    offer.click()
    desk.wait_for_url(f"{http_site}{other}?q={quote(query)}")
    hrefs = result_links(desk)
    assert hrefs and all(h.startswith(http_site + "/en/") == (other == "/en/") for h in hrefs)


def test_chinese_terms_are_highlighted_on_the_opened_page(desk, http_site):
    desk.goto(http_site + "/")
    field = desk.locator("input.md-search__input")
    field.click()
    field.fill("忘记密码怎么办")
    first = result_links(desk)[0]
    assert first.split("?")[0] == http_site + "/faq/forgot-password/"
    desk.goto(first)
    marks = desk.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    found = set(marks.all_inner_texts())
    # the page says 忘记钱包密码, not 忘记密码: its parts are marked
    assert {"忘记", "密码"} <= found


# --------------------------------------------------------------------- print


def test_a_printout_names_the_site_the_page_and_where_links_lead(desk, http_site):
    desk.goto(http_site + "/en/faq/forgot-password/")
    desk.emulate_media(media="print")
    source = desk.locator(".hc-print-source")
    assert source.is_visible()
    text = source.inner_text()
    assert "BitPie Help Center" in text and "https://help.test/en/faq/forgot-password/" in text
    contact = desk.locator("article a", has_text="contact support").first
    after = contact.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://help.test/en/contact/" in after
    official = desk.locator("article a[href='https://bitpie.com/']").first
    assert "https://bitpie.com/" in official.evaluate("a => getComputedStyle(a, '::after').content")
