"""mkdocs-static-i18n's search de-duplication is off (`reconfigure_search: false` in
mkdocs.yml): the shipped site's per-language indexes are the same bytes as with it
on, and a section written the same in both languages stays in the English index."""

from __future__ import annotations

import json
import subprocess

from helpcenter.bench.corpus import make_project

from conftest import ENV, MKDOCS, ROOT

ON = "      reconfigure_search: true\n"
OFF = "      reconfigure_search: false\n"


def test_the_shipped_config_loads_with_the_de_duplication_off():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.plugins["i18n"].config.reconfigure_search is False


def test_per_language_indexes_are_byte_identical_to_those_with_it_on(site, tmp_path):
    config = make_project(tmp_path / "on", 0)  # a copy of the shipped project, no generated pages
    config.write_text(config.read_text(encoding="utf-8").replace(OFF, ON), encoding="utf-8")
    out = tmp_path / "site-on"
    result = subprocess.run(
        MKDOCS + ["build", "--strict", "-f", str(config), "-d", str(out)], cwd=config.parent, env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for index in ("search/search_index.json", "en/search/search_index.json"):
        assert (site / index).read_bytes() == (out / index).read_bytes(), index
    assert json.loads((site / "en/search/search_index.json").read_bytes())["docs"]


MINI = """\
site_name: Mini
site_url: https://help.test/
theme:
  name: material
  language: zh
plugins:
  - search:
      lang: [zh, en]
  - i18n:
      docs_structure: folder
      reconfigure_search: {dedup}
      languages:
        - locale: zh
          default: true
          name: 中文
        - locale: en
          name: English
hooks:
  - {hook}
"""


def english_titles(tmp_path, dedup: str) -> list[str]:
    root = tmp_path / dedup
    for lang, title in (("zh", "首页"), ("en", "Home")):
        page = root / "docs" / lang / "index.md"
        page.parent.mkdir(parents=True)
        page.write_text(f"# {title}\n\nText {lang}.\n\n## BitPie 2026\n\nBitPie app 2.0\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MINI.format(dedup=dedup, hook=ROOT / "hooks/search.py"), encoding="utf-8")
    result = subprocess.run(MKDOCS + ["build", "-d", str(root / "site")], cwd=root, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return [d["title"] for d in json.loads((root / "site/en/search/search_index.json").read_bytes())["docs"]]


def test_a_section_written_the_same_in_both_languages_stays_in_the_english_index(tmp_path):
    assert "BitPie 2026" in english_titles(tmp_path, "false")
    assert "BitPie 2026" not in english_titles(tmp_path, "true")  # what the de-duplication did
