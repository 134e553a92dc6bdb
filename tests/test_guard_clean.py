"""The guard's baseline: good content passes, in the fixture and in the shipped site."""

from __future__ import annotations

from pathlib import Path

from helpcenter.guard.runner import check_config

ROOT = Path(__file__).resolve().parent.parent


def test_fixture_project_passes(mini):
    assert mini.findings() == []


def test_shipped_site_passes_clean():
    report = check_config(ROOT / "mkdocs.yml")
    assert [f.text() for f in report.findings] == []
    # and it really looked at every article in both languages
    langs = {page.lang for page in report.pages.values()}
    assert langs == {"zh", "en"}
    assert len(report.faqs) >= 16  # 8 FAQs in each language
