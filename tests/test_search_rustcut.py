"""Chinese segmentation by rjieba behind Material's search plugin
(helpcenter/search/rustcut.py): the same tokens as jieba, with our user dictionary,
on every shipped page and the benchmark corpus, and the same built index."""

from __future__ import annotations

import logging
import subprocess

import jieba
import pytest
from backrefs import bre
from material.plugins.search import plugin as material_search

from helpcenter.bench.corpus import make_project
from helpcenter.search import rustcut
from helpcenter.search.scope import USERDICT

from conftest import ENV, MKDOCS, ROOT

# Material's own expression for the runs it hands to jieba (_segment_chinese).
HAN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)
jieba.setLogLevel(logging.ERROR)


@pytest.fixture(scope="module")
def cutters():
    """jieba and RustCut, each with the project's user dictionary loaded."""
    jieba.load_userdict(str(USERDICT))
    cutter = rustcut.RustCut()
    cutter.load_userdict(USERDICT)
    return jieba, cutter


def han_runs(texts) -> set[str]:
    runs: set[str] = set()
    for text in texts:
        runs.update(HAN.findall(text))
        # Rendered text joins what Markdown marks apart ("**找到**助记词"): those runs too.
        runs.update(HAN.findall(text.replace("*", "").replace("[", "").replace("]", "")))
    return runs


def assert_same_tokens(cutters, runs) -> None:
    real, cutter = cutters
    assert runs
    # As Material calls it: UTF-8 bytes of one run.
    different = [
        (r, list(real.cut(r.encode("utf-8"))), cutter.cut(r.encode("utf-8")))
        for r in sorted(runs)
        if list(real.cut(r.encode("utf-8"))) != cutter.cut(r.encode("utf-8"))
    ]
    assert different == []


def test_same_tokens_as_jieba_on_every_shipped_page(cutters):
    pages = sorted((ROOT / "docs").rglob("*.md"))
    runs = han_runs(p.read_text(encoding="utf-8") for p in pages)
    assert len(runs) > 500
    assert_same_tokens(cutters, runs)


def test_same_tokens_as_jieba_on_the_benchmark_corpus(cutters, tmp_path):
    config = make_project(tmp_path / "corpus", 300)
    runs = han_runs(p.read_text(encoding="utf-8") for p in (config.parent / "docs").rglob("*.md"))
    assert_same_tokens(cutters, runs)


def test_user_dictionary_words_stay_whole(cutters):
    real, cutter = cutters
    for word in ("助记词", "人工客服", "钓鱼网站", "比特派"):
        assert word in cutter.cut(f"请不要把{word}告诉任何人".encode())
        assert cutter.cut(f"请不要把{word}告诉任何人".encode()) == list(real.cut(f"请不要把{word}告诉任何人".encode()))


@pytest.mark.parametrize(
    "text",
    [
        "㐀㐁中国",  # CJK extension A: outside jieba's range, one token per character
        "〇々中文",  # Han-script signs outside jieba's range
        "豈更車賈",  # compatibility ideographs
        "𠀀𠀁钱包",  # extension B (beyond the BMP)
        "鿐鿑鿒",  # unified ideographs after U+9FD5 that jieba leaves out
        "BitPie 钱包 3.5% 的\r\n助记词\t私钥",  # mixed text and white space (not what Material passes, still jieba's split)
        "",
    ],
)
def test_characters_outside_jiebas_range_are_split_as_jieba_splits_them(cutters, text):
    real, cutter = cutters
    assert cutter.cut(text.encode("utf-8")) == list(real.cut(text.encode("utf-8")))
    assert cutter.cut(text) == list(real.cut(text))


def test_a_word_without_frequency_in_the_user_dictionary(tmp_path):
    userdict = tmp_path / "dict.txt"
    userdict.write_text("\ufeff派派钱包\n助记小本 n\n\n", encoding="utf-8")
    assert rustcut.read_userdict(userdict) == [("派派钱包", None, None), ("助记小本", None, "n")]
    import rjieba

    real = jieba.Tokenizer()  # fresh dictionaries: the process-wide ones stay as they are
    real.load_userdict(str(userdict))
    cutter = rustcut.RustCut(rjieba.Jieba())
    cutter.load_userdict(userdict)
    for text in ("我的派派钱包里有助记小本", "派派钱包", "助记小本丢了"):
        assert cutter.cut(text) == list(real.cut(text))
    assert "派派钱包" in cutter.cut("我的派派钱包")


@pytest.fixture
def restore_material_jieba():
    before = material_search.jieba
    yield
    material_search.jieba = before


class FakePlugin:
    def __init__(self, **config):
        self.config = config


def test_install_puts_rjieba_behind_materials_search(restore_material_jieba, monkeypatch):
    monkeypatch.delenv("HELPCENTER_RJIEBA", raising=False)
    assert rustcut.install(FakePlugin(jieba_dict_user=str(USERDICT))) is True
    assert material_search.jieba is rustcut.CUTTER


def test_install_keeps_jieba_when_only_jieba_can_give_the_same_tokens(restore_material_jieba, monkeypatch, tmp_path):
    monkeypatch.delenv("HELPCENTER_RJIEBA", raising=False)
    zero = tmp_path / "zero.txt"
    zero.write_text("助记词 0\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café 3 n\n".encode("latin-1"))
    for config in ({"jieba_dict": str(USERDICT)}, {"jieba_dict_user": str(zero)}, {"jieba_dict_user": str(latin1)}):
        assert rustcut.install(FakePlugin(**config)) is False
        assert material_search.jieba is jieba
    monkeypatch.setenv("HELPCENTER_RJIEBA", "0")
    assert rustcut.install(FakePlugin(jieba_dict_user=str(USERDICT))) is False
    assert material_search.jieba is jieba
    monkeypatch.delenv("HELPCENTER_RJIEBA")
    assert rustcut.install(FakePlugin(jieba_dict_user=str(USERDICT))) is True


def test_built_index_is_byte_identical_with_jieba_and_with_rjieba(site, tmp_path):
    """The shipped site built by the hook (rjieba) and built with HELPCENTER_RJIEBA=0
    (Material's own jieba): both languages' search indexes are the same bytes."""
    out = tmp_path / "jieba-site"
    result = subprocess.run(
        MKDOCS + ["build", "--strict", "-v", "-d", str(out)],
        cwd=ROOT,
        env={**ENV, "HELPCENTER_RJIEBA": "0"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "segmenting with jieba (HELPCENTER_RJIEBA=0)" in result.stderr
    for index in ("search/search_index.json", "en/search/search_index.json"):
        assert (site / index).read_bytes() == (out / index).read_bytes(), index
    assert "\u200b" in (out / "search/search_index.json").read_text(encoding="utf-8")


def test_the_hook_segments_with_rjieba(restore_material_jieba, monkeypatch):
    """The shipped mkdocs.yml's on_config (hooks/search.py before Material's search)
    puts rjieba in, and Material's on_config loads our user dictionary into it."""
    from mkdocs.config import load_config

    monkeypatch.delenv("HELPCENTER_RJIEBA", raising=False)
    material_search.jieba = jieba
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_config(config)
    assert material_search.jieba is rustcut.CUTTER
    assert rustcut.CUTTER.engine.has_word("人工客服")
    assert "人工客服" in rustcut.CUTTER.cut("请联系人工客服".encode())
