"""Accessibility and requests, in Debian's chromium, on every built page of both
languages (the 404 pages too), on a phone (390×844) and a desktop (1440×900), in
the light and the dark palette:

- axe-core (axe-playwright-python) finds no violation of impact serious or
  critical. Per page and width, axe runs once in full in the light palette; then
  the page is switched to the dark palette the way Material's toggle does it
  (body data-md-color-* attributes, nothing else changes) and axe runs again the
  rules that read colours (color-contrast, link-in-text-block).
- No request made while a page loads is answered 404 or fails, on the served
  site and in the file:// offline copy.
- Every Tab stop on a phone is visible and shows its focus.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SEVERE = ("serious", "critical")
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
DARK = """async () => {
  const b = document.body;
  b.setAttribute("data-md-color-scheme", "slate");
  b.setAttribute("data-md-color-primary", "indigo");
  b.setAttribute("data-md-color-accent", "indigo");
  await settled();
}"""
# Material fades colours and slides things in: measure the state they end in.
SETTLED = """window.settled = () => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))"""


def site_pages(site: Path) -> list[str]:
    """Every page a reader can open: its URL path on the served site."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if not rel.startswith(("assets/", "search/")):
            pages.append("/" + rel.removesuffix("index.html"))
    return pages


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def severe(page, axe, rules: list[str] | None = None) -> list[tuple[str, str, list]]:
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    found = page.evaluate(f"axe.run(document, {json.dumps(options)})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in found["violations"] if v["impact"] in SEVERE]


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_every_page_has_no_serious_violation_and_no_failed_request(chromium, http_site, site, axe, device):
    context = chromium.new_context(**(PHONE if device == "phone" else DESKTOP), color_scheme="light")
    page = context.new_page()
    failed: list[tuple[str, str]] = []
    pending: set = set()
    page.on("request", lambda r: pending.add(r.url))
    page.on("requestfinished", lambda r: pending.discard(r.url))
    page.on("requestfailed", lambda r: pending.discard(r.url))
    page.on("response", lambda r: failed.append((str(r.status), r.url)) if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append((r.failure or "failed", r.url)) if "ERR_ABORTED" not in (r.failure or "") else None)
    problems, requests = {}, {}
    pages = site_pages(site)
    assert len(pages) >= 28  # 2 × 13 pages and a 404 page per language
    try:
        for url in pages:
            failed.clear()
            page.goto(http_site + url, wait_until="load")
            page.evaluate(axe.axe_script)
            page.evaluate(SETTLED)
            page.evaluate("settled()")
            light = severe(page, axe)
            page.evaluate(DARK)
            dark = severe(page, axe, COLOUR_RULES)
            if light or dark:
                problems[url] = {"light": light, "dark": dark}
            for _ in range(100):  # what the page still fetches (search index, worker) ends
                if not pending:
                    break
                page.wait_for_timeout(50)
            if failed:
                requests[url] = list(failed)
    finally:
        context.close()
    assert problems == {}
    assert requests == {}


def test_offline_copy_makes_no_failed_request(chromium, offline_site):
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    failed: list[str] = []
    pending: set[str] = set()
    page.on("request", lambda r: pending.add(r.url))
    page.on("requestfinished", lambda r: pending.discard(r.url))
    # ERR_ABORTED: a request cut short by the next navigation (a late favicon), not a missing file
    page.on("requestfailed", lambda r: (pending.discard(r.url), "ERR_ABORTED" not in (r.failure or "") and failed.append(r.url)))
    page.on("request", lambda r: failed.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    bad = {}
    try:
        for path in sorted(offline_site.rglob("*.html")):
            rel = path.relative_to(offline_site).as_posix()
            if rel.startswith(("assets/", "search/")) or rel.endswith("404.html"):
                continue  # a 404 page is served by a host, never opened from disk
            failed.clear()
            page.goto(path.as_uri(), wait_until="load")
            for _ in range(100):  # the search index and worker load after the page
                if not pending:
                    break
                page.wait_for_timeout(50)
            if failed:
                bad[rel] = list(failed)
    finally:
        context.close()
    assert bad == {}


FOCUS = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  /* Material's palette switch is a hidden radio button whose label shows the focus */
  if (el.matches("input.md-option") && el.nextElementSibling) el = el.nextElementSibling;
  const box = el.getBoundingClientRect();
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.visibility === "hidden" || style.display === "none" || parseFloat(style.opacity) < 0.1)
      return {name: el.outerHTML.slice(0, 80), problem: "invisible"};
  }
  if (box.width < 2 || box.height < 2 || box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth)
    return {name: el.outerHTML.slice(0, 80), problem: "off the screen"};
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
  return ring ? {name: el.outerHTML.slice(0, 80), problem: null} : {name: el.outerHTML.slice(0, 80), problem: "no focus ring"};
}"""


@pytest.mark.parametrize("url", ["/", "/en/faq/forgot-password/"])  # the home template, the article template
def test_every_tab_stop_on_a_phone_is_visible(chromium, http_site, url):
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto(http_site + url)
        page.evaluate(SETTLED)
        stops, hidden = 0, []
        for _ in range(30):
            page.keyboard.press("Tab")
            page.evaluate("settled()")  # Material's transitions (skip link, search) end
            info = page.evaluate(FOCUS)
            if info is None:
                continue
            stops += 1
            if info["problem"]:
                hidden.append(info)
        assert stops >= 12
        assert hidden == []
    finally:
        context.close()
