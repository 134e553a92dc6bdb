"""zh/en parity: a page missing in one language, or with other steps, is an error."""

from __future__ import annotations

from conftest import FAQ_ZH


def test_page_missing_in_english(mini):
    mini.write("zh/safety.md", "# 安全\n\n内容。\n")
    found = [f for f in mini.findings() if f.code == "missing-translation"]
    assert [(f.path, f.line) for f in found] == [("docs/zh/safety.md", 1)]
    assert "docs/en/safety.md" in found[0].message()


def test_faq_missing_in_chinese(mini):
    (mini.root / "docs/zh/faq/forgot.md").unlink()
    found = [f for f in mini.findings() if f.code == "missing-translation"]
    assert [f.path for f in found] == ["docs/en/faq/forgot.md"]
    assert "Chinese" in found[0].message()


def test_step_count_mismatch_is_reported_in_both_languages(mini):
    mini.write("zh/faq/forgot.md", FAQ_ZH.replace("3. **设置新密码**：设置一个新的强密码。\n", ""))
    found = sorted((f.path, f.line) for f in mini.findings() if f.code == "step-count-mismatch")
    assert found == [("docs/en/faq/forgot.md", 11), ("docs/zh/faq/forgot.md", 11)]
    assert "zh: 2" in mini.findings()[0].message() and "en: 3" in mini.findings()[0].message()
