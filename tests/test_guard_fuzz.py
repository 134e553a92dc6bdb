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

hosts = st.sampled_from(["bitpie.com", "bitpieaac.com", "xn--bitpe-q2e.com", "bіtpie.com", "127.0.0.1", "bit.ly",
                         "t.me", "", "bitpie.com.evil.net", "例子.测试", "a..b", "[::1]", "bitpie.com:99999"])
schemes = st.sampled_from(["https://", "http://", "//", "javascript:", "mailto:", "tel:", "data:", "ftp://", "https:\\\\", ""])
urls = st.builds(lambda s, u, h, p: s + u + h + p, schemes,
                 st.sampled_from(["", "user@", "a:b@"]), hosts, st.text(max_size=12))
lines = st.one_of(
    st.text(max_size=40),
    st.builds(lambda t, u: f"[{t}]({u})", st.text(max_size=8), urls),
    st.builds(lambda u: f"<{u}>", urls),
    st.builds(lambda u: f"![i]({u})", urls),
    st.builds(lambda n, t: f"{n}. **{t}**: do it", st.integers(-3, 12), st.text(max_size=8)),
    st.builds(lambda n: f"{n}) item", st.integers(0, 5)),
    st.builds(lambda u: f'<a href="{u}" onclick="x">x</a>', urls),
    st.sampled_from(["---", "# Title", "## Steps", "!!! note", "    indented", "```", "<div markdown>", "</div>",
                     "[r]: https://bitpieaac.com", "| a | b |", "|---|---|", "- bullet", "\t", "{ onclick=x }",
                     "<script>", "<!--", "-->", "title: [unclosed"]),
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
