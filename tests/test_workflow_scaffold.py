"""Writers' workflow, without a build: `scripts/new_faq.py` makes a draft FAQ in
both languages that the guard accepts and the draft check refuses until every
TODO is gone; it refuses ids that exist or are not safe slugs; the FAQ folder
lists itself on the FAQ index page and in the nav (helpcenter.guard.faq_index)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.guard.faq import is_faq, read_faq
from helpcenter.guard.faq_index import (
    MARKER,
    Category,
    categories,
    complete_nav,
    entries,
    expand_marker,
    faq_names,
    page_language,
    unlisted,
)
from helpcenter.guard.markdown import parse_article
from helpcenter.guard.project import load_settings
from helpcenter.guard.runner import check_config
from helpcenter.scaffold.drafts import find_drafts
from helpcenter.scaffold.scaffold import ScaffoldError, create_faq

from conftest import ROOT, copy_project, run_script


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real site's config and articles."""
    return copy_project(tmp_path, ("docs",))


def new_faq(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run_script("new_faq.py", project, *args)


def test_scaffolded_faq_passes_the_guard_in_both_languages(project):
    assert check_config(project / "mkdocs.yml").findings == []
    result = new_faq(project, "change-wallet-name", "--zh", "如何修改钱包名称？")
    assert result.returncode == 0, result.stderr
    assert "docs/zh/faq/change-wallet-name.md" in result.stdout and "/en/faq/change-wallet-name/" in result.stdout
    assert check_config(project / "mkdocs.yml").findings == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_scaffolded_faq_has_the_required_structure(project, lang):
    settings = load_settings(project / "mkdocs.yml")
    created = create_faq(settings, "change-wallet-name", {"zh": "如何修改钱包名称？"})
    path = created.files[lang]
    text = path.read_text(encoding="utf-8")
    article = parse_article(path, f"docs/{lang}/faq/{path.name}", lang, f"faq/{path.name}")
    assert is_faq(article, settings.faq_dir)
    assert {"title", "description"} <= set(article.meta)
    doc = read_faq(article, settings.contact_page)
    colon = "：" if lang == "zh" else ":"
    assert [s.number for s in doc.steps] == [1, 2, 3]
    assert all(s.title and s.colon and s.instruction for s in doc.steps)
    for n in (1, 2, 3):
        assert f"\n{n}. **" in text and f"**{colon}" in text
    assert doc.answer and doc.escalates and "(../contact.md)" in text
    assert "## 相关文章" in text if lang == "zh" else "## Related articles" in text


def test_given_titles_are_used_and_missing_ones_are_placeholders(project):
    settings = load_settings(project / "mkdocs.yml")
    created = create_faq(settings, "change-wallet-name", {"en": "How do I rename my wallet: the basics?"})
    en = created.files["en"].read_text(encoding="utf-8")
    zh = created.files["zh"].read_text(encoding="utf-8")
    assert 'title: "How do I rename my wallet: the basics?"' in en  # quoted: the colon would break YAML
    assert "\n# How do I rename my wallet: the basics?\n" in en
    assert "\n# TODO" in zh


def test_refuses_an_id_that_exists(project):
    before = (project / "docs/zh/faq/forgot-password.md").read_text(encoding="utf-8")
    result = new_faq(project, "forgot-password", "--en", "New title")
    assert result.returncode == 1
    assert "'forgot-password' is already used" in result.stderr and "docs/zh/faq/forgot-password.md" in result.stderr
    assert (project / "docs/zh/faq/forgot-password.md").read_text(encoding="utf-8") == before


def test_refuses_an_id_that_differs_only_in_letter_case(project):
    (project / "docs/en/faq/forgot-password.md").rename(project / "docs/en/faq/Old-Page.md")
    with pytest.raises(ScaffoldError, match="already used .*docs/en/faq/Old-Page.md"):
        create_faq(load_settings(project / "mkdocs.yml"), "old-page")


def test_refuses_an_id_used_in_one_language_only(project):
    (project / "docs/en/faq/only-english.md").write_text("# Only English\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already used .*docs/en/faq/only-english.md"):
        create_faq(load_settings(project / "mkdocs.yml"), "only-english")
    assert not (project / "docs/zh/faq/only-english.md").exists()


@pytest.mark.parametrize(
    "slug",
    ["Bad_Slug", "../escape", "faq/x", "has space", "-leading", "trailing-", "double--hyphen", "中文", "x.md", "", "index", "a" * 61],
)
def test_refuses_an_unsafe_id(project, slug):
    settings = load_settings(project / "mkdocs.yml")
    before = sorted(p.relative_to(project) for p in (project / "docs").rglob("*"))
    with pytest.raises(ScaffoldError):
        create_faq(settings, slug)
    assert sorted(p.relative_to(project) for p in (project / "docs").rglob("*")) == before


def test_refuses_a_title_on_several_lines(project):
    with pytest.raises(ScaffoldError, match="one non-empty line"):
        create_faq(load_settings(project / "mkdocs.yml"), "new-one", {"en": "Line one\n# injected"})
    assert not (project / "docs/en/faq/new-one.md").exists()


def test_draft_check_refuses_placeholders_until_they_are_replaced(project):
    settings = load_settings(project / "mkdocs.yml")
    assert find_drafts(settings) == []
    created = create_faq(settings, "change-wallet-name")
    drafts = find_drafts(settings)
    assert sorted(f.path for f in drafts) == ["docs/en/faq/change-wallet-name.md", "docs/zh/faq/change-wallet-name.md"]
    assert {f.code for f in drafts} == {"draft-placeholder"}
    for path in created.files.values():
        text = path.read_text(encoding="utf-8").replace("TODO：", "").replace("TODO: ", "").replace("TODO ", "")
        path.write_text(text, encoding="utf-8")
    assert find_drafts(settings) == []


def test_draft_check_command_prints_github_annotations(project):
    create_faq(load_settings(project / "mkdocs.yml"), "change-wallet-name")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_drafts.py"), "--github", "--config", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("::error file=docs/en/faq/change-wallet-name.md,line=2,title=draft-placeholder::")


def test_a_chinese_draft_speaks_chinese_also_in_its_front_matter(project):
    """Every placeholder and note of the zh draft, front matter comments included, is
    Chinese; the en draft's are English."""
    created = create_faq(load_settings(project / "mkdocs.yml"), "speaks", {"zh": "问题？", "en": "Question?"})
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for lang, path in created.files.items():
        notes = [line for line in path.read_text(encoding="utf-8").splitlines() if "TODO" in line]
        assert len(notes) >= 6
        for line in notes:
            assert bool(cjk.search(line.split("TODO", 1)[1])) == (lang == "zh"), (lang, line)


def test_a_translation_draft_asks_for_its_sources_to_be_checked(project):
    """The sources copied from the original are marked to be checked (a cited page may
    exist in the draft's language); the draft cannot be marked done until that is settled."""
    shutil.copy(project / "docs/zh/faq/network-fees.md", project / "docs/zh/faq/fees-copy.md")
    assert new_faq(project, "--translate", "fees-copy").returncode == 0
    en = project / "docs/en/faq/fees-copy.md"
    head = en.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    assert "  # TODO: these sources are copied from the original" in head
    body = en.read_text(encoding="utf-8").replace("TODO", "Done")  # every placeholder but the note written
    note = next(line for line in body.splitlines() if "these sources are copied" in line)
    en.write_text(body.replace(note, note.replace("Done", "TODO")), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/translations.py"),
            "--mark",
            "docs/en/faq/fees-copy.md",
            "--config",
            str(project / "mkdocs.yml"),
        ],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert result.returncode == 1 and "still holds placeholders" in result.stderr


def test_an_faq_written_in_one_language_fails_the_build_once_at_the_page(project, capsys):
    """Writing the Chinese page first: the strict build names the missing English page
    (with the command that drafts it) and nothing else; no nav warning at mkdocs.yml:1
    sends the writer to a file they never touched."""
    from helpcenter.guard.gate import main as build_check

    for folder in ("overrides", "hooks"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(project / "docs/zh/faq/network-fees.md", project / "docs/zh/faq/fees-copy.md")
    assert build_check(["--config", str(project / "mkdocs.yml"), "--lang", "zh"]) == 1
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert len(out) == 1, out
    assert out[0].startswith("docs/zh/faq/fees-copy.md:1: [missing-translation] 这篇常见问题没有英文版本")
    assert "new_faq.py --translate fees-copy" in out[0]
    assert "build_check：严格模式构建失败：1 个问题，用时" in captured.err


def test_the_draft_check_counts_pages_not_findings(project):
    """A translation draft has two findings (waiting for its translation, TODO lines)
    but is one draft page; the summary says so in the language asked for."""
    shutil.copy(project / "docs/zh/faq/network-fees.md", project / "docs/zh/faq/fees-copy.md")
    assert new_faq(project, "--translate", "fees-copy").returncode == 0
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_drafts.py"), "--lang", "zh", "--config", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 2, result.stdout
    assert result.stderr.strip() == "check_drafts：有 1 个草稿页面"


@pytest.mark.parametrize("guide, lang", [("CONTRIBUTING.md", "en"), ("CONTRIBUTING.zh.md", "zh")])
def test_the_guides_worked_example_passes_every_check(project, guide, lang):
    example = re.search(r"```markdown\n(.*?)```", (ROOT / guide).read_text(encoding="utf-8"), re.S).group(1)
    settings = load_settings(project / "mkdocs.yml")
    created = create_faq(settings, "change-pin", {"zh": "如何修改 PIN 码？", "en": "How do I change my PIN?"})
    created.files[lang].write_text(example, encoding="utf-8")
    assert check_config(project / "mkdocs.yml").findings == []
    assert [f.path for f in find_drafts(settings)] == [f"docs/{'zh' if lang == 'en' else 'en'}/faq/change-pin.md"]


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.zh.md"])
def test_the_guides_scaffold_command_run_as_written_creates_the_pages_it_names(project, guide):
    """The guide's `new_faq.py` line, run as printed (from the project root), creates
    both pages at the paths the guide tells the writer to edit and commit."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(".venv/bin/python scripts/new_faq.py "))
    args = shlex.split(line)[2:]
    result = new_faq(project, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    faq_id = args[0]
    for lang in ("zh", "en"):
        page = f"docs/{lang}/faq/{faq_id}.md"
        assert (project / page).is_file()
        assert page in text and page in result.stdout
    assert f"git add docs/zh/faq/{faq_id}.md docs/en/faq/{faq_id}.md" in text


def test_the_published_site_has_no_drafts():
    assert find_drafts(load_settings(ROOT / "mkdocs.yml")) == []


# The FAQ folder lists itself -------------------------------------------------


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_marker_lists_every_faq_of_the_folder_in_nav_order_then_by_name(tmp_path):
    write(tmp_path / "index.md", "# FAQ\n")
    write(tmp_path / "b.md", "---\ntitle: From front matter\n---\n# Heading B\n")
    write(tmp_path / "a.md", "# Heading [A] *starred*\n")
    write(tmp_path / "c.md", "No title at all.\n")
    page = f"# FAQ\n\nIntro.\n\n{MARKER}\n\nMore.\n"
    assert expand_marker(page, tmp_path, order=["index.md", "c.md"]) == (
        "# FAQ\n\nIntro.\n\n- [C](c.md)\n- [Heading \\[A\\] \\*starred\\*](a.md)\n- [From front matter](b.md)\n\nMore.\n"
    )


def faq(title: str, category: str | None = None, description: str | None = None) -> str:
    meta = f"title: {title}\n"
    meta += f"category: {category}\n" if category else ""
    meta += f"description: {description}\n" if description else ""
    return f"---\n{meta}---\n\n# {title}\n"


SECTIONS = [Category("wallet", "Wallet"), Category("transfers", "Transfers"), Category("security", "Security")]


def test_marker_groups_faqs_by_category_in_the_configured_order(tmp_path):
    write(tmp_path / "index.md", "# FAQ\n")
    write(tmp_path / "stolen.md", faq("Stolen", "security", "Move what is left."))
    write(tmp_path / "password.md", faq("Password", "wallet", "Restore with the phrase."))
    write(tmp_path / "backup.md", faq("Backup", "wallet", "Write it on paper."))
    write(tmp_path / "loose.md", faq("Loose", None, "No category yet."))
    write(tmp_path / "typo.md", faq("Typo", "securty"))
    page = f"# FAQ\n\n{MARKER}\n"
    assert expand_marker(page, tmp_path, order=["password.md"], sections=SECTIONS, lang="en") == (
        "# FAQ\n\n"
        "## Wallet {#wallet}\n\n"
        "- [Password](password.md): Restore with the phrase.\n"  # nav order first, then by name
        "- [Backup](backup.md): Write it on paper.\n\n"
        "## Security {#security}\n\n"  # "transfers" has no FAQ: no heading
        "- [Stolen](stolen.md): Move what is left.\n\n"
        "## Other {#other}\n\n"  # no category, or an unknown one: last
        "- [Loose](loose.md): No category yet.\n"
        "- [Typo](typo.md)\n"
    )


def test_grouped_list_speaks_the_pages_language(tmp_path):
    write(tmp_path / "a.md", faq("忘记密码？", "wallet", "用助记词恢复。"))
    write(tmp_path / "b.md", faq("其他问题", None, "描述里的 *星号* 照原样显示。"))
    raw = [{"id": "wallet", "label": {"zh": "密码与助记词", "en": "Passwords"}}]
    listing = expand_marker(MARKER, tmp_path, sections=categories(raw, "zh", "zh"), lang="zh")
    assert listing == (
        "## 密码与助记词 {#wallet}\n\n- [忘记密码？](a.md)：用助记词恢复。\n\n"
        "## 其他 {#other}\n\n- [其他问题](b.md)：描述里的 \\*星号\\* 照原样显示。"
    )


def test_category_labels_fall_back_to_the_default_language_then_the_id():
    raw = [
        {"id": "wallet", "label": {"zh": "钱包", "en": "Wallet"}},
        {"id": "transfers", "label": {"zh": "转账"}},
        {"id": "support"},
        {"id": "Bad Id", "label": "x"},
        {"id": "other", "label": "reserved"},
        "not a mapping",
        {"id": "wallet", "label": {"en": "duplicate"}},
    ]
    assert categories(raw, "en", "zh") == [Category("wallet", "Wallet"), Category("transfers", "转账"), Category("support", "support")]
    assert categories(None, "en") == []


def test_page_language_is_its_language_folder(tmp_path):
    docs = tmp_path / "docs"
    assert page_language(docs / "en" / "faq" / "index.md", docs, ("zh", "en")) == "en"
    assert page_language(docs / "zh" / "faq" / "index.md", docs, ("zh", "en")) == "zh"
    assert page_language(docs / "faq" / "index.md", docs, ("zh", "en")) == "zh"  # no language folder: default
    assert page_language(tmp_path / "elsewhere.md", docs, ("zh", "en")) == "zh"


def test_page_without_marker_is_left_alone(tmp_path):
    write(tmp_path / "a.md", "# A\n")
    assert expand_marker("# FAQ\n\n- [A](a.md)\n", tmp_path) == "# FAQ\n\n- [A](a.md)\n"


def test_real_faq_index_pages_use_the_marker_and_list_every_faq():
    for lang in ("zh", "en"):
        folder = ROOT / "docs" / lang / "faq"
        assert MARKER in (folder / "index.md").read_text(encoding="utf-8")
        listed = [e.name for e in entries(folder)]
        assert listed == sorted(p.name for p in folder.glob("*.md") if p.name != "index.md")


def test_every_real_faq_has_a_configured_category_and_a_one_line_description():
    settings = load_settings(ROOT / "mkdocs.yml")
    raw = settings.yaml.data["extra"]["faq_categories"]
    for lang in settings.languages:
        known = {c.id for c in categories(raw, lang)}
        assert [c.id for c in categories(raw, lang)] == ["wallet", "transfers", "security", "support"]
        for entry in entries(ROOT / "docs" / lang / "faq"):
            assert entry.category in known, (lang, entry.name, entry.category)
            assert entry.description and "\n" not in entry.description, (lang, entry.name)


def test_nav_gets_unlisted_faq_files_after_the_curated_ones(tmp_path):
    for lang in ("zh", "en"):
        for name in ("index.md", "b.md", "a.md", "new.md"):
            write(tmp_path / lang / "faq" / name, "# x\n")
    nav = ["index.md", {"常见问题": ["faq/index.md", "faq/b.md", {"Titled": "faq/a.md"}]}, "contact.md"]
    names = faq_names(tmp_path, ("zh", "en"), "faq")
    assert complete_nav(nav, "faq", names) == ["faq/new.md"]
    assert nav[1] == {"常见问题": ["faq/index.md", "faq/b.md", {"Titled": "faq/a.md"}, "faq/new.md"]}
    assert complete_nav(nav, "faq", names) == []  # each (nested) language build runs it again


def test_nav_is_left_alone_without_a_faq_section():
    assert complete_nav(None, "faq", ["x.md"]) == []
    nav = ["index.md", "about.md"]
    assert complete_nav(nav, "faq", ["x.md"]) == [] and nav == ["index.md", "about.md"]


def test_sidebar_takes_faqs_up_to_the_limit_and_the_rest_are_index_only():
    nav = ["index.md", {"FAQ": ["faq/index.md", "faq/curated.md"]}]
    names = ["a.md", "b.md", "c.md", "curated.md"]
    assert complete_nav(nav, "faq", names, limit=3) == ["faq/a.md", "faq/b.md"]
    assert nav[1] == {"FAQ": ["faq/index.md", "faq/curated.md", "faq/a.md", "faq/b.md"]}
    assert unlisted(nav, "faq", names) == ["faq/c.md"]
    assert complete_nav(nav, "faq", names, limit=3) == []  # full: a nested build adds nothing


def test_curated_faqs_beyond_the_limit_stay_in_the_sidebar():
    nav = [{"FAQ": ["faq/index.md", "faq/a.md", "faq/b.md"]}]
    assert complete_nav(nav, "faq", ["a.md", "b.md", "c.md"], limit=1) == []
    assert nav == [{"FAQ": ["faq/index.md", "faq/a.md", "faq/b.md"]}]


def test_without_a_faq_section_no_faq_is_excused_from_the_nav():
    assert unlisted(["index.md"], "faq", ["a.md"]) == []
