"""Review routing: the pull request's job summary (findings per language, the
preview), the contact-registry and link-policy diff against the base commit, and
.github/CODEOWNERS as GitHub reads it. Each runs the real command on a small
project in tmp_path (a git repository where the base matters)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.guard import catalogue
from helpcenter.guard.findings import from_record, save_records, to_record
from helpcenter.review.registry import DATA_DIR, TEAM
from helpcenter.review.summary import cell, defang

from conftest import ENV, MKDOCS_YML, ROOT

BIN = Path(sys.executable).parent


def tool(name: str, cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / name), *args], cwd=cwd, capture_output=True, text=True, env={**ENV, **env}, timeout=300)


def rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| `")]


# -- the summary ------------------------------------------------------------------------------

BAD_ZH = "# 页面\n\n见 [帮助](https://bitpieaac.com/help)。\n"
BAD_EN = "# Page\n\nWrite to [us](mailto:bitpie.support@gmail.com).\n"


def test_summary_lists_each_finding_in_its_files_language_and_fails(mini):
    mini.write("zh/page.md", BAD_ZH)
    mini.write("en/page.md", BAD_EN)
    mini.config.write_text(MKDOCS_YML.replace("    min_steps: 2\n", "    min_step: 2\n"), encoding="utf-8")
    result = tool("helpcenter-summary", mini.root)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    zh, en = out.index("### 中文页面"), out.index("### English pages")
    other = out.index("### 其他文件 · Other files")
    assert "个错误" in out and "error(s)" in out
    zh_rows, en_rows, other_rows = rows(out[zh:en]), rows(out[en:other]), rows(out[other:])
    assert any(r.startswith("| `docs/zh/page.md:3` | ❌ 错误 | `lookalike-domain` |") and "修改方法：" in r for r in zh_rows), zh_rows
    assert any(r.startswith("| `docs/en/page.md:3` | ❌ error | `freemail-address` |") and " Fix: " in r for r in en_rows), en_rows
    assert all(not re.search(r"[\u4e00-\u9fff]", r) for r in en_rows), en_rows
    # mkdocs.yml is nobody's language: both, Chinese first
    config_row = next(r for r in other_rows if "`config-unknown-key`" in r)
    assert config_row.startswith("| `mkdocs.yml:") and "修改方法：" in config_row and " Fix: " in config_row
    # the look-alike address is shown, but never as a live link
    assert "bitpieaac.com" in out and "https://bitpieaac.com" not in out


def test_summary_rows_are_exactly_the_checks_findings(mini):
    """Nothing lost or invented between the check's output and the summary."""
    mini.write("zh/page.md", BAD_ZH + "\n添加客服微信：abc_help123\n")
    mini.write("en/page.md", BAD_EN + "\nRead [this](nope.md).\n")
    check = tool("helpcenter-check", mini.root)
    summary = tool("helpcenter-summary", mini.root)
    assert check.returncode == summary.returncode == 1
    printed = set(re.findall(r"^(\S+?):(\d+): \[([\w-]+)\]", check.stdout, re.M))
    shown = {(m[1], m[2], m[3]) for m in re.finditer(r"^\| `([^`]+):(\d+)` \| [^|]+ \| `([\w-]+)` \|", summary.stdout, re.M)}
    assert printed and shown == printed, printed ^ shown


def test_summary_of_a_clean_project_says_no_problems_per_language_and_passes(mini):
    result = tool("helpcenter-summary", mini.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "没有发现问题" in result.stdout and "No problems" in result.stdout
    assert "### 中文页面（`docs/zh/`）\n\n没有问题。" in result.stdout
    assert "### English pages (`docs/en/`)\n\nNo problems." in result.stdout
    assert rows(result.stdout) == []


def test_a_warning_is_listed_but_does_not_fail(mini):
    """translation-outdated is a warning: in the summary, exit 0."""
    assert tool("helpcenter-translations", mini.root, "--init").returncode == 0
    page = mini.root / "docs/zh/faq/forgot.md"
    page.write_text(page.read_text(encoding="utf-8").replace("拿出你抄写的助记词", "拿出你手抄的助记词"), encoding="utf-8")
    result = tool("helpcenter-summary", mini.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "没有错误；1 个警告" in result.stdout and "No errors; 1 warning(s)" in result.stdout
    row = next(r for r in rows(result.stdout) if "translation-outdated" in r)
    assert row.startswith("| `docs/en/faq/forgot.md:") and "| ⚠️ warning |" in row and " Fix: " in row


def test_summary_adds_recorded_findings_once_and_names_missing_records(mini, tmp_path):
    mini.write("en/page.md", BAD_EN)
    check_findings = mini.findings()
    build_only = catalogue.finding("build-warning", "mkdocs.yml", 1, message="theme 'x' is not installed")
    record = tmp_path / "rec/build.json"
    save_records([*check_findings, build_only], record)  # the build sees what the check sees, and one more
    garbage = tmp_path / "garbage.json"
    garbage.write_text('[{"code": "no-such-rule"}]', encoding="utf-8")
    result = tool("helpcenter-summary", mini.root, "--records", str(record), str(tmp_path / "absent.json"), str(garbage))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    found = rows(result.stdout)
    assert sum("`freemail-address`" in r for r in found) == 1, found
    assert any("`build-warning`" in r and "theme 'x' is not installed" in r for r in found), found
    for name in ("absent.json", "garbage.json"):
        assert re.search(rf"没有拿到 `[^`]*{name}` 中的结果.*No findings from `[^`]*{name}`", result.stdout), result.stdout


def test_records_round_trip_every_field_kind():
    found = [
        catalogue.finding("step-count-mismatch", "docs/en/faq/a.md", 4, counts=(("zh", 3), ("en", 2))),
        catalogue.finding(
            "homoglyph-domain",
            "docs/zh/a.md",
            2,
            "plain",
            host="bіtpie.com",
            chars=(("і", "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I"),),
            skeleton="bitpie.com",
            official="bitpie.com",
        ),
    ]
    again = [from_record(json.loads(json.dumps(to_record(f)))) for f in found]
    assert again == found and [f.text() for f in again] == [f.text() for f in found]


@pytest.mark.parametrize(
    "site, offline, expect, absent",
    [
        (
            "success",
            "success",
            [
                "`site-preview`",
                "`offline-copy`",
                "python3 -m http.server -d site 8000",
                "`index.html`",
                "http://127.0.0.1:8000/en/",
                "https://github.com/o/r/actions/runs/42",
            ],
            ["没有预览"],
        ),
        ("success", "failure", ["`site-preview`"], ["`offline-copy`"]),
        ("skipped", "skipped", ["本次运行没有预览", "No preview for this run"], ["`site-preview`", "`offline-copy`"]),
        ("", "", ["在本机预览：运行 `.venv/bin/mkdocs serve", "To preview on this machine"], ["没有预览", "`site-preview`"]),  # run by hand
    ],
)
def test_preview_says_how_to_open_what_was_uploaded(mini, site, offline, expect, absent):
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "42"}
    result = tool("helpcenter-summary", mini.root, "--site-artifact", site, "--offline-artifact", offline, **env)
    preview = result.stdout[result.stdout.index("## Preview · 预览") :]
    for text in expect:
        assert text in preview, (text, preview)
    for text in absent:
        assert text not in preview, (text, preview)


def test_cells_cannot_break_the_table_or_link_anywhere():
    text = cell("a | b\n<img src=x> https://evil.example/ www.evil.example mailto:x@evil.example")
    assert "\n" not in text and "<img" not in text and "a \\| b" in text
    for live in ("https://", "www.", "mailto:"):
        assert live not in text
    assert defang("https://bitpieaac.com").replace("\u200b", "") == "https://bitpieaac.com"


# -- the registry diff --------------------------------------------------------------------------


def git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=root, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


@pytest.fixture
def repo(mini) -> tuple[Path, str]:
    """The mini project as a git repository with one commit (the pull request's base), and host lists."""
    data = mini.root / DATA_DIR
    data.mkdir(parents=True)
    (data / "shorteners.txt").write_text("# shorteners\nbit.ly\ntinyurl.com\n", encoding="utf-8")
    git(mini.root, "init", "-q")
    git(mini.root, "add", "-A")
    git(mini.root, "commit", "-qm", "base")
    return mini.root, git(mini.root, "rev-parse", "HEAD")


def diff(root: Path, base: str) -> subprocess.CompletedProcess:
    return tool("helpcenter-registry-diff", root, "--base", base)


def test_a_pull_request_that_touches_no_contact_says_so(repo):
    root, base = repo
    config = root / "mkdocs.yml"
    # comments, quoting, key order and flow style are no change to the data
    text = config.read_text(encoding="utf-8").replace("verified: 2026-01-02", 'verified: "2026-01-02"')
    text = text.replace("    official_domains: [bitpie.com]\n", "    # reviewed\n    official_domains:\n      - bitpie.com\n")
    config.write_text(text, encoding="utf-8")
    (root / "docs/en/page.md").write_text("# New page\n", encoding="utf-8")
    result = diff(root, base)
    assert result.returncode == 0, result.stderr
    assert "No change since the base" in result.stdout and "没有改动" in result.stdout
    assert "CAUTION" not in result.stdout


def test_each_added_removed_or_changed_channel_and_domain_is_listed(repo):
    root, base = repo
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("mailto:support@bitpie.com", "mailto:help@bitpie.com")
    text = text.replace(
        "      source: https://bitpie.com/contact\n      verified: 2026-01-02\n",
        "      source: https://bitpie.com/contact\n      verified: 2026-11-20\n",
    )
    text = text.replace(
        "  link_policy:\n",
        "    - id: telegram\n      kind: social\n      url: https://t.me/bitpie_support\n"
        "      source: https://bitpie.com/community\n      verified: 2026-11-20\n"
        "      label: {zh: 电报, en: Telegram}\n  link_policy:\n",
    )
    text = text.replace("reference_domains: [etherscan.io]", "reference_domains: [bitpie-help.net]")
    text = text.replace("min_steps: 2", "min_steps: 1")
    config.write_text(text, encoding="utf-8")
    (root / DATA_DIR / "shorteners.txt").write_text("# shorteners\ntinyurl.com\n", encoding="utf-8")
    result = diff(root, base)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("## ⚠️ Contact registry or link policy changed · 联系方式登记表或链接策略有改动\n")
    assert "someone other than its author" in out and "必须由作者以外的另一个人" in out and TEAM in out
    lines = {n: line for n, line in enumerate(text.splitlines(), 1)}

    def line_of(needle: str) -> int:
        return next(n for n, line in lines.items() if needle in line)

    expected = [
        f"| `mkdocs.yml:{line_of('help@bitpie.com')}` | contact registry · 联系方式登记表 `email` → `url` | changed · 修改 | `mailto:support@bitpie.com` | `mailto:help@bitpie.com` |",
        f"| `mkdocs.yml:{line_of('verified: 2026-11-20')}` | contact registry · 联系方式登记表 `email` → `verified` | changed · 修改 | `2026-01-02` | `2026-11-20` |",
        f"| `mkdocs.yml:{line_of('t.me/bitpie_support')}` | contact registry · 联系方式登记表 `telegram` → `url` | added · 新增 |  | `https://t.me/bitpie_support` |",
        f"| `mkdocs.yml:{line_of('bitpie-help.net')}` | link policy · 链接策略 `reference_domains` | added · 新增 |  | `bitpie-help.net` |",
        "| — | link policy · 链接策略 `reference_domains` | removed · 删除 | `etherscan.io` |  |",
        f"| `mkdocs.yml:{line_of('min_steps: 1')}` | link policy · 链接策略 `min_steps` | changed · 修改 | `2` | `1` |",
        f"| — | `{DATA_DIR}/shorteners.txt` | removed · 删除 | `bit.ly` |  |",
    ]
    for row in expected:
        assert row in out, (row, out)
    assert "label.zh" in out and "`source`" in out  # every field of the new channel
    assert "tinyurl.com" not in out and "`website`" not in out  # unchanged things are not listed


def test_a_removed_channel_is_listed(repo):
    root, base = repo
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("    - id: email")
    config.write_text(text[:start] + text[text.index("  link_policy:") :], encoding="utf-8")
    out = diff(root, base).stdout
    assert "| — | contact registry · 联系方式登记表 `email` → `url` | removed · 删除 | `mailto:support@bitpie.com` |  |" in out, out


def test_a_base_that_cannot_be_read_is_said_and_fails(repo):
    root, _ = repo
    result = diff(root, "0" * 40)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "not compared" in result.stdout and "未能比较" in result.stdout and "fetch-depth: 0" in result.stdout


def test_a_head_config_that_is_not_yaml_is_said_and_fails(repo):
    root, base = repo
    (root / "mkdocs.yml").write_text("extra: [unclosed\n", encoding="utf-8")
    result = diff(root, base)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "not compared" in result.stdout and "cannot be read as YAML" in result.stdout


def test_env_tags_are_read_as_the_guard_reads_them(repo):
    """`!ENV` is resolved like MkDocs does: an address that only changes through the
    environment the workflow runs in is still a change."""
    root, base = repo
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "url: mailto:support@bitpie.com", 'url: !ENV [SUPPORT_MAIL, "mailto:support@bitpie.com"]'
        ),
        encoding="utf-8",
    )
    assert "No change since the base" in diff(root, base).stdout
    result = tool("helpcenter-registry-diff", root, "--base", base, SUPPORT_MAIL="mailto:other@bitpie.com")
    assert "`mailto:other@bitpie.com`" in result.stdout, result.stdout


# -- CODEOWNERS ------------------------------------------------------------------------------------


def protected_paths() -> list[str]:
    """What must never change without the safety reviewers: the registry and link
    policy, the guard's rules and host lists and the hooks that run it, the workflows, the
    review routing, and CODEOWNERS itself."""
    paths = [
        "mkdocs.yml",
        ".github/CODEOWNERS",
        "scripts/pr_reviews.sh",
        "helpcenter/review/approval.py",
        "helpcenter/review/registry.py",
        "helpcenter/guard/links.py",
        "helpcenter/guard/catalogue.py",
        "hooks/guard.py",
        "hooks/new_hook.py",
    ]
    paths += [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / DATA_DIR).glob("*"))]
    paths += [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / ".github/workflows").glob("*"))]
    paths += [f"{DATA_DIR}/new-list.txt", ".github/workflows/new.yml"]  # files added later are covered too
    return paths


def unprotected(codeowners: str, paths: list[str]) -> dict[str, list]:
    """Paths whose LAST matching rule (GitHub's reading, by the codeowners package) does not name the team alone."""
    from codeowners import CodeOwners

    owners = CodeOwners(codeowners)
    return {path: owners.of(path) for path in paths if owners.of(path) != [("TEAM", TEAM)]}


def test_codeowners_routes_every_protected_path_to_the_safety_team():
    pytest.importorskip("codeowners")
    text = (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    paths = protected_paths()
    assert len(paths) >= 8 and (ROOT / DATA_DIR / "social.txt").is_file()
    assert unprotected(text, paths) == {}
    # writers' pages need no safety review: the team is asked only where it matters
    assert unprotected(text, ["docs/zh/faq/forgot-password.md", "README.md"]) == {"docs/zh/faq/forgot-password.md": [], "README.md": []}


@pytest.mark.parametrize(
    "later_line, lost",
    [
        ("mkdocs.yml\n", "mkdocs.yml"),  # no owner: unowns it
        ("*.yml @someone-else\n", ".github/workflows/deploy.yml"),  # a later rule wins
        ("/helpcenter/ @bitpie-help/writers\n", f"{DATA_DIR}/social.txt"),
    ],
)
def test_the_codeowners_check_sees_a_later_rule_take_a_path_away(later_line, lost):
    pytest.importorskip("codeowners")
    text = (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8") + later_line
    assert lost in unprotected(text, protected_paths())


def test_codeowners_names_only_the_placeholder_team_never_a_person():
    text = (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    owners = {word for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#") for word in line.split()[1:]}
    assert owners == {TEAM}


# -- a second person's approval --------------------------------------------------------------------

HEAD = "c" * 40


def review(
    login: str, state: str, commit: str = HEAD, association: str = "MEMBER", when: str = "2026-12-01T10:00:00Z", kind: str = "User"
) -> dict:
    return {
        "user": {"login": login, "type": kind},
        "state": state,
        "commit_id": commit,
        "author_association": association,
        "submitted_at": when,
    }


@pytest.mark.parametrize(
    "reviews, ok, note",
    [
        ([review("lin", "APPROVED")], True, ""),
        ([review("author", "APPROVED")], False, "author (the author"),
        ([review("Author", "APPROVED")], False, "Author (the author"),  # logins are case-insensitive
        ([review("stranger", "APPROVED", association="NONE")], False, "stranger (no write access"),
        ([review("drive-by", "APPROVED", association="CONTRIBUTOR")], False, "no write access"),
        ([review("lin", "APPROVED", commit="a" * 40)], False, "lin (an earlier commit"),
        ([review("helper[bot]", "APPROVED", kind="Bot")], False, "(a bot"),
        ([review("lin", "APPROVED"), review("lin", "COMMENTED", when="2026-12-01T11:00:00Z")], True, ""),
        ([review("lin", "APPROVED"), review("lin", "CHANGES_REQUESTED", when="2026-12-01T11:00:00Z")], False, ""),
        (
            [review("lin", "CHANGES_REQUESTED", when="2026-12-01T11:00:00Z"), review("lin", "APPROVED", when="2026-12-01T12:00:00Z")],
            True,
            "",
        ),
        ([review("lin", "APPROVED"), review("lin", "DISMISSED", when="2026-12-01T11:00:00Z")], False, ""),
        ([review("lin", "APPROVED"), review("wu", "CHANGES_REQUESTED")], False, ""),
        ([], False, ""),
    ],
)
def test_only_a_trusted_other_persons_approval_of_the_head_counts(reviews, ok, note):
    from helpcenter.review.approval import decide, markdown

    decision = decide(reviews, "author", HEAD)
    assert decision.ok is ok, decision
    text = markdown(decision)
    assert ("✅" in text) is ok and ("尚未通过" in text) is (not ok)
    assert note in text, text


def test_reviews_of_every_page_are_read(tmp_path):
    from helpcenter.review.approval import read_reviews

    path = tmp_path / "reviews.json"
    path.write_text(json.dumps([review("wu", "COMMENTED")]) + "\n" + json.dumps([review("lin", "APPROVED")]) + "\n", encoding="utf-8")
    assert [r["user"]["login"] for r in read_reviews(path)] == ["wu", "lin"]


def _registry_review_steps() -> list[dict]:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/registry-review.yml").read_text(encoding="utf-8"))
    return [s for job in workflow["jobs"].values() for s in job["steps"]]


def test_the_judge_is_the_base_branchs_code_and_the_pull_request_only_data():
    """A pull request cannot weaken the check that judges it: every command runs in the
    base branch's checkout, which reads the pull request's checkout as data."""
    steps = _registry_review_steps()
    checkouts = {s["with"].get("path"): s["with"] for s in steps if s.get("uses", "").startswith("actions/checkout@")}
    assert checkouts["trusted"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert "ref" not in checkouts["pr"]
    runs = [s for s in steps if "run" in s]
    assert runs and all(s.get("working-directory") == "trusted" for s in runs), runs


@pytest.mark.parametrize("approved_by, expected", [(None, 1), ("lin", 0), ("author", 1)])
def test_the_workflow_keeps_a_registry_change_red_until_someone_else_approves(repo, tmp_path, approved_by, expected):
    root, base = repo
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("mailto:support@bitpie.com", "mailto:help@bitpie.com"), encoding="utf-8")
    # the runner's workspace: the base branch's code (this checkout) in trusted/, the pull request in pr/
    workspace = tmp_path / "workspace"
    (workspace / "trusted").mkdir(parents=True)
    (workspace / "trusted/.venv").symlink_to(ROOT / ".venv")
    (workspace / "pr").symlink_to(root)
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    reviews = [review("wu", "COMMENTED")] + ([review(approved_by, "APPROVED")] if approved_by else [])
    (runner_temp / "reviews.json").write_text(json.dumps(reviews), encoding="utf-8")
    steps = _registry_review_steps()
    fetch = next(s for s in steps if "pr_reviews.sh" in s.get("run", ""))
    assert '> "$RUNNER_TEMP/reviews.json"' in fetch["run"]
    step = next(s for s in steps if "--reviews" in s.get("run", ""))
    assert set(step["env"]) == {"BASE_SHA", "HEAD_SHA", "AUTHOR"}
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        ["bash", "-c", step["run"]],
        cwd=workspace / step["working-directory"],
        capture_output=True,
        text=True,
        timeout=300,
        env={
            **ENV,
            "BASE_SHA": base,
            "HEAD_SHA": HEAD,
            "AUTHOR": "author",
            "RUNNER_TEMP": str(runner_temp),
            "GITHUB_STEP_SUMMARY": str(summary),
        },
    )
    assert result.returncode == expected, result.stdout + result.stderr
    text = summary.read_text(encoding="utf-8")
    assert "`mailto:help@bitpie.com`" in text and "## Second review · 第二人审核" in text
    if expected:
        assert "::error title=second-review::" in result.stderr


def test_no_registry_change_needs_no_second_review(repo, tmp_path):
    root, base = repo
    (root / "docs/en/page.md").write_text("# New page\n", encoding="utf-8")
    result = tool(
        "helpcenter-registry-diff",
        root,
        "--base",
        base,
        "--reviews",
        str(tmp_path / "never-read.json"),
        "--author",
        "author",
        "--head-sha",
        HEAD,
    )
    assert result.returncode == 0 and "Second review" not in result.stdout, result.stdout + result.stderr


def test_reviews_that_cannot_be_read_fail_without_a_traceback(repo, tmp_path):
    root, base = repo
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("min_steps: 2", "min_steps: 1"), encoding="utf-8")
    bad = tmp_path / "reviews.json"
    bad.write_text('{"message": "Bad credentials"}', encoding="utf-8")
    result = tool("helpcenter-registry-diff", root, "--base", base, "--reviews", str(bad), "--author", "a", "--head-sha", HEAD)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the reviews cannot be read" in result.stdout


def test_a_huge_number_of_findings_is_cut_and_counted_not_dropped_silently():
    from helpcenter.review.summary import MAX_ROWS, findings_markdown

    many = [catalogue.finding("insecure-link", "docs/en/a.md", n, raw=f"http://bitpie.com/{n}") for n in range(1, MAX_ROWS + 51)]
    text = findings_markdown(many)
    assert len(rows(text)) == MAX_ROWS
    assert "… and 50 more, not listed here" in text and f"{MAX_ROWS + 50} error(s)" in text
