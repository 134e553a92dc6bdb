"""The rule catalogue: every code speaks the language of the file it is about.

For every code in helpcenter/guard/catalogue.py, a small input makes the guard
report it; the finding prints in Chinese for a file under docs/zh/ and in English
for one under docs/en/ (findings about mkdocs.yml and files outside the language
folders print in English unless a language is forced). A code without an input
here fails the test, so a new rule cannot join the catalogue untested.
"""

from __future__ import annotations

import ast
import datetime as dt
import pickle
import re
import string
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from helpcenter.guard import catalogue
from helpcenter.guard.catalogue import RULES, Text, finding, problem
from helpcenter.guard.findings import Finding
from helpcenter.guard.online import check_urls
from helpcenter.guard.project import load_settings
from helpcenter.scaffold.drafts import find_drafts
from helpcenter.scaffold.scaffold import create_faq

from conftest import FAQ_EN, FAQ_SOURCES, FAQ_ZH, ROOT, Mini

CJK = re.compile(r"[\u4e00-\u9fff]")
LANG_FOLDERS = ("zh", "en")


def chinese(text: str) -> bool:
    return bool(CJK.search(text))


# -- one input per code ---------------------------------------------------------------
# A scenario writes its input into the mini project and returns the findings; the
# input goes into both language folders (or, for parity, one page per language).


def on_line_3(markdown: str) -> Callable[[Mini], list[Finding]]:
    def write(mini: Mini) -> list[Finding]:
        for lang in LANG_FOLDERS:
            mini.write(f"{lang}/page.md", f"# Page\n\n{markdown}\n")
        return mini.findings()

    return write


def faq(body_zh: str, body_en: str | None = None) -> Callable[[Mini], list[Finding]]:
    def write(mini: Mini) -> list[Finding]:
        mini.write("zh/faq/forgot.md", body_zh)
        mini.write("en/faq/forgot.md", body_en if body_en is not None else body_zh)
        return mini.findings()

    return write


def in_config(old: str, new: str) -> Callable[[Mini], list[Finding]]:
    def write(mini: Mini) -> list[Finding]:
        text = mini.config.read_text(encoding="utf-8")
        assert old in text
        mini.config.write_text(text.replace(old, new, 1), encoding="utf-8")
        return mini.findings()

    return write


def both_files(name: str, content: bytes) -> Callable[[Mini], list[Finding]]:
    def write(mini: Mini) -> list[Finding]:
        for lang in LANG_FOLDERS:
            (mini.root / "docs" / lang / name).write_bytes(content)
        return mini.findings()

    return write


def missing_translation(mini: Mini) -> list[Finding]:
    mini.write("zh/only-zh.md", "# 只有中文\n\n内容。\n")
    mini.write("en/only-en.md", "# Only English\n\nText.\n")
    return mini.findings()


def faq_type_mismatch(mini: Mini) -> list[Finding]:
    as_faq = "---\ntype: faq\n---\n\n" + FAQ_EN.split("---\n", 2)[2]
    mini.write("zh/a.md", as_faq.replace("# Forgot", "# 忘记"))
    mini.write("en/a.md", "# A\n\nText.\n")  # an FAQ in zh only: reported on en/a.md
    mini.write("zh/b.md", "# 乙\n\n内容。\n")
    mini.write("en/b.md", as_faq)  # an FAQ in en only: reported on zh/b.md
    return mini.findings()


def outside_language_folder(mini: Mini) -> list[Finding]:
    mini.write("stray.md", "# Stray\n")
    return mini.findings()


def draft_placeholder(mini: Mini) -> list[Finding]:
    settings = load_settings(mini.config)
    create_faq(settings, "new-question")
    return find_drafts(settings)


def translation_outdated(mini: Mini) -> list[Finding]:
    from helpcenter.scaffold.translations import init

    init(load_settings(mini.config))  # every page in line with its twin, then each language edited alone
    for lang in LANG_FOLDERS:
        path = mini.root / "docs" / lang / "faq/forgot.md"
        path.write_text(path.read_text(encoding="utf-8").replace("3. **", "3. **Now: "), encoding="utf-8")
    return mini.findings()


def translation_record(mini: Mini) -> list[Finding]:
    mini.write("zh/faq/forgot.md", FAQ_ZH.replace("{title:", "{in_sync_with: nope, title:"))
    mini.write("en/faq/forgot.md", FAQ_EN.replace("{title:", "{translate_from: fr, title:"))
    return mini.findings()


def translation_pending(mini: Mini) -> list[Finding]:
    mini.write("zh/faq/forgot.md", FAQ_ZH.replace("{title:", "{translate_from: en, title:"))
    mini.write("en/faq/forgot.md", FAQ_EN.replace("{title:", "{translate_from: zh, title:"))
    return find_drafts(load_settings(mini.config))


def registry_unreachable(mini: Mini) -> list[Finding]:
    return check_urls([("http://127.0.0.1:9/closed", 10)], "mkdocs.yml", timeout=2)


def rendered(markdown: str) -> Callable[[Mini], list[Finding]]:
    """The check as the command runs it: pages rendered, links between them checked."""

    def write(mini: Mini) -> list[Finding]:
        from helpcenter.guard.runner import check_config

        for lang in LANG_FOLDERS:
            mini.write(f"{lang}/page.md", f"# Page\n\n{markdown}\n")
        return check_config(mini.config, today=dt.date(2026, 11, 25), render=True).findings

    return write


def faq_category(mini: Mini) -> list[Finding]:
    text = mini.config.read_text(encoding="utf-8")
    mini.config.write_text(
        text.replace("extra:\n", "extra:\n  faq_categories:\n    - {id: security, label: {zh: 安全, en: Security}}\n", 1), encoding="utf-8"
    )
    return faq(FAQ_ZH, FAQ_EN)(mini)


def fake_example(mini: Mini) -> list[Finding]:
    for lang in LANG_FOLDERS:  # the official domain declared as a fake
        mini.write(f"{lang}/page.md", "---\nfake_examples: [bitpie.com]\n---\n\n# Official\n\nThe site is `bitpie.com`.\n")
    return mini.findings()


def symlink_loop(mini: Mini) -> list[Finding]:
    for lang in LANG_FOLDERS:
        (mini.root / "docs" / lang / "faq/again").symlink_to(mini.root / "docs" / lang)
    return mini.findings()


def gate_message(message: str) -> Callable[[Mini], list[Finding]]:
    def write(mini: Mini) -> list[Finding]:
        from helpcenter.guard.gate import locate

        return locate(message, load_settings(mini.config))

    return write


def verify_site(plant: Callable[[Path], object]) -> Callable[[Mini], list[Finding]]:
    """verify-site over a tiny built folder: one page with an inline script."""

    def write(mini: Mini) -> list[Finding]:
        from helpcenter.guard.verify import verify_site as run

        site = mini.root / "built"
        site.mkdir(exist_ok=True)
        (site / "index.html").write_text("<html><body><article><p>Hi</p></article><script>var x = 1;</script></body></html>")
        plant(site)
        return run(site, mini.config)

    return write


WEBSITE = "    - id: website\n      kind: website\n      url: https://bitpie.com/\n"
EMAIL_URL = "      url: mailto:support@bitpie.com\n"
STEPS = "1. **Find your phrase**: Take out the recovery phrase you wrote down.\n"

SCENARIOS: dict[str, Callable[[Mini], list[Finding]]] = {
    "lookalike-domain": on_line_3("[x](https://bitpieaac.com/)"),
    "brand-subdomain": on_line_3("[x](https://bitpie.com.help-center.net/)"),
    "punycode-domain": on_line_3("[x](https://xn--btpie-k0a.com/)"),
    "homoglyph-domain": on_line_3("[x](https://bіtpie.com/)"),
    "ip-host": on_line_3("[x](https://192.168.1.10/wallet)"),
    "url-shortener": on_line_3("[x](https://bit.ly/3abcd)"),
    "userinfo-trick": on_line_3("[x](https://bitpie.com@evil.net/)"),
    "protocol-relative": on_line_3("[x](//bitpie.com/)"),
    "insecure-link": on_line_3("[x](http://bitpie.com/)"),
    "script-url": on_line_3("[x](javascript:alert(1))"),
    "data-url": on_line_3("[x](data:text/html;base64,PHNjcmlwdD4=)"),
    "unsupported-scheme": on_line_3("[x](ftp://bitpie.com/file)"),
    "malformed-url": on_line_3("[x](https://[bad/)"),
    "embedded-url": on_line_3("[x](https://bitpie.com/go?url=https://bitpieaac.com/)"),
    "external-resource": on_line_3("![logo](https://cdn.example.com/logo.png)"),
    "domain-not-allowed": on_line_3("[x](https://example.com/page)"),
    "domain-in-text": on_line_3("see example.org for help"),
    "contact-unlisted": on_line_3("Telegram: @bitpie_help"),
    "freemail-address": on_line_3("[mail](mailto:bitpie.support@gmail.com)"),
    "invalid-email": on_line_3("[mail](mailto:not-an-address)"),
    "html-script": on_line_3("<script>alert(1)</script>"),
    "html-iframe": on_line_3('<iframe src="https://bitpie.com/"></iframe>'),
    "html-embed": on_line_3('<object data="x.swf"></object>'),
    "html-forbidden-tag": on_line_3('<form action="https://bitpie.com/login"><input></form>'),
    "html-event-handler": on_line_3('<div onclick="go()">click</div>'),
    "html-style-url": on_line_3('<span style="background:url(a.png)">x</span>'),
    "html-javascript-url": on_line_3('<a href="javascript:alert(1)">x</a>'),
    "faq-no-title": faq(FAQ_EN.replace("{title: Forgot your password?, ", "{").replace("# Forgot your password?\n", "")),
    "faq-no-answer": faq(FAQ_EN.replace("Restore the wallet from its recovery phrase and set a new password.\n\n", "")),
    "faq-no-steps": faq(FAQ_EN.replace("1. **", "- **").replace("2. **", "- **").replace("3. **", "- **")),
    "faq-too-few-steps": faq(FAQ_EN.split("2. **")[0] + "## If this did not help\n\nPlease [contact support](../contact.md).\n"),
    "faq-step-numbering": faq(FAQ_EN.replace("3. **Set", "5. **Set")),
    "faq-step-title": faq(FAQ_EN.replace("1. **Find your phrase**: Take", "1. Take")),
    "faq-step-format": faq(FAQ_EN.replace("**Find your phrase**:", "**Find your phrase**")),
    "faq-step-empty": faq(FAQ_EN.replace("**Find your phrase**: Take out the recovery phrase you wrote down.", "**Find your phrase**:")),
    "faq-steps-split": faq(FAQ_EN.replace("2. **Import", "\nBetween.\n\n2. **Import")),
    "faq-no-escalation": faq(FAQ_EN.replace("[contact support](../contact.md)", "contact support")),
    "missing-translation": missing_translation,
    "step-count-mismatch": faq(FAQ_ZH, FAQ_EN.replace("3. **Set a new password**: Choose a new strong password.\n", "")),
    "faq-type-mismatch": faq_type_mismatch,
    "redirect": in_config(
        "plugins:\n",
        "plugins:\n  - redirects:\n      redirect_maps:\n"
        "        en/faq/old.md: https://bitpie-help.example/\n        zh/faq/old.md: zh/faq/nope.md\n",
    ),
    "translation-outdated": translation_outdated,
    "translation-record": translation_record,
    "translation-pending": translation_pending,
    "unchecked-file": both_files("login.html", b"<form action=https://bitpie-support.com>"),
    "outside-language-folder": outside_language_folder,
    "front-matter": faq("---\ntitle: [unclosed\n---\n\n" + FAQ_EN.split("---\n", 2)[2]),
    "unreadable": both_files("broken.md", b"# T\n\n\xff\xfe bad bytes\n"),
    "draft-placeholder": draft_placeholder,
    "registry-entry": in_config("    - id: email\n", "    - id: website\n"),
    "registry-unsourced": in_config("      source: https://bitpie.com/contact\n", ""),
    "registry-unverified": in_config("verified: 2026-01-02\n      label: {zh: 邮箱", "verified: 2099-01-02\n      label: {zh: 邮箱"),
    "registry-domain": in_config(EMAIL_URL, "      url: mailto:support@example.com\n"),
    "registry-unreachable": registry_unreachable,
    "config-unknown-key": in_config("    official_domains:", "    oficial_domains:"),
    "config-type": in_config("    min_steps: 2", "    min_steps: two"),
    "config-missing-key": in_config("      label: {zh: 官网, en: Website}\n", "      label: {zh: 官网}\n"),
    "config-markup": in_config("label: {zh: 官网, en: Website}", "label: {zh: 官网, en: 'Website <b>now</b>'}"),
    "config-date": in_config("verified: 2026-01-02\n      label: {zh: 官网", "verified: 2026-13-40\n      label: {zh: 官网"),
    "contact-parameters": on_line_3("[mail](mailto:support@bitpie.com?bcc=collector@evil.example&body=send%20your%20phrase)"),
    "symlink-loop": symlink_loop,
    "fake-example": fake_example,
    "list-paren": faq(FAQ_EN.replace("1. **", "1) **").replace("2. **", "2) **").replace("3. **", "3) **")),
    "nesting-too-deep": on_line_3(">" * 250 + " deep"),
    "html-not-allowed": on_line_3("<noscript><p>x</p></noscript><marquee>x</marquee>"),
    "html-attribute-not-allowed": on_line_3('<p style="color:red">x</p>'),
    "unofficial-name": on_line_3("Visit bitpie.eth for help"),
    "crypto-address": on_line_3("Send to 0x52908400098527886E0F7030069857D2E4169EE7 now"),
    "secret-request": on_line_3("Please send your recovery phrase to support."),
    "broken-link": rendered("[x](nope.md)"),
    "broken-anchor": rendered("[x](page.md#no-such-heading)"),
    "absolute-link": rendered("[x](/contact/)"),
    "unrecognized-link": rendered("[x](faq/)"),
    "installable-file": rendered("[get the app](files/bitpie.apk)"),
    "qr-image": rendered("![scan](img/wechat-qr.png)"),
    "faq-no-source": faq(FAQ_EN.replace(FAQ_SOURCES, "")),
    "faq-source": faq(
        FAQ_EN.replace(
            "https://github.com/bitpiedotcom/bitpie-docs/blob/master/RegisterAndRecover/index.rst", "https://bitpie.com/help"
        ).replace("checked: 2026-11-20", "checked: 2099-01-01")
    ),
    "faq-category": faq_category,
    "faq-no-summary": faq(FAQ_EN.replace("description: Restore the wallet from its recovery phrase and set a new password., ", "")),
    "nav-missing-page": gate_message(
        "A reference to 'nope.md' is included in the 'nav' configuration, which is not found in the documentation files."
    ),
    "not-in-nav": gate_message(
        'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n  - zh/page.md\n  - en/page.md'
    ),
    "build-warning": gate_message("Something else the build said."),
    "headers-missing": verify_site(lambda site: None),
    "headers-csp": verify_site(
        lambda site: (site / "_headers").write_text("/*\n  Content-Security-Policy: script-src 'self' 'unsafe-inline'\n")
    ),
    "inline-script-unlisted": verify_site(
        lambda site: (site / "_headers").write_text("/*\n  Content-Security-Policy: script-src 'self'\n")
    ),
    "search-index": verify_site(lambda site: (site / "search").mkdir() or (site / "search/search_index.json").write_text("{not json")),
}


@pytest.mark.parametrize("code", list(RULES))
def test_every_code_prints_in_the_language_of_its_file(mini, code):
    assert code in SCENARIOS, f"no input for {code}: add one to SCENARIOS"
    found = [f for f in SCENARIOS[code](mini) if f.code == code]
    assert found, f"{code} not reported; got {[f.text() for f in SCENARIOS[code](mini)]}"
    by_lang: dict[str, Finding] = {}
    for item in found:
        by_lang.setdefault(catalogue.lang_of(item.path) or "", item)
    if "zh" in by_lang or "en" in by_lang:
        # a file in a language folder: its own language, without being asked
        assert set(by_lang) >= {"zh", "en"}, (code, sorted(by_lang))
        zh, en = by_lang["zh"].text(), by_lang["en"].text()
        assert chinese(zh) and "修改方法：" in zh, zh
        assert not chinese(en) and " Fix: " in en, en
    else:
        # mkdocs.yml, or a file outside the language folders: English unless forced
        item = by_lang[""]
        assert not chinese(item.text()) and " Fix: " in item.text(), item.text()
        assert chinese(item.text("zh")) and "修改方法：" in item.text("zh"), item.text("zh")
        assert item.text("en") == item.text()
    for item in found:  # a forced language wins over the file's own
        assert chinese(item.message("zh")) and chinese(item.fix("zh"))
        assert not chinese(item.message("en")) and not chinese(item.fix("en"))


def test_a_zh_file_reads_naturally(mini):
    mini.write("zh/faq/forgot.md", FAQ_ZH.replace("3. **设置新密码**", "2. **设置新密码**"))
    line = next(f for f in mini.findings() if f.code == "faq-step-numbering").text()
    assert line == (
        "docs/zh/faq/forgot.md:13: [faq-step-numbering] 步骤编号 2 重复或倒退了，这里应为 3。"
        "修改方法：在源文件中按 1、2、3……给步骤编号；这一步应为 3。"
    )
    mini.write("zh/faq/forgot.md", FAQ_ZH.replace("[联系客服](../contact.md)", "联系客服"))
    line = next(f for f in mini.findings() if f.code == "faq-no-escalation").text()
    assert line.endswith("修改方法：在文末加一节，链接到联系客服页面，例如 [联系客服](../contact.md)。")


def test_rendered_page_backstop_speaks_the_files_language(mini):
    from helpcenter.guard.rendered import check_rendered
    from helpcenter.guard.runner import check_config

    for lang in LANG_FOLDERS:
        mini.write(f"{lang}/page.md", '# Page\n\n[site](https://bitpie.com/){ data-x="1" }\n')
    report = check_config(mini.config, today=dt.date(2026, 11, 25))
    html = '<p><a href="https://bitpie.com/" onmouseover="steal()">site</a></p>'
    zh = check_rendered(html, report.page(mini.root / "docs/zh/page.md"), report.checker)[0]
    en = check_rendered(html, report.page(mini.root / "docs/en/page.md"), report.checker)[0]
    assert zh.message() == '<a> 上的属性 onmouseover="steal()" 会执行 JavaScript（在渲染后的页面中发现）。'
    assert en.message() == 'The attribute onmouseover="steal()" on <a> runs JavaScript. (found in the rendered page)'


# -- the templates themselves ---------------------------------------------------------------

SAMPLE = {
    "list": ("a.example", "b.example"),
    "chars": (("і", "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I"),),
    "counts": (("zh", 2), ("en", 3)),
    "type": "integer",
    "example": "integer",
    "language": "zh",
}
# Words a Chinese message may keep in Latin letters: names of formats, tags and
# keys a writer types as they are.
LATIN_OK = {
    "ASCII",
    "HTML",
    "JavaScript",
    "Markdown",
    "YAML",
    "UTF",
    "YYYY",
    "MM",
    "DD",
    "punycode",
    "xn",
    "http",
    "https",
    "mailto",
    "tel",
    "data",
    "javascript",
    "vbscript",
    "blob",
    "ftp",
    "file",
    "url",
    "expression",
    "style",
    "id",
    "kind",
    "front",
    "matter",
    "docs",
    "overrides",
    "mkdocs",
    "yml",
    "extra",
    "contacts",
    "link_policy",
    "faq_categories",
    "reference_domains",
    "min_steps",
    "faq",
    "type",
    "key",
    "value",
    "true",
    "false",
    "bitpie",
    "com",
    "bit",
    "ly",
    "gmail",
    "qq",
    "evil",
    "net",
    "help",
    "center",
    "zh",
    "en",
    "CI",
    "lang",
    "scripts",
    "check_drafts",
    "py",
    "TODO",
    "onclick",
    "onerror",
    "svg",
    "js",
    "IP",
    # the allowlist, sources, site links, the build gate and verify-site name these as they are typed
    "ping",
    "p",
    "div",
    "span",
    "a",
    "img",
    "table",
    "details",
    "BitPie",
    "md",
    "contact",
    "MkDocs",
    "github",
    "bitpiedotcom",
    "bitpiewx",
    "sources",
    "title",
    "checked",
    "category",
    "description",
    "nav",
    "headers",
    "hooks",
    "offline",
    "script",
    "src",
    "unsafe",
    "inline",
    "eval",
    "fake_examples",
    "EVM",
    "T",
    "apk",
    "ipa",
    "mobileconfig",
    "exe",
    "crypto",
    "wallet",
    "eth",
    "Content",
    "Security",
    "Policy",
}


def sample_fields(text: Text) -> dict[str, object]:
    fields: dict[str, object] = {}
    for template in (text.en, text.zh):
        for _, name, spec, _ in string.Formatter().parse(template):
            if name:
                fields[name] = SAMPLE.get(spec or "", 1 if name in ("count", "number", "expected", "previous", "minimum") else "X")
    return fields


CASES = [(rule.code, name, case) for rule in RULES.values() for name, case in rule.cases.items()]


@pytest.mark.parametrize("code,name,case", CASES, ids=[f"{c}/{n or '-'}" for c, n, _ in CASES])
def test_each_case_is_chinese_in_zh_and_english_in_en(code, name, case):
    for text in (case.message, case.fix):
        fields = sample_fields(case.message) | sample_fields(case.fix)
        en, zh = text.format("en", **fields), text.format("zh", **fields)
        assert not chinese(en), en
        assert chinese(zh), zh
        # no English phrase inside a Chinese sentence ("gives a 微信 account"): what the
        # template leaves in Latin letters outside {fields}, `code`, <tags>, “quotes” and
        # URLs is a name a writer types as it is
        bare = re.sub(r"\{[^}]*\}|`[^`]*`|<[^>]*>|“[^”]*”|https?://\S+|\"[^\"]*\"", " ", text.zh)
        words = set(re.findall(r"[A-Za-z_]+", bare))
        assert words <= LATIN_OK, (text.zh, sorted(words - LATIN_OK))


def test_zh_separators_and_names():
    item = finding("outside-language-folder", "docs/stray.md", 1, folders=["docs/en/", "docs/zh/"])
    assert item.fix("zh") == "把它移到 docs/en/、docs/zh/ 下。"
    assert item.fix("en") == "Move it under docs/en/, docs/zh/."
    item = finding("missing-translation", "docs/zh/a.md", 1, lang="en", missing="docs/en/a.md")
    assert item.message() == "这个页面没有英文版本（docs/en/a.md 不存在）。"
    assert item.message("en") == "This page has no English version (docs/en/a.md does not exist)."


# -- the catalogue is the only source of codes ------------------------------------------------


def test_finding_refuses_what_the_catalogue_does_not_know():
    with pytest.raises(ValueError, match="unknown rule code 'no-such-rule'"):
        finding("no-such-rule", "docs/en/a.md", 1)
    with pytest.raises(ValueError, match="unknown case"):
        finding("lookalike-domain", "docs/en/a.md", 1, "nope", registrable="x", official="y", brand="b")
    with pytest.raises(ValueError, match="fields"):
        finding("insecure-link", "docs/en/a.md", 1)  # a field missing
    with pytest.raises(ValueError, match="fields"):
        finding("insecure-link", "docs/en/a.md", 1, raw="x", extra="y")  # a field too many
    with pytest.raises(ValueError, match="unknown rule code"):
        problem("made-up")
    with pytest.raises(ValueError, match="unknown rule code"):
        Finding("docs/en/a.md", 1, "made-up")  # even built by hand


def _literal_codes() -> list[tuple[str, int, str]]:
    """Every code written as the first argument of finding(), problem() or bad() in the package."""
    found = []
    for path in sorted((ROOT / "helpcenter").rglob("*.py")) + [ROOT / "hooks/guard.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("finding", "problem", "report"):
                if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    found.append((path.relative_to(ROOT).as_posix(), node.lineno, node.args[0].value))
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "bad" and len(node.args) > 2:
                if isinstance(node.args[2], ast.Constant):
                    found.append((path.relative_to(ROOT).as_posix(), node.lineno, node.args[2].value))
    return found


def test_every_code_written_in_the_package_is_in_the_catalogue():
    literal = _literal_codes()
    assert len(literal) > 40
    assert [item for item in literal if item[2] not in RULES] == []
    from helpcenter.guard.html import FORBIDDEN_TAGS

    assert set(FORBIDDEN_TAGS.values()) <= set(RULES)


def test_findings_are_small_picklable_records():
    item = finding("lookalike-domain", "docs/zh/a.md", 3, "contains", registrable="bitpieaac.com", brand="bitpie", official="bitpie.com")
    again = pickle.loads(pickle.dumps(item))
    assert again == item and again.text() == item.text()
    assert item.fields == (("brand", "bitpie"), ("official", "bitpie.com"), ("registrable", "bitpieaac.com"))
    assert len(pickle.dumps(item)) < 400


def test_github_annotation_level_follows_severity(monkeypatch):
    item = finding("insecure-link", "docs/zh/a.md", 3, raw="http://bitpie.com/")
    assert item.github().startswith("::error file=docs/zh/a.md,line=3,title=insecure-link::“http://bitpie.com/”")
    assert item.github("en").startswith("::error file=docs/zh/a.md,line=3,title=insecure-link::'http://bitpie.com/'")
    for severity, level in (("warning", "::warning "), ("notice", "::notice ")):
        rules = dict(RULES)
        rules["insecure-link"] = catalogue.Rule(**{**vars(RULES["insecure-link"]), "severity": severity})
        monkeypatch.setattr(catalogue, "RULES", rules)
        assert item.github().startswith(level) and not item.fails


def test_only_error_severity_fails_the_check(mini, monkeypatch, capsys):
    from helpcenter.guard.cli import main

    mini.page("# P\n\n[b](http://bitpie.com/)\n", lang="en")
    assert main(["--config", str(mini.config)]) == 1
    rules = dict(RULES)
    rules["insecure-link"] = catalogue.Rule(**{**vars(RULES["insecure-link"]), "severity": "warning"})
    monkeypatch.setattr(catalogue, "RULES", rules)
    capsys.readouterr()
    assert main(["--config", str(mini.config), "--github"]) == 0
    assert capsys.readouterr().out.startswith("::warning file=docs/en/page.md,line=3,title=insecure-link::")


# -- README lists exactly the catalogue ---------------------------------------------------------


def test_readme_rule_table_is_the_catalogue():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    inside = readme.split(catalogue.RULES_START, 1)[1].split(catalogue.RULES_END, 1)[0]
    assert inside.strip() == catalogue.rules_table().strip(), "run .venv/bin/python scripts/rules_doc.py"
    listed = re.findall(r"^\| `([a-z-]+)` \| (\w+) \|", inside, flags=re.M)
    assert listed == [(rule.code, rule.severity) for rule in RULES.values()]
    result = subprocess.run([sys.executable, "scripts/rules_doc.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# -- the commands in the chosen language --------------------------------------------------------


def run(script: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], cwd=cwd, capture_output=True, text=True)


def test_check_prints_each_file_in_its_language_or_all_in_one(mini, capsys):
    from helpcenter.guard.cli import main

    mini.write("zh/page.md", "# 页\n\n[官网](http://bitpie.com/)\n")
    mini.write("en/page.md", "# Page\n\n[site](http://bitpie.com/)\n")
    own = run("check.py", "--config", str(mini.config))  # the script a writer runs
    assert own.returncode == 1
    assert own.stdout.splitlines() == [
        "docs/en/page.md:3: [insecure-link] 'http://bitpie.com/' uses plain http:, which anyone on the network can read or "
        "redirect. Fix: Use https://.",
        "docs/zh/page.md:3: [insecure-link] “http://bitpie.com/”使用不加密的 http:，网络上的任何人都能读取它，或把读者转到别处。"
        "修改方法：改用 https://。",
    ]
    assert own.stderr.startswith("check: 2 problem(s) in 8 file(s), ")
    assert main(["--config", str(mini.config), "--lang", "zh"]) == 1
    out, err = capsys.readouterr()
    assert all(chinese(line) for line in out.splitlines()) and err.startswith("check：8 个文件，发现 2 个问题，用时 ")
    assert main(["--config", str(mini.config), "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert not chinese(out + err) and len(out.splitlines()) == 2
    for name in ("zh/page.md", "en/page.md"):
        (mini.root / "docs" / name).unlink()
    assert main(["--config", str(mini.config), "--lang", "zh"]) == 0
    assert capsys.readouterr().err.startswith("check：6 个文件，没有发现问题，用时 ")
    with pytest.raises(SystemExit):
        main(["--lang", "fr"])


def test_console_scripts_take_lang_too(mini):
    bin_dir = Path(sys.executable).parent
    mini.write("zh/page.md", "# 页\n\n[官网](http://bitpie.com/)\n")
    result = subprocess.run(
        [str(bin_dir / "helpcenter-check"), "--config", str(mini.config), "--lang", "en"], capture_output=True, text=True
    )
    assert result.returncode == 1 and "uses plain http:" in result.stdout
    create_faq(load_settings(mini.config), "new-question")
    result = subprocess.run(
        [str(bin_dir / "helpcenter-check-drafts"), "--config", str(mini.config), "--lang", "zh"], capture_output=True, text=True
    )
    assert result.returncode == 1 and result.stderr.strip() == "check_drafts：有 2 个草稿页面"
    assert all(chinese(line) for line in result.stdout.splitlines())


def test_check_drafts_prints_each_draft_in_its_language(mini, capsys):
    from helpcenter.scaffold.cli import check_drafts

    create_faq(load_settings(mini.config), "new-question")
    assert check_drafts(["--config", str(mini.config)]) == 1
    out, err = capsys.readouterr()
    en, zh = out.splitlines()
    assert en.startswith("docs/en/faq/new-question.md:2: [draft-placeholder] This page is still a draft: ")
    assert zh.startswith("docs/zh/faq/new-question.md:2: [draft-placeholder] 这个页面还是草稿：")
    assert err.strip() == "check_drafts: 2 draft page(s)"


def test_new_faq_speaks_chinese_when_asked(mini, capsys):
    from helpcenter.scaffold.cli import new_faq

    result = run("new_faq.py", "change-name", "--config", str(mini.config), "--lang", "zh")  # the script a writer runs
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "已创建常见问题草稿“change-name”："
    assert "接下来：" in result.stdout and "替换两个文件中的所有 TODO" in result.stdout
    assert new_faq(["change-name", "--config", str(mini.config), "--lang", "zh"]) == 1
    assert capsys.readouterr().err.startswith(
        "new_faq：常见问题 id“change-name”已存在（docs/en/faq/change-name.md、docs/zh/faq/change-name.md）"
    )
    assert new_faq(["Bad_Id", "--config", str(mini.config)]) == 1
    assert capsys.readouterr().err.startswith("new_faq: 'Bad_Id' is not a valid FAQ id")
    assert new_faq(["other-name", "--config", str(mini.config)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Created the draft FAQ 'other-name':") and not chinese(out)
