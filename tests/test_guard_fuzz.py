"""Property-based fuzzing: no Markdown input crashes the guard, and every finding it
returns is well-formed (a file, a line inside the file, a code and a fix)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpcenter.guard.faq import check_faq, read_faq
from helpcenter.guard.links import LinkChecker
from helpcenter.guard.markdown import parse_article
from helpcenter.guard.project import LinkPolicy
from helpcenter.guard.registry import Registry
from helpcenter.guard.runner import check_article

CHECKER = LinkChecker(LinkPolicy(reference_domains=("etherscan.io",)), Registry(()))

hosts = st.sampled_from(
    [
        "bitpie.com",
        "bitpieaac.com",
        "xn--bitpe-q2e.com",
        "bіtpie.com",
        "127.0.0.1",
        "bit.ly",
        "t.me",
        "",
        "bitpie.com.evil.net",
        "例子.测试",
        "a..b",
        "[::1]",
        "bitpie.com:99999",
    ]
)
schemes = st.sampled_from(["https://", "http://", "//", "javascript:", "mailto:", "tel:", "data:", "ftp://", "https:\\\\", ""])
urls = st.builds(lambda s, u, h, p: s + u + h + p, schemes, st.sampled_from(["", "user@", "a:b@"]), hosts, st.text(max_size=12))
lines = st.one_of(
    st.text(max_size=40),
    st.builds(lambda t, u: f"[{t}]({u})", st.text(max_size=8), urls),
    st.builds(lambda u: f"<{u}>", urls),
    st.builds(lambda u: f"![i]({u})", urls),
    st.builds(lambda n, t: f"{n}. **{t}**: do it", st.integers(-3, 12), st.text(max_size=8)),
    st.builds(lambda n: f"{n}) item", st.integers(0, 5)),
    st.builds(lambda u: f'<a href="{u}" onclick="x">x</a>', urls),
    st.sampled_from(
        [
            "---",
            "# Title",
            "## Steps",
            "!!! note",
            "    indented",
            "```",
            "<div markdown>",
            "</div>",
            "[r]: https://bitpieaac.com",
            "| a | b |",
            "|---|---|",
            "- bullet",
            "\t",
            "{ onclick=x }",
            "<script>",
            "<!--",
            "-->",
            "title: [unclosed",
        ]
    ),
)
documents = st.lists(lines, max_size=25).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(documents)
def test_guard_never_crashes_and_findings_are_well_formed(tmp_path: Path, text: str) -> None:
    path = tmp_path / "faq.md"
    path.write_text(text, encoding="utf-8")
    article = parse_article(path, "docs/en/faq/x.md", "en", "faq/x.md")
    findings, _ = check_article(article, CHECKER)
    doc = read_faq(article, "contact.md")
    findings += check_faq(article, doc, 2, "contact.md")
    total_lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for finding in findings:
        assert finding.path == "docs/en/faq/x.md"
        assert 1 <= finding.line <= total_lines, (finding, text)
        assert finding.code and finding.message() and finding.fix()


# -- contacts and URLs in every wrapper: what the rendered page shows, the check judged --

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from helpcenter.guard.render import Renderer, extensions  # noqa: E402
from helpcenter.guard.runner import judge_text, without  # noqa: E402

RENDERER = Renderer(*extensions(["admonition", "attr_list", "md_in_html", "pymdownx.details", "pymdownx.superfences"]))
contacts = st.sampled_from(
    [
        "客服微信：abc_12345",
        "添加客服微信 abc_123 获取帮助",
        "VX：kefu888",
        "加V kefu_01",
        "扣扣 12345678",
        "微信号是abc_2024",
        "微信：\u200babc_123",
        "＋８６ １３８ ００１３ ８０００",
        "+1 (555) 010-9999",
        "(852) 2345 6789",
        "support at gmail dot com",
        "Twitter: bitpiehelp",
        "bitpie.eth",
        "hxxps://bitpie-help[.]com",
        "https://bitpie-support.com/",
        "bitpieaac.com",
        "t.me/bitpie_group",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "kefu@gmail.com",
        "QQ群: 1234567",
    ]
)
wrappers = st.sampled_from(
    [
        "{}",
        "`{}`",
        "**{}**",
        "<div>{}</div>",
        "<p>{}</p>",
        "<td>{}</td>",
        "<details><summary>{}</summary>x</details>",
        "<!-- c --> {}",
        "<div markdown>\n{}\n</div>",
        "!!! note\n    {}",
        '??? tip "More"\n    {}',
        "| a | b |\n|---|---|\n| {} | x |",
        "> {}",
        "- {}",
        "1. **Step**: {}",
        "# {}",
        '<span title="{}">x</span>',
        '[x](https://bitpie.com/ "{}")',
        "```\n{}\n```",
        "    {}",
        "<p>text</p> {}",
    ]
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.tuples(wrappers, contacts), min_size=1, max_size=3), st.text(max_size=20))
def test_what_the_rendered_page_shows_the_check_judged(tmp_path: Path, parts, filler) -> None:
    text = "# Page\n\n" + "\n\n".join(w.format(c) for w, c in parts) + "\n\n" + filler.replace("<", "") + "\n"
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    article = parse_article(path, "docs/en/page.md", "en", "page.md")
    findings, seen = check_article(article, CHECKER)
    html = RENDERER.html(article.body)
    tree = LexborHTMLParser(html)
    shown = [tree.body.text(deep=True, separator="\n")] if tree.body else []
    shown += [v for node in tree.root.traverse(include_text=False) for k, v in node.attributes.items() if k in ("title", "alt") and v]
    flagged = [p for piece in shown for p in judge_text(without(piece, []), CHECKER)]
    if flagged:  # the page would show a contact or address the guard refuses: the check must have said so
        assert {p.code for p in flagged} & {f.code for f in findings}, (text, [p.code for p in flagged], [f.code for f in findings])


def test_prose_folding_is_the_per_character_nfkc_it_always_was() -> None:
    # normalise_prose folds through a cached str.translate table; it must equal the
    # per-character rule: NFKC of every non-ASCII character, Chinese punctuation kept.
    import unicodedata

    from helpcenter.guard.prose import _FOLD, _KEEP

    for start in range(0x80, 0x30000, 4096):
        text = "".join(chr(c) for c in range(start, start + 4096) if not 0xD800 <= c <= 0xDFFF)
        expected = "".join(ch if ch in _KEEP or ch.isascii() else unicodedata.normalize("NFKC", ch) for ch in text)
        assert text.translate(_FOLD) == expected
