"""`helpcenter-check --fix` renumbers misnumbered steps in place (faq-step-numbering:
start, back, gap), prints each change in the writer's language, changes nothing
else, and a second run has nothing left to fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpcenter.guard.fix import fix_site
from helpcenter.guard.project import load_settings

from conftest import FAQ_EN, FAQ_ZH, ROOT, Mini


def check_fix(mini: Mini, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--fix", *args, "--config", str(mini.config)],
        capture_output=True,
        text=True,
        cwd=mini.root,
    )


def numbering(mini: Mini) -> list[tuple[str, int, str]]:
    return [(f.path, f.line, f.case) for f in mini.findings() if f.code == "faq-step-numbering"]


def test_start_back_and_gap_are_renumbered_and_printed_in_the_writers_language(mini):
    mini.write("zh/faq/forgot.md", FAQ_ZH.replace("1. **找到", "0. **找到").replace("3. **设置", "2. **设置"))
    mini.write("en/faq/forgot.md", FAQ_EN.replace("2. **Import", "4. **Import").replace("3. **Set", "5. **Set"))
    assert {case for _, _, case in numbering(mini)} == {"start", "back", "gap"}
    before_en = (mini.root / "docs/en/faq/forgot.md").read_text(encoding="utf-8")
    result = check_fix(mini)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "docs/zh/faq/forgot.md:11：步骤编号 0 → 1",
        "docs/zh/faq/forgot.md:13：步骤编号 2 → 3",
        "docs/en/faq/forgot.md:12: step number 4 → 2",
        "docs/en/faq/forgot.md:13: step number 5 → 3",
    ]
    assert (mini.root / "docs/zh/faq/forgot.md").read_text(encoding="utf-8") == FAQ_ZH
    assert (mini.root / "docs/en/faq/forgot.md").read_text(encoding="utf-8") == FAQ_EN != before_en
    assert numbering(mini) == []
    again = check_fix(mini, "--lang", "zh")
    assert again.stdout == "" and "没有需要重新编号的步骤" in again.stderr


def test_only_the_steps_change_not_nested_lists_code_lazy_lines_or_other_lists(mini):
    body = (
        FAQ_EN.split("## Steps")[0] + "## Steps\n\n"
        "2. **Find your phrase**: Take out the recovery phrase\n"
        "you wrote down (a lazy line).\n"
        "    7. a nested item that keeps its number\n"
        "    9. and another\n"
        "2. **Import the wallet**: Choose to import:\n\n"
        "    ```\n"
        "    5. not a step, code\n"
        "    ```\n"
        "7. **Set a new password**: Choose a new strong password.\n\n"
        "Between.\n\n"
        "4. a second list the fix leaves alone\n\n"
        "## If this did not help\n\nPlease [contact support](../contact.md).\n"
    )
    path = mini.write("en/faq/forgot.md", body)
    path.write_bytes(("\ufeff" + body.replace("\n", "\r\n")).encode("utf-8"))  # BOM and CRLF are kept
    changes = fix_site(load_settings(mini.config))
    assert [(c.old, c.new) for c in changes] == [(2, 1), (7, 3)]
    fixed = path.read_bytes().decode("utf-8")
    expected = "\ufeff" + body.replace("2. **Find", "1. **Find").replace("7. **Set", "3. **Set").replace("\n", "\r\n")
    assert fixed == expected
    assert fix_site(load_settings(mini.config)) == []
    assert numbering(mini) == []


def test_procedures_on_other_pages_are_renumbered_inside_admonitions_too(mini):
    text = (
        "# Contact\n\nWebsite: <https://bitpie.com/>\n\n"
        '!!! note "How"\n\n'
        "    1. **Open the app**: Tap Me.\n"
        "    3. **Find support**: Tap Help.\n"
    )
    mini.write("en/contact.md", text)
    assert numbering(mini) == [("docs/en/contact.md", 8, "gap")]
    changes = fix_site(load_settings(mini.config))
    assert [(c.path, c.line, c.old, c.new) for c in changes] == [("docs/en/contact.md", 8, 3, 2)]
    assert (mini.root / "docs/en/contact.md").read_text(encoding="utf-8") == text.replace("    3. **Find", "    2. **Find")
    assert numbering(mini) == []


def test_fix_on_a_clean_tree_changes_no_file(mini):
    before = {p: p.read_bytes() for p in Path(mini.root / "docs").rglob("*.md")}
    assert fix_site(load_settings(mini.config)) == []
    assert {p: p.read_bytes() for p in before} == before
