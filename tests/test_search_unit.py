"""Search building blocks: Material's segmenter (ported), our query preparation,
and the per-language split of the index."""

from __future__ import annotations

import json
import re

from helpcenter.search.query import prepare, to_lunr
from helpcenter.search.segment import segment
from helpcenter.search.split import split_index

VOCAB = {"如何", "联系", "联系客服", "客服", "忘记密码", "忘记", "密码", "怎么办", "账户", "被盗", "账户被盗"}
ZH_SEP = re.compile(r"[\s\u200b]+")


def test_materials_segmenter_loses_the_last_word_of_a_run():
    # Upstream behaviour we work around: no word may end at the run's last character.
    assert segment("如何联系客服", VOCAB) == ["如何", "联系"]
    assert segment("账户被盗", VOCAB) == ["账户"]


def test_our_segmentation_keeps_whole_words_and_drops_fillers():
    assert to_lunr("如何联系客服", VOCAB, ZH_SEP, chinese=True, stem=False) == "联系客服*"
    assert to_lunr("忘记密码怎么办", VOCAB, ZH_SEP, chinese=True, stem=False) == "忘记密码*"
    assert to_lunr("账户被盗", VOCAB, ZH_SEP, chinese=True, stem=False) == "账户被盗*"


def test_unknown_characters_do_not_sink_the_query():
    assert to_lunr("我的账户被盗了啊", VOCAB, ZH_SEP, chinese=True, stem=False) == "账户被盗*"


def test_mixed_chinese_and_english_query():
    assert to_lunr("BitPie 忘记密码", VOCAB | {"bitpie"}, ZH_SEP, chinese=True, stem=False) == "BitPie* 忘记密码*"


def test_english_words_are_stemmed_before_the_wildcard():
    assert prepare("Passwords recovering verification phishing", None, stem=True) == "password recov verif phish"
    assert prepare("passwords", None, stem=False) == "passwords"


def merged_index(tmp_path):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "en").mkdir()
    docs = [
        {"location": "", "title": "首页", "text": "欢迎"},
        {"location": "faq/x/", "title": "问题", "text": "答案"},
        {"location": "en/", "title": "Home", "text": "Welcome"},
        {"location": "en/faq/x/#steps", "title": "Steps", "text": "Do it"},
    ]
    (site / "search/search_index.json").write_text(json.dumps({"config": {"lang": ["zh", "en"]}, "docs": docs}), encoding="utf-8")
    return site


def test_split_gives_each_language_its_own_index(tmp_path):
    site = merged_index(tmp_path)
    written = split_index(site, "zh", ["en"], offline=False, keywords={"faq/x/": ["关键词"]})
    zh = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in zh["docs"]] == ["", "faq/x/"]
    assert [d["location"] for d in en["docs"]] == ["", "faq/x/#steps"]  # relative to /en/
    assert zh["docs"][1]["keywords"] == "关键词"
    assert zh["config"]["lang"] == ["zh"] and en["config"]["lang"] == ["en"]
    assert "stemmer" in en["config"]["pipeline"] and "stemmer" not in zh["config"]["pipeline"]
    assert {(f.locale, f.docs) for f in written} == {("zh", 2), ("en", 2)}
    assert not (site / "search/search_index.js").exists()


def test_offline_split_writes_the_file_protocol_scripts(tmp_path):
    site = merged_index(tmp_path)
    split_index(site, "zh", ["en"], offline=True)
    script = (site / "en/search/search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = {") and '"Welcome"' in script


def test_split_is_idempotent(tmp_path):
    site = merged_index(tmp_path)
    split_index(site, "zh", ["en"], offline=False)
    first = (site / "search/search_index.json").read_text(encoding="utf-8")
    split_index(site, "zh", ["en"], offline=False)
    assert (site / "search/search_index.json").read_text(encoding="utf-8") == first
