"""Readable on a phone: every page, in both languages, fits a 390 px wide screen
without sideways scrolling, and the contact page shows the registry box under its
title. Drives Debian's chromium through Playwright (no browser download)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PAGES, built_path

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def phone(chromium, http_site):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    outside: list[str] = []
    # The build's own site_url host (help.test) stands in for our host in production.
    ours = ("http://127.0.0.1", "https://help.test/", "data:", "blob:")
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(ours) else None)
    yield page, http_site, outside
    context.close()


def url_of(site: Path, page: str, lang: str) -> str:
    return "/" + built_path(site, page, lang).relative_to(site).as_posix().removesuffix("index.html")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_fits_a_phone_screen(site, phone, lang):
    page, base, outside = phone
    too_wide = []
    for name in PAGES:
        page.goto(base + url_of(site, name, lang))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            too_wide.append((name, width))
    assert too_wide == []
    assert outside == []  # and no page asked another host for anything


def test_contact_registry_box_sits_under_the_title(site, phone):
    page, base, _ = phone
    page.goto(base + url_of(site, "contact.md", "en"))
    title_y = page.locator("h1").first.bounding_box()["y"]
    box = page.locator("#official-channels")
    assert box.is_visible()
    assert box.bounding_box()["y"] > title_y
    assert box.locator("a[href='https://bitpie.com/']").count() == 1


def test_home_search_field_opens_the_search_box(site, phone):
    page, base, _ = phone
    for lang, home in (("zh", "/"), ("en", "/en/")):
        page.goto(base + home)
        field = page.locator("#hc-search-input")
        assert field.bounding_box()["y"] + field.bounding_box()["height"] < 844, lang  # on the first screen
        field.focus()
        page.keyboard.type("ab")
        search = page.locator("input.md-search__input")
        search.wait_for(state="visible")
        assert search.is_visible(), lang
        assert search.input_value().startswith("a"), lang


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_first_phone_screen_has_search_contact_and_the_safety_rule(site, phone, lang):
    """A reader who arrives worried finds search, contact and the safety rule at once:
    on the home page, and the contact page's steps on the contact page."""
    page, base, _ = phone
    page.goto(base + ("/" if lang == "zh" else "/en/"))
    screen = 844

    def on_screen(selector: str) -> bool:
        box = page.locator(selector).first.bounding_box()
        return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= screen

    assert on_screen(".hc-announce__rule") and on_screen("#hc-search-input")
    assert on_screen(".hc-hero__contact-button") and on_screen(".hc-announce__contact")
    page.goto(base + url_of(site, "contact.md", lang))
    steps = page.locator(".md-content ol").first.locator("li")
    assert on_screen(".md-content h2") and steps.first.bounding_box()["y"] < screen
