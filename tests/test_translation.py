"""Translation status (helpcenter/guard/translation.py, helpcenter-translations):
an edit to one language makes its twin outdated (a warning, never a failure),
marking the twin clears it; records are edited without moving anything else in
the file; pages waiting for their translation are not a step-count error and are
refused by the draft check; the outdated page tells readers so, online and offline."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.guard.project import load_settings
from helpcenter.guard.runner import check_config
from helpcenter.guard.translation import KEY, PENDING, fingerprint, scan, statuses
from helpcenter.scaffold.drafts import find_drafts
from helpcenter.scaffold.translations import MarkError, edit_front_matter, init, mark, markdown

from conftest import ENV, FAQ_EN, MKDOCS, ROOT, Mini, copy_project, run_script

TODAY = dt.date(2026, 11, 25)


def translations(root: Path, *args: str) -> subprocess.CompletedProcess:
    return run_script("translations.py", root, *args)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def tracked(mini: Mini) -> Mini:
    """The mini project with every page recorded as in line with its twin."""
    assert init(load_settings(mini.config))
    assert mini.findings() == []
    return mini


def codes(mini: Mini) -> list[tuple[str, str]]:
    return [(f.path, f.code) for f in check_config(mini.config, today=TODAY).findings]


# -- the drift check --------------------------------------------------------------------


def test_a_one_language_step_edit_makes_the_twin_outdated_until_it_is_updated_and_marked(tracked):
    zh, en = tracked.root / "docs/zh/faq/forgot.md", tracked.root / "docs/en/faq/forgot.md"
    edit(zh, "3. **设置新密码**：设置一个新的强密码。", "3. **设置新密码**：设置一个至少 12 位的新密码。")
    findings = check_config(tracked.config, today=TODAY).findings
    assert [(f.path, f.code, f.severity, f.fails) for f in findings] == [
        ("docs/en/faq/forgot.md", "translation-outdated", "warning", False)
    ]
    assert findings[0].line == next(n for n, line in enumerate(en.read_text().split("\n"), 1) if line.startswith(f"{KEY}:"))
    assert "docs/zh/faq/forgot.md" in findings[0].text() and "--mark docs/en/faq/forgot.md" in findings[0].text()
    # the translator updates the English step; until it is marked, it is still reported
    edit(en, "Choose a new strong password.", "Choose a new password of at least 12 characters.")
    assert codes(tracked) == [("docs/en/faq/forgot.md", "translation-outdated"), ("docs/zh/faq/forgot.md", "translation-outdated")]
    done = mark(load_settings(tracked.config), Path("docs/en/faq/forgot.md"))
    assert sorted(p.name for p in done.files) == ["forgot.md", "forgot.md"]  # both records were rewritten
    assert codes(tracked) == []
    site = scan(load_settings(tracked.config))
    assert site["en"]["faq/forgot.md"].record.recorded("zh") == site["zh"]["faq/forgot.md"].record.fingerprint
    assert site["zh"]["faq/forgot.md"].record.recorded("en") == site["en"]["faq/forgot.md"].record.fingerprint


def test_the_outdated_page_is_reported_in_its_own_language(tracked):
    edit(tracked.root / "docs/en/faq/forgot.md", "Choose a new strong password.", "Choose a long password.")
    (finding,) = check_config(tracked.config, today=TODAY).findings
    assert finding.path == "docs/zh/faq/forgot.md"
    assert finding.text().startswith("docs/zh/faq/forgot.md:")
    assert "这个页面可能已过时：英文版本（docs/en/faq/forgot.md）在上次同步之后有改动。" in finding.text()
    assert "helpcenter-translations --mark docs/zh/faq/forgot.md" in finding.text()


def test_renumbering_spacing_and_other_front_matter_are_not_changes(tracked):
    zh = tracked.root / "docs/zh/faq/forgot.md"
    before = fingerprint(*_meta_body(zh))
    edit(zh, "2. **导入钱包**", "5. **导入钱包**")
    edit(zh, "设置一个新的强密码。", "设置一个新的强密码。   ")
    edit(zh, "category: wallet\n", "category: wallet\nkeywords: [密码]\n")
    assert fingerprint(*_meta_body(zh)) == before
    assert [c for c in codes(tracked) if c[1].startswith("translation")] == []
    edit(zh, "title: 忘记密码怎么办？", "title: 忘记了密码怎么办？")  # the title is read by readers
    assert fingerprint(*_meta_body(zh)) != before


def _meta_body(path: Path):
    from helpcenter.guard.markdown import read_source, split_front_matter

    meta, _, body, _ = split_front_matter(read_source(path))
    return meta, body


def test_the_check_command_annotates_an_outdated_page_as_a_warning_and_passes(tracked):
    edit(tracked.root / "docs/zh/faq/forgot.md", "拿出你抄写的助记词。", "拿出你手抄的助记词。")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--github", "--config", str(tracked.config)],
        capture_output=True,
        text=True,
        cwd=tracked.root,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith("::warning file=docs/en/faq/forgot.md,line=") and ",title=translation-outdated::" in line
    assert "no errors, 1 warning(s)" in result.stderr


def test_the_command_lists_outdated_pending_and_untracked_pages_and_marks_from_the_command_line(tracked):
    edit(tracked.root / "docs/zh/faq/forgot.md", "拿出你抄写的助记词。", "拿出你手抄的助记词。")
    tracked.write("zh/new.md", "# 新页面\n\n内容。\n")
    tracked.write("en/new.md", "---\ntranslate_from: zh\n---\n\n# New page\n\nText.\n")
    tracked.write("zh/other.md", "# 另一页\n\n内容。\n")
    tracked.write("en/other.md", "# Other\n\nText.\n")
    result = translations(tracked.root)
    assert result.returncode == 0
    out = result.stdout
    assert "docs/en/faq/forgot.md:" in out and "[translation-outdated]" in out
    assert "docs/en/new.md:2: waiting for its translation from the Chinese version (docs/zh/new.md)" in out
    assert "docs/zh/other.md:1：还没有记录与英文版本（docs/en/other.md）的同步状态" in out
    assert "1 outdated, 1 being translated, 2 not tracked" in result.stderr
    summary = translations(tracked.root, "--markdown").stdout
    assert summary.startswith("## Translation needed · 需要翻译\n")
    assert "| `docs/en/faq/forgot.md` | update from the Chinese version · 按中文版本更新 |" in summary
    assert "| `docs/en/new.md` | translation from the Chinese version · 从中文版本翻译 |" in summary
    marked = translations(tracked.root, "--mark", "docs/en/faq/forgot.md", "docs/zh/other.md")
    assert marked.returncode == 0, marked.stderr
    assert "docs/zh/other.md：已记录为与 docs/en/other.md 同步" in marked.stdout
    assert translations(tracked.root, "--mark", "docs/en/new.md").returncode == 0  # no placeholder left: the translation is done
    assert PENDING not in (tracked.root / "docs/en/new.md").read_text()
    assert "0 outdated, 0 being translated, 0 not tracked" in translations(tracked.root).stderr
    assert "None: every page is in line with its twin." in translations(tracked.root, "--markdown").stdout


def test_mark_refuses_what_it_cannot_vouch_for(tracked):
    settings = load_settings(tracked.config)
    tracked.write("en/faq/forgot.md", FAQ_EN.replace("Choose a new strong password.", "TODO: translate."))
    with pytest.raises(MarkError, match="still holds placeholders"):
        mark(settings, Path("docs/en/faq/forgot.md"))
    tracked.write("zh/solo-only.md", "# 只有中文\n")
    with pytest.raises(MarkError, match="no twin"):
        mark(settings, Path("docs/zh/solo-only.md"))
    result = translations(tracked.root, "--mark", "mkdocs.yml")
    assert result.returncode == 1 and "is not a page in a language folder of docs" in result.stderr


def test_marking_the_page_that_changed_does_not_clear_its_untranslated_twin(tracked):
    """A writer who edits the Chinese page and then marks it (the page they know)
    must not silently vouch for the English page nobody updated: the command names
    the outdated page to bring in line and mark, in the language of the page given."""
    edit(tracked.root / "docs/zh/faq/forgot.md", "拿出你抄写的助记词。", "拿出你手抄的助记词。")
    before = (tracked.root / "docs/en/faq/forgot.md").read_bytes()
    result = translations(tracked.root, "--mark", "docs/zh/faq/forgot.md")
    assert result.returncode == 1
    assert (
        "docs/zh/faq/forgot.md 是改动过的页面，过时的是它的对应页面 docs/en/faq/forgot.md。" in result.stderr
        and "helpcenter-translations --mark docs/en/faq/forgot.md" in result.stderr
    ), result.stderr
    assert (tracked.root / "docs/en/faq/forgot.md").read_bytes() == before
    assert codes(tracked) == [("docs/en/faq/forgot.md", "translation-outdated")]
    # naming the outdated page is the writer's word that it says the same now
    assert translations(tracked.root, "--mark", "docs/en/faq/forgot.md").returncode == 0
    assert codes(tracked) == []


def test_init_keeps_records_already_written(tracked):
    edit(tracked.root / "docs/zh/faq/forgot.md", "拿出你抄写的助记词。", "拿出你手抄的助记词。")
    assert init(load_settings(tracked.config)) == []
    assert codes(tracked) == [("docs/en/faq/forgot.md", "translation-outdated")]


def test_a_record_that_cannot_be_read_is_a_finding_at_its_line(mini):
    mini.write("zh/page.md", f"---\ntitle: 页\n{KEY}: [en, abc]\n---\n\n# 页\n")
    mini.write("en/page.md", f"---\ntitle: Page\n{PENDING}: fr\n---\n\n# Page\n")
    found = {(f.path, f.line, f.code, f.case) for f in mini.findings()}
    assert found == {("docs/zh/page.md", 3, "translation-record", "record"), ("docs/en/page.md", 3, "translation-record", "pending")}


# -- editing front matter ---------------------------------------------------------------


def test_the_record_is_added_without_moving_anything_else():
    text = "---\n# a comment\ntitle: 'Q: how?'\nsources:\n  - url: https://bitpie.com/\n---\n\nBody\n"
    new = edit_front_matter(text, {"zh": "abc123abc123"}, False)
    assert new == (
        "---\n# a comment\ntitle: 'Q: how?'\nsources:\n  - url: https://bitpie.com/\n"
        f"{KEY}:  # helpcenter-translations --mark writes this\n  zh: abc123abc123\n---\n\nBody\n"
    )
    again = edit_front_matter(new, {"zh": "ffffffffffff"}, False)
    assert again == new.replace("abc123abc123", "ffffffffffff")


def test_crlf_bom_no_front_matter_and_flow_front_matter_are_kept_readable():
    crlf = "\ufeff---\r\ntitle: T\r\ntranslate_from: zh\r\n---\r\n\r\n# T\r\n"
    new = edit_front_matter(crlf, {"zh": "abc"}, True)
    assert new.startswith("\ufeff---\r\ntitle: T\r\n") and "translate_from" not in new and new.endswith("\r\n\r\n# T\r\n")
    assert "\n" not in new.replace("\r\n", "")
    bare = edit_front_matter("# Page\n\nText.\n", {"en": "abc"}, False)
    assert bare.startswith(f"---\n{KEY}:") and bare.endswith("---\n\n# Page\n\nText.\n")
    flow = edit_front_matter("---\n{title: Forgot your password?, category: wallet}\n---\n\n# T\n", {"zh": "abc"}, False)
    from helpcenter.guard.markdown import split_front_matter

    meta, error, body, _ = split_front_matter(flow)
    assert error is None and meta == {"title": "Forgot your password?", "category": "wallet", KEY: {"zh": "abc"}} and body == "\n# T\n"


def test_an_edit_yaml_would_read_differently_is_refused():
    with pytest.raises(ValueError):
        edit_front_matter("---\n- a list\n---\n\n# T\n", {"zh": "abc"}, False)


# -- pages waiting for their translation ------------------------------------------------


def test_a_pending_translation_is_not_a_step_count_error_and_the_draft_check_refuses_it(mini):
    en = FAQ_EN.replace("{title:", f"{{{PENDING}: zh, title:").replace("3. **Set a new password**: Choose a new strong password.\n", "")
    mini.write("en/faq/forgot.md", en)
    assert mini.findings() == []  # 3 steps in Chinese, 2 in the English being translated
    drafts = find_drafts(load_settings(mini.config))
    assert [(f.path, f.line, f.code) for f in drafts] == [("docs/en/faq/forgot.md", 2, "translation-pending")]
    assert "helpcenter-translations --mark docs/en/faq/forgot.md" in drafts[0].text()
    # marked done with a step missing: the step counts are compared again
    mark(load_settings(mini.config), Path("docs/en/faq/forgot.md"))
    assert "step-count-mismatch" in {f.code for f in mini.findings()}
    assert find_drafts(load_settings(mini.config)) == []


def test_markdown_of_a_clean_site_says_none(tracked):
    assert statuses(scan(load_settings(tracked.config))) == []
    assert "None: every page is in line with its twin." in markdown(scan(load_settings(tracked.config)))


def test_the_shipped_pages_are_all_tracked_and_in_line():
    assert statuses(scan(load_settings(ROOT / "mkdocs.yml"))) == []


# -- what readers see -------------------------------------------------------------------


@pytest.mark.build
def test_the_outdated_page_shows_a_notice_linking_its_twin_online_and_offline(tmp_path):
    from selectolax.lexbor import LexborHTMLParser

    root = copy_project(tmp_path / "project")
    edit(root / "docs/zh/faq/transfer-not-arrived.md", "1. **找到交易哈希**", "1. **先找到交易哈希**")
    for offline, site in ((False, tmp_path / "site"), (True, tmp_path / "offline")):
        env = {**ENV, "OFFLINE": "true"} if offline else ENV
        result = subprocess.run(MKDOCS + ["build", "--strict", "-d", str(site)], cwd=root, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-3000:]
        suffix = ".html" if offline else "/index.html"
        outdated = site / f"en/faq/transfer-not-arrived{suffix}"
        notice = LexborHTMLParser(outdated.read_text(encoding="utf-8")).css_first("article .hc-translation")
        assert notice is not None and "This translation may be out of date" in notice.text()
        link = notice.css_first("a")
        assert link.attributes["hreflang"] == "zh" and link.text().strip() == "Read the Chinese version"
        target = (outdated.parent / link.attributes["href"]).resolve()
        if not offline:
            target = target / "index.html"
        assert target == (site / f"faq/transfer-not-arrived{suffix}").resolve() and target.is_file()
        for fine in (f"faq/transfer-not-arrived{suffix}", f"en/faq/forgot-password{suffix}", f"faq/forgot-password{suffix}"):
            assert "hc-translation" not in (site / fine).read_text(encoding="utf-8"), fine
    # the notice is the site's own words, not the article's: it is not in the search index
    assert "may be out of date" not in (tmp_path / "site/en/search/search_index.json").read_text(encoding="utf-8")


def test_the_chinese_notice_reads_naturally():
    from helpcenter.reader.strings import STRINGS
    from helpcenter.reader.translation import notice

    assert STRINGS["zh"]["translation_outdated"].startswith("此译文可能已过时")
    roots = {"zh": "", "en": "en/"}
    assert notice("zh/faq/x.md", "faq/x/", {"zh/faq/x.md": "en"}, roots) == {"lang": "en", "url": "en/faq/x/"}
    assert notice("en/faq/x.md", "en/faq/x.html", {"en/faq/x.md": "zh"}, roots) == {"lang": "zh", "url": "faq/x.html"}
    assert notice("en/index.md", "en/", {"en/index.md": "zh"}, roots) == {"lang": "zh", "url": "./"}
    assert notice("en/faq/y.md", "en/faq/y/", {"en/faq/x.md": "zh"}, roots) is None


# -- the scaffold, both ways ------------------------------------------------------------


def _project(tmp_path: Path) -> Path:
    return copy_project(tmp_path, ("docs",))


def new_faq(root: Path, *args: str) -> subprocess.CompletedProcess:
    return run_script("new_faq.py", root, *args)


def _steps(path: Path):
    from helpcenter.guard.faq import read_faq
    from helpcenter.guard.markdown import parse_article

    return read_faq(parse_article(path, "x", "", "faq/x.md"), "contact.md").steps


def test_the_scaffold_adds_the_missing_language_with_the_sources_steps(tmp_path):
    root = _project(tmp_path)
    (root / "docs/en/faq/network-fees.md").unlink()
    zh = root / "docs/zh/faq/network-fees.md"
    result = new_faq(root, "network-fees")  # the id exists in Chinese only: its English translation is created
    assert result.returncode == 0, result.stderr
    assert (
        "from the Chinese version (6 steps)" in result.stdout
        and "helpcenter-translations --mark docs/en/faq/network-fees.md" in result.stdout
    )
    en = root / "docs/en/faq/network-fees.md"
    source, draft = _steps(zh), _steps(en)
    assert len(draft) == len(source) == 6
    assert all("TODO" in step.title and source[n].title in step.title for n, step in enumerate(draft))
    settings = load_settings(root / "mkdocs.yml")
    meta, _ = _meta_body(en)
    zh_meta, _ = _meta_body(zh)
    assert meta[PENDING] == "zh" and meta["category"] == zh_meta["category"] and meta["sources"] == zh_meta["sources"]
    assert check_config(root / "mkdocs.yml").findings == []  # previewable at once
    assert {(f.path, f.code) for f in find_drafts(settings)} == {
        ("docs/en/faq/network-fees.md", "translation-pending"),
        ("docs/en/faq/network-fees.md", "draft-placeholder"),
    }
    # the Chinese page gets a step while the English is translated: still not a step-count error
    edit(zh, "\n2. **", "\n2. **新的一步**：先看一眼。\n2. **")
    from helpcenter.guard.fix import fix_site

    assert len(fix_site(settings)) == 5  # the writer renumbers with check --fix
    assert len(_steps(zh)) == 7 and check_config(root / "mkdocs.yml").findings == []
    again = new_faq(root, "--translate", "network-fees", "--lang", "zh")
    assert again.returncode == 1 and "在每种语言中都已存在" in again.stderr
    assert new_faq(root, "--translate", "no-such-faq").returncode == 1


def test_writing_one_language_first_is_not_blocked_by_the_other_languages_draft(tmp_path):
    root = _project(tmp_path)
    result = new_faq(root, "change-wallet-name", "--zh", "如何修改钱包名称？")
    assert result.returncode == 0, result.stderr
    assert "docs/en/faq/change-wallet-name.md waits for its translation from docs/zh/faq/change-wallet-name.md" in result.stdout
    zh, en = root / "docs/zh/faq/change-wallet-name.md", root / "docs/en/faq/change-wallet-name.md"
    assert _meta_body(en)[0][PENDING] == "zh" and PENDING not in _meta_body(zh)[0]
    steps = "".join(f"{n}. **第 {n} 步**：照做。\n" for n in range(1, 6))  # five steps in Chinese, three placeholders in English
    zh.write_text(
        zh.read_text(encoding="utf-8").split("## 操作步骤")[0]
        + "## 操作步骤\n\n"
        + steps
        + "\n## 如果仍未解决\n\n请[联系客服](../contact.md)。\n",
        encoding="utf-8",
    )
    assert "step-count-mismatch" not in {f.code for f in check_config(root / "mkdocs.yml").findings}
    both = new_faq(root, "both-titles", "--zh", "两个标题？", "--en", "Both titles?")
    assert both.returncode == 0 and PENDING not in (root / "docs/en/faq/both-titles.md").read_text(encoding="utf-8")
