"""verify-site reads the whole built page, not only the article: the navigation,
header and <head> carry front-matter titles and descriptions that another engine
(Zensical ignores hooks) may write unescaped."""

from __future__ import annotations

from helpcenter.guard.verify import verify_site

from conftest import Mini

PAGE = """<html><head><meta name="description" content="Fees"><img src=x onerror="alert(1)"></head>
<body><nav class="md-nav"><a href="https://bitpie-support.com/">Support</a><a href="../faq/">FAQ</a></nav>
<article><p>Read <a href="https://bitpie.com/">the site</a>.</p></article></body></html>
"""


def findings(mini: Mini, html: str) -> list[tuple[str, int, str]]:
    site = mini.root / "built"
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text(html, encoding="utf-8")
    return sorted((f.path.rsplit("/", 1)[-1], f.line, f.code) for f in verify_site(site, mini.config, offline=True))


def test_an_event_handler_or_a_refused_link_outside_the_article_is_found(mini: Mini):
    assert findings(mini, PAGE) == [("index.html", 1, "html-event-handler"), ("index.html", 2, "lookalike-domain")]


def test_a_description_that_broke_its_meta_tag_is_found(mini: Mini):
    """Quotes in an unescaped description end the attribute: the words become attributes."""
    broken = (
        '<html><head><meta name="description" content="Tap "Save" once to keep it"></head><body><article><p>x</p></article></body></html>'
    )
    assert ("index.html", 1, "html-event-handler") in findings(mini, broken)


def test_the_shipped_chrome_passes(mini: Mini):
    clean = PAGE.replace(' onerror="alert(1)"', "").replace("https://bitpie-support.com/", "../contact/")
    assert findings(mini, clean) == []
