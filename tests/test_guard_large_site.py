"""A large site is checked in worker processes (helpcenter.guard.runner, from
PARALLEL_FROM pages): the build still fails on every problem, located, reported
once, and FAQ pages still get their JSON-LD from the workers' results."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from helpcenter.bench.corpus import make_project
from helpcenter.guard.runner import PARALLEL_FROM

from conftest import ENV, MKDOCS, built_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.build
def test_large_site_fails_strictly_with_located_problems_and_keeps_jsonld(tmp_path):
    config = make_project(tmp_path / "p", 100)
    docs = config.parent / "docs"
    assert len(list(docs.rglob("*.md"))) >= PARALLEL_FROM  # the worker processes, not the serial path
    late = docs / "en/faq/generated-0099.md"  # in the last chunk
    late.write_text(late.read_text(encoding="utf-8") + "\nAsk [support](https://bitpie-help.com/).\n", encoding="utf-8")
    bad_line = late.read_text(encoding="utf-8").count("\n")
    zh = docs / "zh/faq/generated-0000.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("1. **", "3. **", 1), encoding="utf-8")
    out = tmp_path / "site"
    result = subprocess.run(MKDOCS + ["build", "--strict", "-d", str(out)], cwd=config.parent, env=ENV, capture_output=True, text=True)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Aborted with" in log
    assert f"docs/en/faq/generated-0099.md:{bad_line}: [lookalike-domain]" in log
    assert "docs/zh/faq/generated-0000.md:" in log and "[faq-step-numbering]" in log
    assert log.count("[lookalike-domain]") == 1  # reported once, not again per language build
    page = built_path(out, "faq/generated-0050.md", "en").read_text(encoding="utf-8")
    data = json.loads(page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    assert data["@type"] == "FAQPage"
