"""Every gate a writer meets fails on a bad tree and names each problem at its
file:line: the standalone check, the strict-build gate, pre-commit, the
pull-request and deploy workflows' commands (run as the workflow runs them), and
`.ci/run`. The bad tree carries a look-alike link inside `<div markdown>` (only
the renderer sees it), a broken relative link, and an unregistered WeChat
account typed in prose."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ENV, ROOT

BAD = """
<div markdown>
See [the help site](https://bitpie-support.com/help).
</div>

Read [this page](nope.md) first.

添加客服微信：abc_help123
"""
FILE = "docs/zh/faq/fake-support.md"


def _copy(dest: Path) -> Path:
    for name in ("mkdocs.yml", "pyproject.toml", ".pre-commit-config.yaml"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("docs", "overrides", "hooks", "scripts", ".ci", ".github"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / ".venv").symlink_to(ROOT / ".venv")  # the environment this checkout set up
    return dest


@pytest.fixture(scope="module")
def bad_tree(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    root = _copy(tmp_path_factory.mktemp("bad"))
    path = root / FILE
    text = path.read_text(encoding="utf-8")
    start = text.count("\n") + 1
    path.write_text(text + BAD, encoding="utf-8")
    lines = {"lookalike-domain": start + 2, "broken-link": start + 5, "contact-unlisted": start + 7}
    return root, lines


def run(cmd: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", cmd], cwd=cwd, capture_output=True, text=True, timeout=600, env={**ENV, **env})


def assert_named(result: subprocess.CompletedProcess, lines: dict[str, int], codes=None) -> None:
    out = result.stdout + result.stderr
    assert result.returncode != 0, out[-2000:]
    for code in codes or lines:
        assert re.search(
            rf"{re.escape(FILE)}[:,]?(?:line=)?{lines[code]}\b.*{code}|file={re.escape(FILE)},line={lines[code]},title={code}", out
        ), (code, out[-3000:])


def test_the_check_names_each_problem(bad_tree):
    root, lines = bad_tree
    assert_named(run(".venv/bin/python scripts/check.py", root), lines)


def test_the_strict_build_gate_names_each_problem(bad_tree):
    root, lines = bad_tree
    assert_named(run("bash scripts/build_check.sh", root), lines)


def test_the_strict_build_gate_passes_a_clean_tree_and_keeps_the_site(tmp_path):
    root = _copy(tmp_path)
    result = run("bash scripts/build_check.sh --site out", root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "out/index.html").is_file() and (root / "out/en/index.html").is_file()


def test_pre_commit_blocks_the_commit(bad_tree):
    pytest.importorskip("pre_commit")
    root, lines = bad_tree
    if not (root / ".git").exists():
        for args in (["init", "-q"], ["add", "-A"]):
            subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    result = run(".venv/bin/pre-commit run --all-files", root, PRE_COMMIT_HOME=str(root / ".pre-commit-cache"))
    assert_named(result, lines)


def test_pre_commit_blocks_python_code_out_of_format(tmp_path):
    """The layout gate: code that `ruff format` would rewrite fails pre-commit and
    scripts/test.sh's first lines, naming the file; the shipped tree passes."""
    pytest.importorskip("pre_commit")
    root = _copy(tmp_path)
    (root / "hooks/untidy.py").write_text("x=[1,\n  2]\n", encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    result = run(".venv/bin/pre-commit run ruff-format --all-files", root, PRE_COMMIT_HOME=str(root / ".pre-commit-cache"))
    assert result.returncode != 0 and "hooks/untidy.py" in result.stdout + result.stderr, result.stdout + result.stderr
    assert run(".venv/bin/ruff format --check --quiet .", ROOT).returncode == 0


def _workflow_commands(name: str) -> list[tuple[str, str, dict]]:
    """(step name, command, env) of every `run:` step that gates content, as the
    workflow runs them (setup and the test suite are left out: this is the test suite)."""
    workflow = yaml.safe_load((ROOT / ".github/workflows" / name).read_text(encoding="utf-8"))
    out = []
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            run_ = step.get("run", "")
            if not run_ or "setup.sh" in run_ or "test.sh" in run_:
                continue
            env = {k: ("https://owner.github.io/repo/" if "${{" in str(v) else str(v)) for k, v in (step.get("env") or {}).items()}
            out.append((step.get("name", run_), run_, env))
    return out


@pytest.mark.parametrize("workflow", ["pull-request.yml", "deploy.yml"])
def test_workflow_gates_fail_with_annotations(bad_tree, workflow):
    root, lines = bad_tree
    commands = _workflow_commands(workflow)
    gating = [c for c in commands if "check.py" in c[1] or "build_check" in c[1]]
    assert len(gating) >= 2, commands
    for step, command, env in gating:
        result = run(command, root, **env)
        assert "::error file=" in result.stdout, (step, result.stdout[-2000:], result.stderr[-2000:])
        assert_named(result, lines)


def test_pull_request_workflow_lists_translation_needed_in_the_job_summary(tmp_path):
    """A fix to the Chinese steps only: the workflow's check step annotates the
    English page as a warning (the check still passes), and its translation step
    writes the page into the job summary ($GITHUB_STEP_SUMMARY)."""
    root = _copy(tmp_path)
    page = root / "docs/zh/faq/transfer-not-arrived.md"
    page.write_text(page.read_text(encoding="utf-8").replace("1. **找到交易哈希**", "1. **先找到交易哈希**"), encoding="utf-8")
    commands = _workflow_commands("pull-request.yml")
    step, command, env = next(c for c in commands if "check.py" in c[1] and "check_drafts" not in c[1])
    result = run(command, root, **env)
    assert result.returncode == 0, (step, result.stdout, result.stderr)
    assert re.search(r"^::warning file=docs/en/faq/transfer-not-arrived\.md,line=\d+,title=translation-outdated::", result.stdout, re.M), (
        result.stdout
    )
    step, command, env = next(c for c in commands if "translations.py" in c[1])
    summary = tmp_path / "summary.md"
    summary.write_text("(earlier steps)\n", encoding="utf-8")
    result = run(command, root, GITHUB_STEP_SUMMARY=str(summary), **env)
    assert result.returncode == 0, (step, result.stdout, result.stderr)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("(earlier steps)\n## Translation needed · 需要翻译\n"), text
    assert "| `docs/en/faq/transfer-not-arrived.md` | update from the Chinese version · 按中文版本更新 |" in text


def test_verify_site_in_the_workflows_fails_on_a_planted_link(tmp_path):
    """The workflows' verify step, fed a built folder with a bad link planted in
    the published HTML (as a site built by another engine, or edited by hand)."""
    root = _copy(tmp_path)
    assert run("bash scripts/build_check.sh --site _site", root).returncode == 0
    page = root / "_site/en/faq/fake-support/index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", '<p>Get help at <a href="https://bitpie-help.com/">our desk</a>.</p></article>', 1)
    page.write_text(html, encoding="utf-8")
    planted = next(n for n, line in enumerate(html.split("\n"), 1) if "bitpie-help.com" in line)
    for workflow in ("pull-request.yml", "deploy.yml"):
        step, command, env = next(c for c in _workflow_commands(workflow) if "verify-site" in c[1])
        result = run(command, root, **env)
        assert result.returncode != 0, result.stdout + result.stderr
        assert f"file=_site/en/faq/fake-support/index.html,line={planted},title=lookalike-domain" in result.stdout, result.stdout


def test_ci_run_fails_on_the_bad_tree(bad_tree):
    root, lines = bad_tree
    result = run("bash .ci/run", root, SKIP_SETUP="1", CI="true")
    assert_named(result, lines)
    assert "passed" not in result.stdout  # it stopped at the check, before pytest


def test_a_site_built_clean_passes_verify_site(site, tmp_path):
    result = subprocess.run([str(ROOT / ".venv/bin/helpcenter-verify-site"), str(site)], cwd=ROOT, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stderr


def _verify_site(site: Path, *args: str) -> subprocess.CompletedProcess:
    """helpcenter-verify-site on `site` against the shipped mkdocs.yml."""
    return subprocess.run(
        [str(ROOT / ".venv/bin/helpcenter-verify-site"), "--config", str(ROOT / "mkdocs.yml"), *args, str(site)],
        cwd=site.parent,
        capture_output=True,
        text=True,
        env=ENV,
    )


@pytest.mark.parametrize(
    "plant, code",
    [
        ("<script>alert(1)</script>", "inline-script-unlisted"),
        ('<img src="https://cdn.example.net/x.png">', "external-resource"),
        ("<p>客服微信：fake_help_88</p>", "contact-unlisted"),
        ('<p><a href="http://bitpie.com/">site</a></p>', "insecure-link"),
    ],
)
def test_verify_site_names_what_was_planted_in_a_built_page(site, tmp_path, plant, code):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "faq/forgot-password/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", plant + "</article>", 1), encoding="utf-8")
    result = _verify_site(copy)
    assert result.returncode == 1
    assert re.search(rf"site/faq/forgot-password/index.html:\d+: \[{code}\]", result.stdout), result.stdout


def test_verify_site_wants_the_headers_file(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "_headers").unlink()
    result = _verify_site(copy)
    assert result.returncode == 1 and "site/_headers:1: [headers-missing]" in result.stdout
    offline = _verify_site(copy, "--offline")
    assert offline.returncode == 0, offline.stdout


def test_no_sys_path_changes_anywhere():
    """The package is installed; nothing finds it by editing sys.path."""
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("helpcenter", "hooks", "scripts", "tests")
        for p in (ROOT / folder).rglob("*.py")
        if "sys.path." in p.read_text(encoding="utf-8") and p.name != "test_gates.py"
    ]
    assert offenders == []
    assert os.environ.get("PYTHONPATH", "") == "" or "hooks" not in os.environ["PYTHONPATH"]


# -- the pull-request job as GitHub runs it: step order, `if:` conditions, outcomes -------------

_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_STATUS = ("success()", "failure()", "always()", "!cancelled()", "cancelled()")


def _condition(expr, outcomes: dict[str, str], failed: bool) -> bool:
    """A step's `if:` as GitHub reads the forms the workflows use (no status function
    means `success() && …`); any other form fails the test, so it is taught here."""
    text = _EXPR.fullmatch(str(expr).strip())[1] if expr is not None and _EXPR.fullmatch(str(expr).strip()) else (expr or "")
    clauses = [c.strip() for c in str(text).split("&&") if c.strip()]
    if not any(c in _STATUS for c in clauses):
        clauses.insert(0, "success()")
    verdict = True
    for clause in clauses:
        if clause in ("always()", "!cancelled()"):
            continue
        if clause in ("success()", "failure()"):
            verdict &= failed == (clause == "failure()")
            continue
        match = re.fullmatch(r"steps\.([\w-]+)\.outcome == '(\w+)'", clause)
        assert match, f"the simulated runner cannot read the condition {clause!r}: teach it"
        verdict &= outcomes.get(match[1], "") == match[2]
    return verdict


def _expand(value: str, outcomes: dict[str, str], base: str) -> str:
    def one(match: re.Match) -> str:
        expr = match[1]
        if expr == "github.event.pull_request.base.sha":
            return base
        if found := re.fullmatch(r"steps\.([\w-]+)\.outcome", expr):
            return outcomes.get(found[1], "")
        raise AssertionError(f"the simulated runner cannot expand {expr!r}: teach it")

    return _EXPR.sub(one, str(value))


def run_pull_request_job(root: Path, base: str, summary: Path) -> tuple[str, dict[str, str], dict[str, str]]:
    """Run the pull-request workflow's content job in `root` step by step, as the
    runner would: (conclusion, outcome of each step by id or name, uploaded
    artifacts name -> path). Setup is this checkout's; uploads are recorded."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    job = next(j for j in workflow["jobs"].values() if any("build_check" in s.get("run", "") for s in j["steps"]))
    outcomes: dict[str, str] = {}
    artifacts: dict[str, str] = {}
    failed = False
    env = {
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "owner/repo",
        "GITHUB_RUN_ID": "7",
    }
    for step in job["steps"]:
        key = step.get("id") or step.get("name") or step.get("uses")
        if not _condition(step.get("if"), outcomes, failed):
            outcomes[key] = "skipped"
            continue
        uses = step.get("uses", "")
        if uses.startswith(("actions/checkout@", "actions/setup-python@")) or "setup.sh" in step.get("run", ""):
            outcome = "success"  # this checkout, set up
        elif uses.startswith("actions/upload-artifact@"):
            path = root / step["with"]["path"]
            outcome = "success" if path.exists() else "failure"
            artifacts[step["with"]["name"]] = step["with"]["path"]
        else:
            assert not uses, f"the simulated runner does not know {uses}"
            step_env = {k: _expand(v, outcomes, base) for k, v in (step.get("env") or {}).items()}
            result = run(step["run"], root, **env, **step_env)
            outcome = "success" if result.returncode == 0 else "failure"
        outcomes[key] = outcome
        failed |= outcome == "failure" and not step.get("continue-on-error")
    return ("failure" if failed else "success"), outcomes, artifacts


def _git_base(root: Path) -> str:
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "base"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, check=True, capture_output=True, text=True).stdout.strip()


def test_pull_request_job_fails_on_a_bad_tree_and_its_summary_names_each_problem(tmp_path):
    (tmp_path / "project").mkdir()
    root = _copy(tmp_path / "project")
    base = _git_base(root)
    path = root / FILE
    text = path.read_text(encoding="utf-8")
    start = text.count("\n") + 1
    path.write_text(text + BAD, encoding="utf-8")
    lines = {"lookalike-domain": start + 2, "broken-link": start + 5, "contact-unlisted": start + 7}
    summary = tmp_path / "summary.md"
    conclusion, outcomes, artifacts = run_pull_request_job(root, base, summary)
    assert conclusion == "failure", outcomes
    assert outcomes["build"] == "failure" and outcomes["upload-site"] == outcomes["upload-offline"] == "skipped", outcomes
    text = summary.read_text(encoding="utf-8")
    # every section, the registry first; the findings step ran although the gates failed
    order = [text.index(h) for h in ("## Contact registry and link policy", "## Translation needed", "## Content check", "## Preview")]
    assert order == sorted(order), text
    assert "No change since the base" in text
    zh = text[text.index("### 中文页面") : text.index("### English pages")]
    for code, line in lines.items():
        assert re.search(rf"^\| `{re.escape(FILE)}:{line}` \| ❌ 错误 \| `{code}` \| .*修改方法：", zh, re.M), (code, zh)
    assert "本次运行没有预览" in text and "No preview for this run" in text
    summary_step = next(k for k in outcomes if k.startswith("Findings"))
    assert outcomes[summary_step] == "failure"  # it fails too: errors are errors wherever they are read


def test_pull_request_job_uploads_both_previews_and_flags_a_registry_change(tmp_path):
    (tmp_path / "project").mkdir()
    root = _copy(tmp_path / "project")
    base = _git_base(root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      - bscscan.com\n", "      - bscscan.com\n      - example-explorer.org\n"),
        encoding="utf-8",
    )
    summary = tmp_path / "summary.md"
    conclusion, outcomes, artifacts = run_pull_request_job(root, base, summary)
    assert conclusion == "success", outcomes
    assert artifacts == {"site-preview": "_site", "offline-copy": "site-offline"}
    assert (root / "_site/index.html").is_file() and (root / "_site/en/index.html").is_file()
    assert (root / "site-offline/index.html").is_file() and (root / "site-offline/en/index.html").is_file()
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## ⚠️ Contact registry or link policy changed"), text[:500]
    assert re.search(
        r"^\| `mkdocs\.yml:\d+` \| link policy · 链接策略 `reference_domains` \| added · 新增 \|  \| `example-explorer\.org` \|$",
        text,
        re.M,
    )
    assert "**✅ 没有发现问题。 · No problems.**" in text
    preview = text[text.index("## Preview") :]
    assert "`site-preview`" in preview and "`offline-copy`" in preview and "https://github.com/owner/repo/actions/runs/7" in preview
