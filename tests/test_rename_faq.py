"""`helpcenter-rename-faq OLD NEW` (helpcenter/scaffold/rename.py) on a copy of the
real site: both languages move (with git history when tracked), every link, nav entry
and most-asked entry follows, the guard passes afterwards, and bad ids move nothing."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.guard.project import load_settings
from helpcenter.guard.runner import check_config
from helpcenter.scaffold.rename import rename_faq
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
    referring = [p for p in (project / "docs").rglob("*.md") if f"{OLD}.md" in p.read_text(encoding="utf-8")
                 and p.stem != OLD]
    assert referring, "the corpus must link the page being renamed"
    done = rename_faq(load_settings(project / "mkdocs.yml"), OLD, NEW)
    for lang in ("zh", "en"):
        assert not (project / "docs" / lang / "faq" / f"{OLD}.md").exists()
        assert (project / "docs" / lang / "faq" / f"{NEW}.md").is_file()
    assert set(done.moved) == {"zh", "en"}
    for path in [*(project / "docs").rglob("*.md"), project / "mkdocs.yml"]:
        assert f"{OLD}.md" not in path.read_text(encoding="utf-8"), path
    assert f"faq/{NEW}.md" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert _errors(project) == []   # no broken link, nav entry or most-asked entry


def test_rename_uses_git_mv_when_tracked(project: Path) -> None:
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "init")
    rename_faq(load_settings(project / "mkdocs.yml"), OLD, NEW)
    status = _git(project, "status", "--porcelain")
    assert f"R  docs/zh/faq/{OLD}.md -> docs/zh/faq/{NEW}.md" in status
    assert f"R  docs/en/faq/{OLD}.md -> docs/en/faq/{NEW}.md" in status


@pytest.mark.parametrize(("old", "new", "key"), [
    ("no-such-page", "anything", "no-such-faq"),
    (OLD, "Bad_Id", "bad-id"),
    (OLD, "forgot-password", "id-used"),
])
def test_rename_refuses_and_moves_nothing(project: Path, old: str, new: str, key: str) -> None:
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    with pytest.raises(ScaffoldError) as caught:
        rename_faq(load_settings(project / "mkdocs.yml"), old, new)
    assert caught.value.key == key
    assert caught.value.text("zh") != caught.value.text("en")
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_rename_command_in_chinese(project: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "rename_faq.py"), OLD, NEW, "--lang", "zh"],
                          cwd=project, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert f"已把常见问题“{OLD}”改名为“{NEW}”" in done.stdout
    assert f"docs/zh/faq/{OLD}.md -> docs/zh/faq/{NEW}.md" in done.stdout
    again = subprocess.run([sys.executable, str(ROOT / "scripts" / "rename_faq.py"), OLD, NEW, "--lang", "zh"],
                           cwd=project, capture_output=True, text=True, check=False)
    assert again.returncode == 1 and "任何语言里都没有常见问题" in again.stderr
