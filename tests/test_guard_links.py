"""Link rules: each kind of bad link fails with its own code, at its own line.

Every case writes one article whose third line holds the bad input, then checks
the finding's file, line, code and that its message names the culprit.
"""

from __future__ import annotations

import pytest

CASES = [
    # (markdown on line 3, expected code, text the message must contain)
    ("[官网](https://bitpieaac.com/)", "lookalike-domain", "bitpieaac.com"),
    ("[help](https://bitpieby.com/login)", "lookalike-domain", "bitpieby.com"),
    ("[help](https://www.bitpiepy.com)", "lookalike-domain", "bitpiepy.com"),
    ("[help](https://bitpie-support.com/)", "lookalike-domain", "bitpie-support.com"),
    ("[help](https://bitpei.com/)", "lookalike-domain", "one letter away"),
    ("[help](https://b1tpie.com/)", "lookalike-domain", "look-alike digits"),
    ("[help](https://bitpie.net/)", "lookalike-domain", "different suffix"),
    ("[help](https://bitpie.com.help-center.net/)", "brand-subdomain", "help-center.net"),
    ("[help](https://bitpie.evil.example.net/)", "brand-subdomain", "example.net"),
    ("[help](https://xn--btpie-k0a.com/)", "punycode-domain", "punycode"),
    ("[help](https://bіtpie.com/)", "homoglyph-domain", "CYRILLIC"),
    ("[help](http://bitpie.com/)", "insecure-link", "http:"),
    ("[x](javascript:alert(1))", "script-url", "javascript"),
    ("[x](JaVaScRiPt:alert(1))", "script-url", "alert"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data-url", "data:"),
    ("[x](https://192.168.1.10/wallet)", "ip-host", "192.168.1.10"),
    ("[x](https://3232235777/)", "ip-host", "192.168.1.1"),  # named as the browser opens it
    ("[x](https://bit.ly/3abcd)", "url-shortener", "bit.ly"),
    ("[x](https://bitpie.com@evil.net/)", "userinfo-trick", "evil.net"),
    ("[x](//bitpie.com/)", "protocol-relative", "no scheme"),
    ("[mail](mailto:bitpie.support@gmail.com)", "freemail-address", "gmail.com"),
    ("[mail](mailto:help@bitpie.com)", "contact-unlisted", "help@bitpie.com"),
    ("[mail](mailto:not-an-address)", "invalid-email", "not-an-address"),
    ("[call](tel:+8640012345678)", "contact-unlisted", "tel:"),
    ("[tg](https://t.me/bitpie_support)", "contact-unlisted", "t.me"),
    ("[tg](tg://resolve?domain=bitpie)", "contact-unlisted", "tg:"),
    ("[x](https://example.com/page)", "domain-not-allowed", "example.com"),
    ("[x](ftp://bitpie.com/file)", "unsupported-scheme", "ftp"),
    ("![logo](https://cdn.example.com/logo.png)", "external-resource", "cdn.example.com"),
    ("<https://bitpieaac.com/>", "lookalike-domain", "bitpieaac.com"),
    ("[ref][1]\n\n[1]: https://bitpieaac.com/", "lookalike-domain", "bitpieaac.com"),
    ("visit https://bitpieaac.com today", "lookalike-domain", "bitpieaac.com"),
    ("请访问 bitpieaac.com 联系客服", "lookalike-domain", "bitpieaac.com"),
    ("write to bitpie.help@gmail.com", "freemail-address", "gmail.com"),
    ("add @bitpie_helpdesk on Telegram", "contact-unlisted", "@bitpie_helpdesk"),
    ("call +86 400 123 4567", "contact-unlisted", "+86 400 123 4567"),
    ("see example.org for help", "domain-in-text", "example.org"),
    ("[x](https:\\\\bitpieaac.com)", "lookalike-domain", "bitpieaac.com"),
    ('<a href="java&#9;script:alert(1)">x</a>', "html-javascript-url", "javascript"),
    ("[x](https:bitpieaac.com)", "lookalike-domain", "bitpieaac.com"),
    ("[x](https://bitpie.com%2eevil.net/)", "brand-subdomain", "evil.net"),
    ("[x](https://bitpie.github.io/)", "brand-subdomain", "github.io"),
    ("[x](https://0x7f.0.0.1/)", "ip-host", "127.0.0.1"),
    ("[x](https://[::1]/)", "ip-host", "::1"),
    ("[x](&#x6A;avascript:alert(1))", "script-url", "javascript"),
    ("[x](https://wa.me/8613800000000)", "contact-unlisted", "wa.me"),
    ("<support@qq.com>", "freemail-address", "qq.com"),
    ("[x](mailto:help@bitpie.com.evil.net)", "brand-subdomain", "evil.net"),
    ("[x](https://bitpie.com/go?url=https://bitpieaac.com/)", "embedded-url", "bitpieaac.com"),
    ('[x](https://bitpie.com/ "log in at bitpie-login.com")', "lookalike-domain", "bitpie-login.com"),
    ("请访问 bіtpie.com 联系客服", "homoglyph-domain", "CYRILLIC"),
    ("访问bіtpie.com", "homoglyph-domain", "bitpie.com"),
    ("[x](https://xn--bitpe-1ve.com/)", "punycode-domain", "does not even decode"),
    ("客服微信：bitpie_kefu888", "contact-unlisted", "微信：bitpie_kefu888"),
    ("官方QQ群: 123456789", "contact-unlisted", "QQ群: 123456789"),
    ("WeChat ID: kefu_01", "contact-unlisted", "WeChat"),
    ("Telegram: @bitpie_help", "contact-unlisted", "Telegram: @bitpie_help"),
    ("客服电话：400-123-4567", "contact-unlisted", "400-123-4567"),
    ("请拨打 13800138000 联系客服", "contact-unlisted", "13800138000"),
    ("Call 400 888 9999 for help", "contact-unlisted", "400 888 9999"),
]


@pytest.mark.parametrize("markdown,code,needle", CASES, ids=[c[1] + ":" + c[0][:30] for c in CASES])
def test_bad_link_is_reported_at_its_line(mini, markdown, code, needle):
    path = mini.page(f"# Page\n\n{markdown}\n", lang="en")
    rel = path.relative_to(mini.root).as_posix()
    found = [f for f in mini.findings() if f.path == rel and f.code == code]
    assert found, f"expected [{code}] for {markdown!r}, got {[f.text() for f in mini.findings()]}"
    assert found[0].line == 3
    assert needle.lower() in found[0].message().lower()
    assert found[0].fix()  # every finding says how to fix it
    assert found[0].text().startswith(f"{rel}:3: [{code}] ")


GOOD = [
    "[官网](https://bitpie.com/)",
    "[docs](https://docs.bitpie.com/guide?x=1#top)",
    "[tx](https://etherscan.io/tx/0xabc)",
    "[mail](mailto:support@bitpie.com)",
    "[page](../index.md#top)",
    "官网是 bitpie.com，不是别的地址。",
    "WeChat: only through the official website's links.",
    "微信：请从官网获取官方账号。",
    "Block height 18000000 and tx fee 0.0004 BTC are examples.",
]


@pytest.mark.parametrize("markdown", GOOD)
def test_allowed_links_and_code_examples_pass(mini, markdown):
    mini.page(f"# Page\n\n{markdown}\n", lang="en")
    assert mini.findings() == []


FAKES = "---\nfake_examples: [bitpieaac.com, bitpie.com.help-center.net, bitpie_kefu888]\n---\n\n"


@pytest.mark.parametrize(
    "markdown",
    [
        "fake domains look like `bitpieaac.com` or `bitpie.com.help-center.net`",
        "```\nhttps://bitpieaac.com\n```",
        "骗子会说“客服微信：`bitpie_kefu888`”，这是假的。",
    ],
)
def test_declared_fake_examples_in_code_pass(mini, markdown):
    mini.page(f"{FAKES}# Page\n\n{markdown}\n", lang="en")
    assert mini.findings() == []


@pytest.mark.parametrize(
    "markdown, code",
    [
        ("the official group is `t.me/bitpie_group`", "contact-unlisted"),
        ("fake domains look like `bitpieaac.com`", "lookalike-domain"),
        ("```\nhttps://bitpie-help.com\n```", "lookalike-domain"),
        ("客服微信：`abc_kefu888`", "contact-unlisted"),
        ("[mail](mailto:Support@BitPie.com?subject=Help)", "contact-parameters"),
    ],
)
def test_code_is_judged_unless_declared(mini, markdown, code):
    path = mini.page(f"# Page\n\n{markdown}\n", lang="en")
    rel = path.relative_to(mini.root).as_posix()
    assert code in {f.code for f in mini.findings() if f.path == rel}, [f.text() for f in mini.findings()]


def test_every_problem_in_a_file_is_reported_in_one_run(mini):
    path = mini.page(
        "# Page\n\n"
        "[a](https://bitpieaac.com/)\n\n"  # line 3
        "[b](http://bitpie.com/)\n\n"  # line 5
        "[c](mailto:x@qq.com)\n\n"  # line 7
        "[ok](https://bitpie.com/)\n",  # line 9: fine
        lang="zh",
    )
    rel = path.relative_to(mini.root).as_posix()
    lines = {(f.line, f.code) for f in mini.findings() if f.path == rel}
    assert {(3, "lookalike-domain"), (5, "insecure-link"), (7, "freemail-address")} <= lines
    assert not any(line == 9 for line, _ in lines)


def test_line_numbers_count_front_matter_and_admonitions(mini):
    path = mini.page(
        "---\ntitle: T\n---\n\n# T\n\n"  # lines 1-6
        '!!! warning "Careful"\n'  # 7
        "    Text first.\n"  # 8
        "    See [this](https://bitpie-support.com/).\n",  # 9
        lang="en",
    )
    rel = path.relative_to(mini.root).as_posix()
    assert (rel, 9, "lookalike-domain") in mini.codes()


def test_multiline_paragraph_places_link_on_its_own_line(mini):
    path = mini.page("# T\n\nfirst line\nsecond line\nthird [x](https://bitpieaac.com) line\n", lang="en")
    rel = path.relative_to(mini.root).as_posix()
    assert (rel, 5, "lookalike-domain") in mini.codes()


def test_admonition_marker_inside_a_code_fence_changes_nothing(mini):
    mini.page(
        "---\nfake_examples: [bitpieaac.com]\n---\n\n# T\n\n```\n!!! note\n    https://bitpieaac.com\n```\n\n    indented code: https://bitpieaac.com\n",
        lang="en",
    )
    assert mini.findings() == []


def test_nested_admonitions_and_tabs_are_checked(mini):
    path = mini.page('# T\n\n=== "Tab"\n\n    !!! tip\n        [x](https://bitpie-support.com/)\n', lang="en")
    rel = path.relative_to(mini.root).as_posix()
    assert (rel, 6, "lookalike-domain") in mini.codes()


def test_front_matter_values_are_checked_at_their_line(mini):
    path = mini.page("---\ntitle: Help\ndescription: Get help at bitpie-help.com today\n---\n\n# Help\n", lang="en")
    rel = path.relative_to(mini.root).as_posix()
    assert (rel, 3, "lookalike-domain") in mini.codes()


def test_official_link_with_official_redirect_target_passes(mini):
    mini.page("# T\n\n[x](https://bitpie.com/go?next=https://www.bitpie.com/help)\n", lang="en")
    assert mini.findings() == []


def test_one_handle_after_a_label_is_reported_once(mini):
    path = mini.page("# Page\n\nTelegram: @bitpie_help and +86 138 0013 8000\n", lang="en")
    rel = path.relative_to(mini.root).as_posix()
    messages = [f.message() for f in mini.findings() if f.path == rel]
    assert len(messages) == 2, messages  # the handle once (not also as a bare @handle), the number once


def test_accounts_in_the_registry_may_be_written_in_prose(mini):
    config = mini.config.read_text(encoding="utf-8")
    entry = """    - id: hotline
      kind: phone
      url: tel:+864001234567
      source: https://bitpie.com/contact
      verified: 2026-01-02
      label: {zh: 电话, en: Phone}
  link_policy:"""
    mini.config.write_text(config.replace("  link_policy:", entry, 1), encoding="utf-8")
    mini.page("# Page\n\n客服电话：400-123-4567\n\nCall 400 123 4567.\n", lang="en")
    assert mini.findings() == []


def test_a_host_judged_again_gets_the_same_verdict_and_a_list_of_its_own():
    # DomainInspector keeps each host's verdict; a caller extending the list it got
    # must not change what the next caller is told.
    from helpcenter.guard.domains import DomainInspector
    from helpcenter.guard.project import LinkPolicy

    inspector = DomainInspector(LinkPolicy())
    first_class, first = inspector.classify("bitpieaac.com")
    assert first_class == "bad" and [p.code for p in first] == ["lookalike-domain"]
    first.append(first[0])
    again_class, again = inspector.classify("bitpieaac.com")
    assert (again_class, [p.code for p in again]) == ("bad", ["lookalike-domain"])
    assert inspector.classify("help.bitpie.com") == ("official", [])
