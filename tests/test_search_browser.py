"""Search in a real browser: the search box on the served site and on the file://
offline copy finds the right page first, shows only the reader's language, and
the page asks no other host for anything."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# (language root, query, the page that must come first)
QUERIES = [
    ("zh", "忘记密码怎么办", "faq/forgot-password"),
    ("zh", "如何联系客服", "contact"),
    ("zh", "账户被盗", "faq/account-stolen"),
    ("en", "passwords", "faq/forgot-password"),
    ("en", "phishing", "safety"),
    ("en", "transfer not received", "faq/transfer-not-arrived"),
]


def search(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the box on keyup; IME input ends with one too
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


@pytest.fixture
def desk(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside = []  # type: ignore[attr-defined]
    page.on(
        "request",
        lambda r: (
            page.outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "file:", "data:", "blob:", "https://help.test/"))
            else None
        ),
    )
    yield page
    context.close()


@pytest.mark.parametrize("lang,query,expected", QUERIES, ids=[q for _, q, _ in QUERIES])
def test_served_site_search_finds_the_page_in_the_readers_language(desk, http_site, lang, query, expected):
    root = "/" if lang == "zh" else "/en/"
    desk.goto(http_site + root)
    hrefs = [h.split("?")[0].split("#")[0] for h in search(desk, query)]
    prefix = http_site + root
    assert hrefs[0] == f"{prefix}{expected}/", hrefs[:3]
    if lang == "zh":
        assert not any(h.startswith(http_site + "/en/") for h in hrefs), "English result on a Chinese page"
    else:
        assert all(h.startswith(http_site + "/en/") for h in hrefs), "Chinese result on an English page"
    assert desk.outside == []


@pytest.mark.parametrize("lang,query,expected", QUERIES[::3] + QUERIES[1::3], ids=[q for _, q, _ in QUERIES[::3] + QUERIES[1::3]])
def test_offline_copy_searches_from_disk(desk, offline_site, lang, query, expected):
    home = offline_site / ("index.html" if lang == "zh" else "en/index.html")
    desk.goto(home.as_uri())
    hrefs = [h.split("?")[0].split("#")[0] for h in search(desk, query)]
    base = offline_site.as_uri() + ("/" if lang == "zh" else "/en/")
    assert hrefs[0] == f"{base}{expected}.html", hrefs[:3]
    assert all(h.startswith(offline_site.as_uri() + "/en/") for h in hrefs) == (lang == "en")
    assert desk.outside == []  # no network at all


def test_offline_copy_switches_language_on_the_same_page(desk, offline_site):
    desk.goto((offline_site / "faq/forgot-password.html").as_uri())
    with desk.expect_navigation():
        desk.locator(".md-select__link[hreflang=en]").evaluate("link => link.click()")
    assert desk.url == (offline_site / "en/faq/forgot-password.html").as_uri()
    assert "forgot" in desk.locator("h1").inner_text().lower()
