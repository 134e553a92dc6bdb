"""'Is this really BitPie?' (docs/*/verify.md): the guard's verdict on one pasted
string, in Python (helpcenter/checker/verdict.py) and on the page in Chromium
(overrides/assets/javascripts/verify.js), must agree on every vector.

Vectors: tests/data/channel_vectors.yml, plus every permutation dnstwist makes of
the official domain (its Python API only: no DNS lookup), as a bare domain, as an
https URL and, for homoglyph ones, in the Unicode form a reader sees. No
permutation may ever be official.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from helpcenter.checker.export import messages, page_data, page_json, psl_extract
from helpcenter.checker.verdict import NOT_VERIFIED, PRIORITY, judge, read
from helpcenter.guard.domains import split_host
from helpcenter.guard.project import load_settings
from helpcenter.guard.runner import build_checker
from helpcenter.headers import parse_headers

from conftest import serve

ROOT = Path(__file__).resolve().parent.parent
VECTORS = yaml.safe_load((ROOT / "tests/data/channel_vectors.yml").read_text(encoding="utf-8"))
OFFICIAL = "bitpie.com"
# dnstwist's dictionaries (its Python API takes them as lists): words and suffixes
# scammers add to a brand.
DICTIONARY = ["support", "help", "kefu", "service", "app", "wallet", "login", "official", "verify", "download"]
TLDS = ["net", "org", "io", "co", "cn", "com.cn", "hk", "app", "xyz", "top", "cc", "vip", "info", "me"]
SITE_URL = "https://help.test/"  # the test build's site_url (conftest.ENV): our host in production
COMPARED = ("verdict", "reason", "kind", "contact", "host", "readsAs")


@functools.lru_cache(maxsize=1)
def checkers():
    settings = load_settings(ROOT / "mkdocs.yml")
    from helpcenter.guard.config import ContactConfig, Place

    start = len(settings.contacts)
    added = tuple(
        ContactConfig.read(raw, Place(settings.yaml, settings.config_rel, [], ("extra", "contacts", start + i)))
        for i, raw in enumerate(VECTORS["extended_registry"])
    )
    extended = dataclasses.replace(
        settings, raw_contacts=settings.raw_contacts + VECTORS["extended_registry"], contacts=tuple(settings.contacts) + added
    )
    return {"real": (settings, build_checker(settings)[0]), "extended": (extended, build_checker(extended)[0])}


@functools.lru_cache(maxsize=1)
def permutations() -> tuple[str, ...]:
    import dnstwist
    import idna

    fuzzer = dnstwist.Fuzzer(OFFICIAL, dictionary=DICTIONARY, tld_dictionary=TLDS)
    fuzzer.generate()
    out: list[str] = []
    for item in fuzzer.domains:
        domain = item["domain"]
        if item["fuzzer"] == "*original" or domain == OFFICIAL:
            continue
        out += [domain, f"https://{domain}/"]
        if "xn--" in domain:
            try:
                out.append(idna.decode(domain))
            except idna.IDNAError:
                out.append(domain.encode("ascii").decode("idna"))
    return tuple(out)


def all_vectors() -> list[tuple[str, str]]:
    """(input, registry) for every vector: the file's, then dnstwist's."""
    return [(v["input"], v.get("registry", "real")) for v in VECTORS["vectors"]] + [(p, "real") for p in permutations()]


def python_verdicts(vectors) -> list[dict]:
    cs = checkers()
    return [judge(text, cs[registry][1]).as_dict() for text, registry in vectors]


def extended_data() -> dict:
    """The page's data for the extended registry, passed to the page's judge()."""
    settings, checker = checkers()["extended"]
    return page_data(settings, checker)


# --- Python: the guard's verdicts ---------------------------------------------------


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["input"][:40])
def test_each_vector_gets_its_expected_verdict(vector):
    _, checker = checkers()[vector.get("registry", "real")]
    got = judge(vector["input"], checker)
    assert got.verdict == vector["verdict"], got
    if "reason" in vector:
        assert got.reason == vector["reason"], got
    if "contact" in vector:
        assert got.contact == vector["contact"], got
    if got.verdict == "official":
        assert got.contact, "an official verdict always names its registry entry"


def test_the_vector_file_covers_every_kind_and_verdict():
    kinds = {judge(v["input"], checkers()[v.get("registry", "real")][1]).kind for v in VECTORS["vectors"]}
    assert {"url", "email", "phone", "handle", "unknown"} <= kinds
    assert {v["verdict"] for v in VECTORS["vectors"]} == {"official", "not-official", "not-verified"}
    assert len(VECTORS["vectors"]) >= 150


def test_no_dnstwist_permutation_is_ever_official():
    found = permutations()
    assert len(found) > 2000  # every fuzzer: homoglyphs, bitsquatting, dictionary words, other suffixes ...
    official = [
        text for text, got in zip(found, python_verdicts([(p, "real") for p in found]), strict=True) if got["verdict"] == "official"
    ]
    assert official == []


def test_an_unknown_handle_or_number_is_never_official():
    _, checker = checkers()["real"]
    for text in ("@bitpie", "bitpie", "bitpie_official", "BitPie客服", "+86 400 000 0000", "weixin://dl/chat?bitpie"):
        assert judge(text, checker).verdict == "not-verified", text


def test_reading_is_what_the_page_does():
    assert read("微信：abc_123", ("bitpie.com",)) == ("handle", "abc_123")
    assert read("weixin://dl/chat", ("bitpie.com",)) == ("url", "weixin://dl/chat")
    assert read("bitpie.com@evil.example", ("bitpie.com",)) == ("url", "https://bitpie.com@evil.example")
    assert read("li.wei@gmail.com", ("bitpie.com",)) == ("email", "li.wei@gmail.com")
    assert read("   ", ("bitpie.com",)) == ("empty", "")


# --- the exported data -----------------------------------------------------------------


def test_page_data_is_the_registry_and_policy_from_mkdocs_yml():
    settings, checker = checkers()["real"]
    data = page_data(settings, checker)
    raw = yaml.safe_load(re.sub(r"!ENV \[\w+, (.*?)\]", r"\1", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))["extra"]
    assert data["officialDomains"] == raw["link_policy"]["official_domains"]
    assert data["referenceDomains"] == raw["link_policy"]["reference_domains"]
    assert [c["id"] for c in data["contacts"]] == [c["id"] for c in raw["contacts"]]
    assert [c["url"] for c in data["contacts"]] == [c.get("url") for c in raw["contacts"]]
    website = next(c for c in data["contacts"] if c["id"] == "website")
    assert website["source"] and website["verified"] == str(raw["contacts"][0]["verified"])
    assert data["priority"] == list(PRIORITY) and data["notVerified"] == list(NOT_VERIFIED)


def test_the_page_script_stays_small():
    assert (ROOT / "overrides/assets/javascripts/verify.js").stat().st_size < 30_000


def test_the_script_types_no_domain_or_address_of_its_own():
    """Never typed twice: the page's script holds rules, not data."""
    script = (ROOT / "overrides/assets/javascripts/verify.js").read_text(encoding="utf-8")
    settings, checker = checkers()["real"]
    data = page_data(settings, checker)
    for value in data["officialDomains"] + data["referenceDomains"] + data["shorteners"] + data["social"] + data["freemail"]:
        assert not re.search(r"[\"'/.]" + re.escape(value) + r"[\"'/]", script), value
    assert "bitpie" not in script.lower().replace("bitpieverify", "").replace("is this really bitpie", "")


def test_public_suffix_extract_is_small_and_agrees_with_the_guard():
    extract = psl_extract()
    size = len(json.dumps(extract))
    assert size < 20_000  # the whole ICANN section would be ~75 KB
    tlds = set(extract["tlds"].split())
    assert {"com", "cn", "net", "io", "xyz"} <= tlds
    for host in ("bitpie.com.cn", "bitpie.co.uk", "bitpie.org.hk", "a.b.bitpie.net.cn"):
        sub, label, suffix = split_host(host)
        assert label == "bitpie" and suffix.split(".")[0] in extract["second"][suffix.split(".")[-1]].split(), host


def test_every_reason_has_words_in_both_languages():
    texts = messages()["verdict"]
    reasons = set(PRIORITY) - {"external-resource", "protocol-relative"} | {"reference-domain", "registry-domain", "unrecognised"}
    for reason in reasons:
        keys = [k for k in texts if k == f"reason.{reason}" or k.startswith(f"reason.{reason}.")]
        assert keys, reason
        for key in keys:
            assert texts[key]["zh"] and texts[key]["en"], key
    for key, value in list(texts.items()) + list(messages()["ui"].items()):
        assert set(value) == {"zh", "en"}, key


def test_inlined_data_cannot_break_out_of_its_script_element():
    settings, checker = checkers()["real"]
    for lang in ("zh", "en"):
        text = page_json(settings, checker, lang)
        assert "<" not in text and ">" not in text
        assert json.loads(text)["lang"] == lang


# --- the page in Chromium ------------------------------------------------------------------
# One page load runs every vector through the page's own exported function.

# Vectors go in and verdicts come out as one JSON string each way: Playwright's
# object-by-object transfer of ~6,600 results cost more than judging them.
JUDGE_ALL = """([vectors, extended]) => JSON.stringify(JSON.parse(vectors).map(([text, registry]) => {
  const v = window.BitpieVerify.judge(text, registry === 'real' ? undefined : extended);
  return [v.verdict, v.reason, v.kind, v.contact, v.host, v.readsAs];
}))"""


def disagreements(vectors, py, js) -> list:
    out = []
    for (text, registry), a, b in zip(vectors, py, js, strict=True):
        if {k: a[k] for k in COMPARED} != {k: b[k] for k in COMPARED}:
            out.append((text, registry, {k: a[k] for k in COMPARED}, {k: b[k] for k in COMPARED}))
    return out


@pytest.fixture(scope="module")
def csp_site(site):
    """The built site served with its own `_headers` (CSP and all), as a static host would."""
    headers = parse_headers((site / "_headers").read_text(encoding="utf-8"))["/*"]
    with serve(site, headers=headers) as url:
        yield url


def open_page(chromium, url: str, ours: tuple[str, ...], **context_options):
    context = chromium.new_context(**context_options)
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.problems = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    # Script and style violations are ours; Material's sitemap fetch goes to the build's
    # site_url (https://help.test/, our host in production), which 127.0.0.1 rightly blocks.
    page.on(
        "console", lambda m: page.problems.append(m.text) if "Content Security Policy" in m.text and "connect-src" not in m.text else None
    )
    page.goto(url)
    page.wait_for_selector("#verify[data-ready]", state="attached")
    return context, page


@pytest.mark.browser
@pytest.mark.parametrize("where", ["served", "offline"])
def test_page_and_guard_agree_on_every_vector(chromium, csp_site, offline_site, where):
    vectors = all_vectors()
    py = python_verdicts(vectors)
    if where == "served":
        url, ours = csp_site + "/en/verify/", (csp_site + "/", SITE_URL)
    else:
        url, ours = (offline_site / "en/verify.html").as_uri(), (offline_site.as_uri() + "/",)
    context, page = open_page(chromium, url, ours)
    try:
        started = time.perf_counter()
        js = [dict(zip(COMPARED, row, strict=True)) for row in json.loads(page.evaluate(JUDGE_ALL, [json.dumps(vectors), extended_data()]))]
        elapsed = time.perf_counter() - started
        print(f"\n{where}: {len(vectors)} vectors, {elapsed:.2f} s in the page")
        assert disagreements(vectors, py, js) == []
        same = sum(a["verdict"] == b["verdict"] for a, b in zip(py, js, strict=True))
        assert same == len(vectors)  # 100 % agreement
        assert not any(b["verdict"] == "official" for (text, _), b in zip(vectors, js, strict=True) if text in permutations())
        page.fill("#verify-input", "bitpie-support.com")
        page.click("#verify-check")
        links = [a.get_attribute("href") for a in page.locator(".hc-verdict a").all()]
        assert links == (
            ["../contact/", "../safety/", "../faq/account-stolen/"]
            if where == "served"
            else ["contact.html", "safety.html", "faq/account-stolen.html"]
        )
        assert page.problems == []  # no script error, no CSP violation
        assert [r for r in page.requests if not r.startswith(ours)] == []  # the site's own files only
    finally:
        context.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
CASES = [  # (language, pasted, verdict, words the card must show)
    ("zh", "https://bitpie.com/", "official", ["官方", "核实于"]),
    ("zh", "bitpie.com.help-center.net", "not-official", ["不是官方", "help-center.net", "助记词"]),
    ("zh", "微信：bitpie_kefu888", "not-verified", ["未经核实", "账号"]),
    ("en", "https://bitpie.com/", "official", ["Official", "verified 2026"]),
    ("en", "bitpie-support.com", "not-official", ["Not official", "bitpie-support.com", "recovery phrase"]),
    ("en", "bitpіe.com", "not-official", ["look-alike letters", "U+0456", "bitpie.com"]),
    ("en", "+86 138 0013 8000", "not-verified", ["Not verified", "number"]),
]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_phone_keyboard_only_both_languages_nothing_sent_or_stored(chromium, csp_site, lang):
    root = "/verify/" if lang == "zh" else "/en/verify/"
    context, page = open_page(chromium, csp_site + root, (csp_site + "/", SITE_URL), **PHONE)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        before = len(page.requests)
        field = page.locator("#verify-input")
        assert page.locator("label[for=verify-input]").inner_text().strip()
        assert page.locator("#verify-result").get_attribute("role") == "status"
        assert page.locator("#verify").evaluate("node => !node.closest('form') && !node.querySelector('form')")
        for case_lang, text, verdict, words in CASES:
            if case_lang != lang:
                continue
            field.focus()
            page.keyboard.press("Control+A")
            if text.isascii():  # typed key by key: Material's shortcuts (s, f, /) must not steal them
                page.keyboard.type(text)
            else:  # what an input method or a paste delivers
                page.keyboard.insert_text(text)
            started = time.perf_counter()
            page.keyboard.press("Enter")
            card = page.locator(".hc-verdict")
            card.wait_for()
            print(f"\n{lang} {text!r}: verdict shown after {(time.perf_counter() - started) * 1000:.0f} ms")
            assert card.get_attribute("data-verdict") == verdict
            shown = card.inner_text()
            for word in words:
                assert word in shown, (word, shown)
            if verdict != "official":
                hrefs = [a.get_attribute("href") for a in card.locator("a").all()]
                assert hrefs == ["../contact/", "../safety/", "../faq/account-stolen/"]
        assert page.locator(".md-search__input:focus").count() == 0
        # Tab reaches the Check and Clear buttons; Space presses them.
        field.focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "verify-check"
        page.keyboard.press("Space")
        page.locator(".hc-verdict").wait_for()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "verify-clear"
        page.keyboard.press("Enter")
        assert field.input_value() == "" and page.locator(".hc-verdict").count() == 0
        assert page.evaluate("document.activeElement.id") == "verify-input"
        # Nothing was sent, put in the address or stored.
        # (The site's own scripts may still load meanwhile, e.g. the search worker's
        # Chinese tokenizer; nothing else may be asked for, and nothing carries the input.)
        later = [url for url in page.requests[before:] if not url.startswith(csp_site + "/assets/")]
        assert later == [], later
        typed = [text for case_lang, text, _, _ in CASES if case_lang == lang]
        assert not any(text in unquote(url) for url in page.requests[before:] for text in typed), page.requests[before:]
        assert page.url == csp_site + root
        # Material keeps its own state (palette, scroll) in web storage; nothing pasted is there.
        stored = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])")
        for _, text, _, _ in CASES:
            assert text not in stored and text.split("：")[-1] not in stored, stored
        assert page.problems == []
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang,scheme", [("zh", "light"), ("en", "dark")])
def test_page_is_axe_clean_with_each_verdict(chromium, csp_site, lang, scheme):
    from axe_playwright_python.sync_playwright import Axe

    root = "/verify/" if lang == "zh" else "/en/verify/"
    context, page = open_page(chromium, csp_site + root, (csp_site + "/", SITE_URL), color_scheme=scheme, **PHONE)
    try:
        axe = Axe()
        for text in ("https://bitpie.com/", "bitpie-support.com", "@bitpie_kefu"):
            page.fill("#verify-input", text)
            page.click("#verify-check")
            page.locator(".hc-verdict").wait_for()
            # The checker and its verdict; Material's own header and navigation are not ours.
            results = axe.run(page, context={"include": [["#verify"]]})
            assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
