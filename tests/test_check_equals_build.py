"""Check == build: the standalone check and the strict build report the same
(file, line, code) set for a corpus of bad pages covering every place Markdown and
HTML can carry a link or text: inline, reference, autolink, image, admonition,
details, table, heading, raw HTML block, `<div markdown>`, attr_list attributes,
duplicate reference definitions, a tab-indented admonition body, an HTML comment
before a link, front matter, links between pages and anchors, typed contacts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import ENV, ROOT, copy_project

CASES = {
    "inline.md": "# Inline\n\nSee [help](https://bitpie-a1.com/).\n",
    "reference.md": "# Reference\n\nSee [help][h].\n\n[h]: https://bitpie-a2.com/\n",
    "autolink.md": "# Autolink\n\nSee <https://bitpie-a3.com/>.\n",
    "image.md": "# Image\n\n![logo](https://cdn.example.org/x.png)\n",
    "admonition.md": "# Admonition\n\n!!! note\n    See [help](https://bitpie-a5.com/).\n",
    "details.md": '# Details\n\n??? note "More"\n    See [help](https://bitpie-a6.com/).\n',
    "table.md": "# Table\n\n| a | b |\n|---|---|\n| [x](https://bitpie-a7.com/) | y |\n",
    "heading.md": "# Heading\n\n## Go to [help](https://bitpie-a8.com/)\n\nText.\n",
    "raw-html.md": '# Raw\n\n<p><a href="https://bitpie-a9.com/">help</a></p>\n',
    "md-in-html.md": "# Div\n\n<div markdown>\nSee [help](https://bitpie-b1.com/).\n</div>\n",
    "attr-list.md": '# Attr\n\nClick here.\n{ onclick="alert(1)" }\n',
    "attr-link.md": '# Attr link\n\n[help](https://bitpie.com/){ onmouseover="alert(1)" }\n',
    "duplicate-ref.md": "# Dup\n\nSee [help][h].\n\n[h]: https://bitpie.com/\n[h]: https://bitpie-b4.com/\n",
    "tab-admonition.md": "# Tab\n\n!!! warning\n\tSee [help](https://bitpie-b5.com/).\n",
    "svg.md": "# Svg\n\n<svg/onload=alert(1)>\n",
    "comment.md": "# Comment\n\n<!-- note --> See [help](https://bitpie-b7.com/).\n",
    "front-matter.md": "---\ndescription: Visit bitpie-b8.com for help\n---\n\n# Front\n\nText.\n",
    "broken-link.md": "# Broken\n\nRead [this](nope.md) and [that](inline.md#no-such-anchor).\n",
    "typed-contact.md": "# Typed\n\n客服微信：abc_help123\n",
    # issue 12's classes: each through the check and the strict build
    "noscript.md": '# Noscript\n\n<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n',
    "css-escape.md": '# Css\n\n<p style="background:\\75 rl(//evil.example/a.png)">x</p>\n',
    "image-set.md": "# Image set\n\n<p style=\"background-image:image-set('https://evil.example/a.png' 1x)\">x</p>\n",
    "ping.md": '# Ping\n\n<a href="https://bitpie.com/" ping="https://evil.example/">site</a>\n',
    "html-text.md": "# Html text\n\n<div>添加客服微信：abc_12345</div>\n\n<td>call +1 (555) 010-9999</td>\n",
    "details-text.md": "# Details\n\n<details><summary>QQ群: 12345678</summary>x</details>\n",
    "comment-text.md": "# Comment\n\n<!-- note --> 微信：kefu_0101\n",
    "no-colon.md": "# No colon\n\n添加客服微信 abc_123 获取帮助\n\n加V kefu_01 领取\n\n微信号是abc_2024\n",
    "invisible.md": "# Invisible\n\n微信：\u200babc_123\n\n电话 ＋８６ １３８ ００１３ ８０００\n",
    "intl-phone.md": "# Phones\n\nCall +1 (555) 010-9999 or (852) 2345 6789.\n",
    "at-dot.md": "# At dot\n\nWrite to support at gmail dot com.\n",
    "platform.md": "# Platform\n\nTwitter: bitpiehelp\n",
    "mailto-params.md": "# Mailto\n\n[mail](mailto:support@bitpie.com?bcc=x@evil.example&body=send%20your%20phrase)\n",
    "web3-name.md": "# Web3\n\nVisit bitpie.eth for help.\n",
    "defanged.md": "# Defanged\n\nGo to hxxps://bitpie-help[.]com now.\n",
    "crypto-address.md": "# Address\n\nSend to 0x52908400098527886E0F7030069857D2E4169EE7 now.\n",
    "secret-request.md": "# Secret\n\nPlease send your recovery phrase to support.\n\n请把助记词发给客服。\n",
    "installable.md": "# Apk\n\n[get the app](files/bitpie.apk)\n",
    "qr.md": "# Qr\n\n![scan](img/wechat-qr.png)\n",
    "code-fake.md": "# Code\n\nThe official group is `t.me/bitpie_group`.\n",
    "fake-declared.md": "---\nfake_examples: [bitpie.com]\n---\n\n# Declared\n\nThe site is `bitpie.com`.\n",
    "frontmatter-block.md": "---\ndescription: |\n  Visit our desk at\n  https://bitpie-help.com/ now\n---\n\n# Block\n\nText.\n",
    "alias-bomb.md": "---\na: &a [x, x]\nkeywords: [*a, *a]\n---\n\n# Bomb\n\nText.\n",
    "deep.md": "# Deep\n\n" + ">" * 250 + " deep\n",
}
CLEAN = "# Clean\n\nNothing to see.\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    copy_project(root)
    for name, text in CASES.items():
        (root / "docs/en/corpus").mkdir(parents=True, exist_ok=True)
        (root / "docs/zh/corpus").mkdir(parents=True, exist_ok=True)
        (root / "docs/en/corpus" / name).write_text(text, encoding="utf-8")
        (root / "docs/zh/corpus" / name).write_text(CLEAN, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config + "\nnot_in_nav: |\n  */corpus/*.md\n", encoding="utf-8")
    return root


LINE = re.compile(r"^(?:WARNING -  )?(?P<path>docs/\S+?):(?P<line>\d+): \[(?P<code>[\w-]+)\]", re.M)


def found(output: str) -> set[tuple[str, int, str]]:
    return {(m["path"], int(m["line"]), m["code"]) for m in LINE.finditer(output)}


@pytest.mark.build
def test_check_and_build_report_the_same_problems(corpus):
    check = subprocess.run([str(ROOT / ".venv/bin/helpcenter-check")], cwd=corpus, capture_output=True, text=True, env=ENV)
    build = subprocess.run([str(ROOT / ".venv/bin/helpcenter-build-check")], cwd=corpus, capture_output=True, text=True, env=ENV)
    assert check.returncode == 1 and build.returncode == 1
    from_check, from_build = found(check.stdout), found(build.stdout)
    every_case = {path.split("/")[-1] for path, _, _ in from_check}
    assert every_case == set(CASES), sorted(set(CASES) - every_case)
    assert from_check == from_build, (sorted(from_check - from_build), sorted(from_build - from_check))
