"""jieba's segmentation, computed by rjieba (jieba-rs), behind Material's search plugin.

Material's search plugin segments every run of Han characters in the index with
`jieba.cut(run.encode("utf-8"))` (`material/plugins/search/plugin.py`,
`_segment_chinese`) and loads the project's user dictionary with
`jieba.load_userdict(path)` in its `on_config`. Both go through the module-level
name `jieba` of that plugin module, so `install()` puts a `RustCut` there, from
hooks/search.py's `on_config`, which runs before Material's. The index is then the
same, token for token, and Chinese segmentation costs about a tenth (BENCHMARKS.md).

What keeps the tokens the same as jieba's (tests/test_search_rustcut.py proves it on
every shipped page and on the benchmark corpus, and that the built Chinese index is
byte-identical):
- The same default dictionary (jieba-rs ships jieba's `dict.txt`) and the same HMM.
- The user dictionary read as `jieba.load_userdict` reads it (UTF-8, BOM ignored,
  `word [freq] [tag]` per line) and added word by word, process-wide and additive,
  as jieba's own global dictionary is.
- jieba's own split of a sentence before segmenting: only runs of
  `[\\u4E00-\\u9FD5a-zA-Z0-9+#&._%-]` are segmented; every other character (Han
  characters outside that range too, which jieba-rs would otherwise segment) is a
  token of its own, white space is kept as it is.

Where it cannot be the same, jieba stays: `install()` declines when the plugin is
given a main dictionary (`search.jieba_dict`; jieba-rs cannot take jieba's
replacement dictionary the same way), when the user dictionary has a word of
frequency 0 (jieba then also forces the HMM to split it), when it is not UTF-8
text, or when rjieba is not installed. `HELPCENTER_RJIEBA=0` keeps jieba too (to
compare the two; scripts/bench.py and the tests do).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.search")

# jieba 0.42.1, jieba/__init__.py: the same expressions, so the same blocks.
RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
RE_SKIP = re.compile("(\r\n|\\s)", re.U)
RE_USERDICT = re.compile("^(.+?)( [0-9]+)?( [a-z]+)?$", re.U)

Entry = tuple[str, "int | None", "str | None"]


def read_userdict(path: str | Path) -> list[Entry]:
    """The entries of a jieba user dictionary, read as `jieba.load_userdict` reads
    them. Raises ValueError for text that is not UTF-8."""
    entries: list[Entry] = []
    for raw in Path(path).read_bytes().splitlines():
        try:
            line = raw.strip().decode("utf-8").lstrip("\ufeff")
        except UnicodeDecodeError as error:
            raise ValueError(f"dictionary file {path} must be utf-8") from error
        if not line:
            continue
        word, freq, tag = RE_USERDICT.match(line).groups()
        entries.append((word, int(freq) if freq is not None else None, tag.strip() if tag else None))
    return entries


def _decode(sentence: str | bytes) -> str:
    """jieba's `strdecode`."""
    if isinstance(sentence, str):
        return sentence
    try:
        return sentence.decode("utf-8")
    except UnicodeDecodeError:
        return sentence.decode("gbk", "ignore")


class RustCut:
    """The part of jieba's module interface Material's search plugin uses
    (`cut`, `load_userdict`), computed by rjieba."""

    def __init__(self, engine=None) -> None:
        """`engine`: an `rjieba.Jieba`; by default rjieba's own, loaded on first use."""
        self._engine = engine
        self._loaded: set[tuple[str, ...]] = set()

    @property
    def engine(self):
        if self._engine is None:
            import rjieba

            # The instance rjieba builds on import, with jieba's default dictionary
            # (one dictionary load per process, as with jieba).
            self._engine = rjieba.cut.__self__
        return self._engine

    def add_entries(self, entries: Iterable[Entry]) -> None:
        for word, freq, tag in entries:
            self.engine.add_word(word, freq, tag)

    def load_userdict(self, f: str | Path) -> None:
        entries = read_userdict(f)
        key = tuple(map(repr, entries))
        if key not in self._loaded:  # the nested language builds load it again: once is enough
            self.add_entries(entries)
            self._loaded.add(key)

    def cut(self, sentence: str | bytes, cut_all: bool = False, HMM: bool = True) -> list[str]:  # noqa: N803 (jieba's name)
        if cut_all:
            raise NotImplementedError("RustCut segments in jieba's accurate mode only")
        words: list[str] = []
        for block in RE_HAN.split(_decode(sentence)):
            if not block:
                continue
            if RE_HAN.match(block):
                words += self.engine.cut(block, HMM)
            else:
                for part in RE_SKIP.split(block):
                    if RE_SKIP.match(part):
                        words.append(part)
                    else:
                        words += part
        return words


CUTTER = RustCut()


def usable(search_config) -> str | None:
    """Why rjieba cannot stand in for jieba with this search plugin configuration
    (None when it can)."""
    if os.environ.get("HELPCENTER_RJIEBA", "1") == "0":
        return "HELPCENTER_RJIEBA=0"
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return "rjieba is not installed"
    if search_config.get("jieba_dict"):
        return "search.jieba_dict replaces jieba's main dictionary"
    user = search_config.get("jieba_dict_user")
    if user and Path(user).is_file():
        try:
            entries = read_userdict(user)
        except (OSError, ValueError) as error:
            return str(error)
        if any(freq == 0 for _, freq, _ in entries):
            return "the user dictionary has a word of frequency 0"
    return None


def install(search_plugin) -> bool:
    """Let Material's search plugin segment with rjieba; False (and jieba stays)
    when jieba is not there to be replaced or the configuration needs jieba itself."""
    try:
        from material.plugins.search import plugin as module
    except ImportError:
        return False
    original = getattr(module, "_helpcenter_jieba", module.jieba)
    if original is None:  # no jieba: Material does not segment at all, and neither do we
        return False
    module._helpcenter_jieba = original
    reason = usable(search_plugin.config)
    if reason:
        log.debug(f"search: segmenting with jieba ({reason})")
        module.jieba = original
        return False
    module.jieba = CUTTER
    log.debug("search: segmenting with rjieba")
    return True
