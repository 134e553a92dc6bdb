"""The standalone command: same rules, exit codes, GitHub annotations, online mode."""

from __future__ import annotations

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpcenter.guard.cli import main
from helpcenter.guard.online import check_urls

ROOT = Path(__file__).resolve().parent.parent


def test_exit_zero_and_summary_on_clean_project(mini, capsys):
    assert main(["--config", str(mini.config)]) == 0
    assert "no problems" in capsys.readouterr().err


def test_exit_one_and_one_line_per_problem(mini, capsys):
    mini.page("# P\n\n[a](https://bitpieaac.com/)\n\n[b](http://bitpie.com/)\n", lang="en")
    assert main(["--config", str(mini.config)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "docs/en/page.md:3: [lookalike-domain] 'bitpieaac.com' contains the brand name 'bitpie' inside another domain; "
        "it is not the official domain bitpie.com. Fix: Remove it or point it at bitpie.com; never send readers to look-alike domains. "
        "An example of a fake site for readers to recognise: write it as inline code (between backticks) and list it under "
        "`fake_examples:` in the page's front matter.",
        "docs/en/page.md:5: [insecure-link] 'http://bitpie.com/' uses plain http:, which anyone on the network can read or redirect. Fix: Use https://.",
    ]


def test_github_annotations(mini, capsys):
    mini.page("# P\n\n[a](https://bitpieaac.com/)\n", lang="zh")
    assert main(["--config", str(mini.config), "--github"]) == 1
    line = capsys.readouterr().out.strip()
    assert line.startswith("::error file=docs/zh/page.md,line=3,title=lookalike-domain::")


def test_missing_config_is_a_usage_error(tmp_path, capsys):
    assert main(["--config", str(tmp_path / "nope.yml")]) == 2
    assert "not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("module", "name", "args", "said"),
    [
        ("helpcenter.guard.cli", "main", ["--lang", "zh"], "check：找不到"),
        ("helpcenter.guard.gate", "main", [], "build_check: "),
        ("helpcenter.scaffold.cli", "new_faq", ["some-faq", "--lang", "zh"], "new_faq：找不到"),
        ("helpcenter.scaffold.cli", "rename", ["a", "b"], "rename_faq: "),
        ("helpcenter.scaffold.cli", "check_drafts", [], "check_drafts: "),
        ("helpcenter.scaffold.translations", "main", ["--lang", "zh"], "translations：找不到"),
        ("helpcenter.review.summary", "main", [], "summary: "),
    ],
)
def test_every_command_says_which_config_is_missing_and_exits_2(tmp_path, capsys, module, name, args, said):
    """One shared `--config` check: each command names itself and the missing file, in --lang."""
    import importlib

    command = getattr(importlib.import_module(module), name)
    missing = tmp_path / "nope.yml"
    assert command([*args, "--config", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(said) and str(missing) in err, err
    assert not (tmp_path / "docs").exists()


def test_script_runs_on_the_shipped_site():
    result = subprocess.run([sys.executable, "scripts/check.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stderr


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):  # noqa: N802 - http.server's naming
        if self.path == "/no-head":
            self.send_response(405)
        elif self.path == "/gone":
            self.send_response(404)
        elif self.path == "/away":
            self.send_response(302)
            self.send_header("Location", "http://example.invalid/")
        else:
            self.send_response(200)
        self.end_headers()

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_online_mode_reports_dead_and_redirected_urls(local_server):
    urls = [
        (f"{local_server}/ok", 10),
        (f"{local_server}/no-head", 11),
        (f"{local_server}/gone", 12),
        (f"{local_server}/away", 13),
        ("http://127.0.0.1:9/closed", 14),
    ]
    found = check_urls(urls, "mkdocs.yml", timeout=2)
    assert [(f.line, f.code) for f in found] == [(12, "registry-unreachable"), (13, "registry-unreachable"), (14, "registry-unreachable")]
    assert "HTTP 404" in found[0].message()
