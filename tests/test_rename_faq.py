"""`helpcenter-rename-faq OLD NEW` (helpcenter/scaffold/rename.py) on a copy of the
real site: both languages move (with git history when tracked), every link, nav entry
and most-asked entry follows, the guard passes afterwards, and bad ids move nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.guard.project import load_settings
from helpcenter.guard.redirects import read_redirects
from helpcenter.guard.runner import check_config
from helpcenter.scaffold.rename import edit_redirect_map, rename_faq
from helpcenter.scaffold.scaffold import ScaffoldError

from conftest import ROOT

OLD, NEW = "account-stolen", "wallet-stolen"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def _errors(root: Path) -> list:
    return [f for f in check_config(root / "mkdocs.yml").findings if f.fails]


def test_rename_moves_both_languages_and_every_link(project: Path) -> None:
    assert _errors(project) == []
    referring = [p for p in (project / "docs").rglob("*.md") if f"{OLD}.md" in p.read_text(encoding="utf-8") and p.stem != OLD]
    assert referring, "the corpus must link the page being renamed"
    done = rename_faq(load_settings(project / "mkdocs.yml"), OLD, NEW)
    for lang in ("zh", "en"):
        assert not (project / "docs" / lang / "faq" / f"{OLD}.md").exists()
        assert (project / "docs" / lang / "faq" / f"{NEW}.md").is_file()
    assert set(done.moved) == {"zh", "en"}
    for path in (project / "docs").rglob("*.md"):
        assert f"{OLD}.md" not in path.read_text(encoding="utf-8"), path
    settings = load_settings(project / "mkdocs.yml")
    assert f"faq/{NEW}.md" in settings.yaml.data["nav"][1]["常见问题"]
    assert f"faq/{OLD}.md" not in settings.yaml.data["nav"][1]["常见问题"]
    # the old address of each language keeps answering: the redirect map says where to
    assert read_redirects(settings)[0] and {(r.old, r.new) for r in read_redirects(settings)[0]} == {
        (f"zh/faq/{OLD}.md", f"zh/faq/{NEW}.md"),
        (f"en/faq/{OLD}.md", f"en/faq/{NEW}.md"),
    }
    assert done.redirects == {f"zh/faq/{OLD}.md": f"zh/faq/{NEW}.md", f"en/faq/{OLD}.md": f"en/faq/{NEW}.md"}
    assert _errors(project) == []  # no broken link, nav entry, most-asked entry or redirect


def test_rename_uses_git_mv_when_tracked(project: Path) -> None:
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "init")
    rename_faq(load_settings(project / "mkdocs.yml"), OLD, NEW)
    status = _git(project, "status", "--porcelain")
    assert f"R  docs/zh/faq/{OLD}.md -> docs/zh/faq/{NEW}.md" in status
    assert f"R  docs/en/faq/{OLD}.md -> docs/en/faq/{NEW}.md" in status


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("no-such-page", "anything", "no-such-faq"),
        (OLD, "Bad_Id", "bad-id"),
        (OLD, "forgot-password", "id-used"),
    ],
)
def test_rename_refuses_and_moves_nothing(project: Path, old: str, new: str, key: str) -> None:
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    with pytest.raises(ScaffoldError) as caught:
        rename_faq(load_settings(project / "mkdocs.yml"), old, new)
    assert caught.value.key == key
    assert caught.value.text("zh") != caught.value.text("en")
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def _rename_in_chinese(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "rename_faq.py"), OLD, NEW, "--lang", "zh"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def test_rename_command_in_chinese(project: Path) -> None:
    done = _rename_in_chinese(project)
    assert done.returncode == 0, done.stderr
    assert f"已把常见问题“{OLD}”改名为“{NEW}”" in done.stdout
    assert f"docs/zh/faq/{OLD}.md -> docs/zh/faq/{NEW}.md" in done.stdout
    again = _rename_in_chinese(project)
    assert again.returncode == 1 and "任何语言里都没有常见问题" in again.stderr
    assert "旧地址仍然可以打开" in done.stdout and f"zh/faq/{OLD}.md -> zh/faq/{NEW}.md" in done.stdout
    assert "已重新写入翻译记录" in done.stdout
    # every page was in line with its translation before the rename: still so after it
    status = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py")], cwd=project, capture_output=True, text=True, check=True
    )
    assert "translations: 0 outdated" in status.stderr, status.stdout + status.stderr


def _map(root: Path) -> dict[str, str]:
    return {r.old: r.new for r in read_redirects(load_settings(root / "mkdocs.yml"))[0]}


def test_renaming_again_keeps_every_old_address_one_step_from_the_page(project: Path) -> None:
    rename_faq(load_settings(project / "mkdocs.yml"), OLD, NEW)
    rename_faq(load_settings(project / "mkdocs.yml"), NEW, "third-name")
    assert _map(project) == {f"{lang}/faq/{old}.md": f"{lang}/faq/third-name.md" for old in (OLD, NEW) for lang in ("zh", "en")}
    assert _errors(project) == []
    rename_faq(load_settings(project / "mkdocs.yml"), "third-name", OLD)  # back: OLD is a page again, not a redirect
    assert _map(project) == {f"{lang}/faq/{old}.md": f"{lang}/faq/{OLD}.md" for old in (NEW, "third-name") for lang in ("zh", "en")}
    assert _errors(project) == []


def test_the_map_is_edited_in_place(project: Path) -> None:
    config = project / "mkdocs.yml"
    before = config.read_text(encoding="utf-8").split("\n")
    rename_faq(load_settings(config), OLD, NEW)
    after = config.read_text(encoding="utf-8").split("\n")
    removed = [line for line in before if line not in after]
    added = [line for line in after if line not in before]
    assert removed == [f"      - faq/{OLD}.md", "      redirect_maps: {}"]
    assert added == [
        f"      - faq/{NEW}.md",
        "      redirect_maps:",
        f"        zh/faq/{OLD}.md: zh/faq/{NEW}.md",
        f"        en/faq/{OLD}.md: en/faq/{NEW}.md",
    ]


@pytest.mark.parametrize(
    "plugins",
    [
        "plugins:\n  - search\n",  # no redirects plugin yet: added
        "plugins:\n  - search\n  - redirects\n",  # the plugin without options
        "plugins:\n  - search\n  - redirects:\n      redirect_maps:\n        en/a.md: en/b.md\n  # a comment\n",
    ],
)
def test_edit_redirect_map_reads_back_as_meant(plugins: str) -> None:
    text = f"site_name: x\n{plugins}extra:\n  a: 1\n"
    new = edit_redirect_map(text, lambda current: {**current, "zh/faq/x.md": "zh/faq/y.md"})
    import yaml

    data = yaml.safe_load(new)
    entry = next(item["redirects"] for item in data["plugins"] if isinstance(item, dict) and "redirects" in item)
    assert entry["redirect_maps"]["zh/faq/x.md"] == "zh/faq/y.md"
    assert data["extra"] == {"a": 1} and "search" in data["plugins"]
    assert ("# a comment" in new) == ("# a comment" in text)


def test_a_map_it_cannot_edit_safely_moves_nothing(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      redirect_maps: {}", "      redirect_maps: [oops]"), encoding="utf-8"
    )
    with pytest.raises(ScaffoldError) as caught:
        rename_faq(load_settings(config), OLD, NEW)
    assert caught.value.key == "redirect-edit" and "redirect_maps" in caught.value.text("zh")
    assert (project / "docs/zh/faq" / f"{OLD}.md").is_file() and not (project / "docs/zh/faq" / f"{NEW}.md").exists()


def test_pages_in_line_before_the_rename_are_in_line_after_it(project: Path) -> None:
    def outdated() -> tuple[int, str]:
        done = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "translations.py")], cwd=project, capture_output=True, text=True, check=True
        )
        return int(re.search(r"(\d+) outdated", done.stderr).group(1)), done.stdout

    assert outdated()[0] == 0
    # one pair out of date on purpose: it must stay so
    page = project / "docs/zh/faq/fake-support.md"
    page.write_text(page.read_text(encoding="utf-8").replace("\n## ", "\n新增的一句话。\n\n## ", 1), encoding="utf-8")
    assert outdated() == (1, outdated()[1]) and "docs/en/faq/fake-support.md" in outdated()[1]
    done = rename_faq(load_settings(project / "mkdocs.yml"), OLD, NEW)
    assert done.remarked, "links were rewritten in pages that have a translation record"
    count, lines = outdated()
    assert count == 1 and "docs/en/faq/fake-support.md" in lines, lines
    assert _errors(project) == []


def test_a_rename_done_by_hand_in_one_language_is_completed(project: Path) -> None:
    (project / "docs/zh/faq" / f"{OLD}.md").rename(project / "docs/zh/faq" / f"{NEW}.md")
    hint = [f for f in check_config(project / "mkdocs.yml").findings if f.code == "missing-translation"]
    assert {(f.path, f.case) for f in hint} == {(f"docs/zh/faq/{NEW}.md", "renamed"), (f"docs/en/faq/{OLD}.md", "renamed")}
    command = next(f for f in hint if f.path == f"docs/en/faq/{OLD}.md").values["command"]
    assert command == f"helpcenter-rename-faq {NEW} {OLD}"  # give zh the en page's name ...
    other = next(f for f in hint if f.path == f"docs/zh/faq/{NEW}.md").values["command"]
    assert other == f"helpcenter-rename-faq {OLD} {NEW}"  # ... or en the zh page's name: what we run
    assert "看起来是同一篇常见问题" in next(f for f in hint if f.path.startswith("docs/zh/")).text()
    rename_faq(load_settings(project / "mkdocs.yml"), OLD, NEW)
    assert _errors(project) == []
    assert _map(project) == {f"zh/faq/{OLD}.md": f"zh/faq/{NEW}.md", f"en/faq/{OLD}.md": f"en/faq/{NEW}.md"}
