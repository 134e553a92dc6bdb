"""Pull requests and deployment: the GitHub workflows and the pre-commit config are
valid, every command they run exists in the repository (with the options they
pass), pull requests get annotated checks and a strict build, main deploys to
GitHub Pages with the Pages address as SITE_URL, and the contributor guides and
pull-request template point at things that exist."""

from __future__ import annotations

import functools
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
VENV_BIN = Path(sys.executable).parent
REPO_PATH = re.compile(r"^(?:scripts/|\.ci/|hooks/|requirements[\w-]*\.txt$)")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    return {on: None} if isinstance(on, str) else on


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def commands(run: str) -> list[list[str]]:
    """The commands of a `run:` block, split like the shell would (no `&&` chains used)."""
    out = []
    for line in run.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            for part in re.split(r"\s*(?:&&|\|\||;)\s*", line):
                out.append(shlex.split(part))
    return out


@functools.cache
def help_text(script: str) -> str:
    result = subprocess.run([sys.executable, str(ROOT / script), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def assert_command_exists(argv: list[str], where: str) -> None:
    words = [w for w in argv if "=" not in w or w.startswith("-")]
    program = words[0]
    if program.startswith(".venv/bin/"):
        assert (VENV_BIN / program.removeprefix(".venv/bin/")).exists(), f"{where}: {program} is not installed by requirements*.txt"
    elif program not in ("bash", "python", "python3"):
        pytest.fail(f"{where}: runs {program!r}; CI commands go through the repo's .venv or scripts")
    for index, word in enumerate(words):
        if REPO_PATH.match(word):
            assert (ROOT / word).is_file(), f"{where}: {word} does not exist"
            if word.endswith(".py"):
                for option in (w.split("=")[0] for w in words[index + 1 :] if w.startswith("--")):
                    assert option in help_text(word), f"{where}: {word} has no option {option}"


def test_there_is_a_pull_request_and_a_deploy_workflow():
    names = {p.name for p in WORKFLOWS}
    assert {"pull-request.yml", "deploy.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_and_every_run_command_exists(path):
    workflow = load(path)
    assert workflow.get("name") and triggers(workflow) and workflow["jobs"]
    for job_id, job in workflow["jobs"].items():
        assert job.get("runs-on") and job.get("steps"), job_id
        for step in job["steps"]:
            assert ("run" in step) != ("uses" in step), (job_id, step)
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), f"{path.name}: pin {step['uses']} to a major version"
            else:
                for argv in commands(step["run"]):
                    assert_command_exists(argv, f"{path.name}:{job_id}")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_checkout_has_the_full_history_for_last_updated_dates(path):
    # The git-revision-date plugin warns (so --strict fails) on a shallow GitHub checkout.
    checkouts = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all((s.get("with") or {}).get("fetch-depth") == 0 for s in checkouts)


def test_pull_requests_get_annotated_checks_a_strict_build_and_the_tests():
    workflow = load(ROOT / ".github/workflows/pull-request.yml")
    assert "pull_request" in triggers(workflow)
    runs = [" ".join(argv) for s in steps(workflow) if "run" in s for argv in commands(s["run"])]
    assert ".venv/bin/python scripts/check.py --github" in runs
    assert ".venv/bin/python scripts/check_drafts.py --github" in runs
    assert any(r.startswith("bash scripts/build_check.sh --github --site _site") for r in runs)  # tests/test_gates.py feeds it bad trees
    assert any(r.startswith(".venv/bin/helpcenter-verify-site _site --github") for r in runs)
    # the job summary (findings, preview) is written even when a gate failed; tests/test_gates.py runs the job
    summary = next(s for s in steps(workflow) if "helpcenter-summary" in s.get("run", ""))
    assert summary["if"] == "${{ always() }}" and "$GITHUB_STEP_SUMMARY" in summary["run"]
    assert "bash scripts/test.sh" in runs
    assert workflow.get("permissions") == {"contents": "read"}


def test_main_is_built_strictly_and_deployed_to_github_pages_with_its_address():
    workflow = load(ROOT / ".github/workflows/deploy.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in build]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    pages_id = next(s["id"] for s in build if s.get("uses", "").startswith("actions/configure-pages@"))
    gate = next(s for s in build if "build_check.sh" in s.get("run", ""))
    argv = commands(gate["run"])[0]
    assert gate["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % pages_id
    artifact = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert artifact["with"]["path"] == argv[argv.index("--site") + 1]
    verify = next(s for s in build if "verify-site" in s.get("run", ""))
    assert build.index(gate) < build.index(verify) < uses.index("actions/upload-pages-artifact")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_pre_commit_config_is_valid_and_runs_the_same_checks():
    path = ROOT / ".pre-commit-config.yaml"
    config = load(path)
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    assert len({h["id"] for h in hooks}) == len(hooks)
    entries = {" ".join(shlex.split(h["entry"])) for h in hooks}
    assert entries == {
        ".venv/bin/python scripts/check.py",
        "bash scripts/build_check.sh",
        ".venv/bin/ruff check",
        ".venv/bin/ruff format --check",
    }
    for hook in hooks:
        assert hook["pass_filenames"] is False and hook["language"] == "unsupported"
        assert_command_exists(shlex.split(hook["entry"]), f"pre-commit:{hook['id']}")
        assert re.compile(hook["files"]).search(
            "helpcenter/guard/links.py" if "ruff" in hook["entry"] else "docs/zh/faq/forgot-password.md"
        )


def test_pre_commit_accepts_the_config():
    pytest.importorskip("pre_commit")
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "CONTRIBUTING.zh.md", ".github/pull_request_template.md", "README.md"])
def test_guides_name_only_scripts_that_exist(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    mentioned = set(re.findall(r"(?<![\w/.])((?:scripts|\.ci|\.github/workflows)/[\w./-]+\.(?:py|sh|yml)|\.ci/run)", text))
    assert mentioned, name
    assert sorted(m for m in mentioned if not (ROOT / m).is_file()) == []


def test_pull_request_template_has_the_reviewers_checklist():
    text = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    items = [line for line in text.splitlines() if line.lstrip().startswith("- [ ]")]
    assert len(items) >= 8
    checklist = "\n".join(items).lower()
    for must in (
        "docs/zh/",
        "docs/en/",
        "extra.contacts",
        "source",
        "verified",
        "extra.link_policy",
        "real device",
        "recovery phrase",
        "助记词",
        "todo",
    ):
        assert must.lower() in checklist, must
