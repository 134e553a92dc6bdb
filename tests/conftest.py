"""Shared fixtures: a small help-center project built in tmp_path.

`mini` writes a two-language project whose every page passes the guard; a test
then changes one file and shows exactly what the guard reports.

Shared helpers (use them rather than writing them again in a test file):
`copy_project` (the real project in tmp_path), `run_script` (scripts/NAME on a
project), `serve` (a static folder on 127.0.0.1), and for a real `mkdocs serve`:
`mkdocs_serve`, `fetch_text` and `wait_for`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpcenter.bench.measure import CHROMIUM_ARGS
from helpcenter.bench.serve import free_port, stop
from helpcenter.guard.findings import Finding
from helpcenter.guard.runner import check_config

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://help.test/"}
PAGES = sorted(p.relative_to(ROOT / "docs/zh").as_posix() for p in (ROOT / "docs/zh").rglob("*.md"))


def copy_project(dest: Path, folders: tuple[str, ...] = ("docs", "overrides", "hooks")) -> Path:
    """A copy of the real project's mkdocs.yml and `folders` in `dest` (made if need be)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for name in folders:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def run_script(name: str, root: Path, *args: str) -> subprocess.CompletedProcess:
    """scripts/NAME with ARGS on the project in `root` (`--config root/mkdocs.yml`), run in `root`."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), *args, "--config", str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=root,
    )


def built_path(site: Path, page: str, lang: str) -> Path:
    base = site if lang == "zh" else site / "en"
    stem = page[:-3]
    if stem == "index" or stem.endswith("/index"):
        return base / (stem + ".html")
    return base / stem / "index.html"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(MKDOCS + ["build", "--strict", "-d", str(out)], cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]
    return out


MKDOCS_YML = """\
site_name: Mini
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
theme:
  name: material
  language: zh
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: zh
          default: true
          name: 中文
        - locale: en
          name: English
extra:
  contacts:
    - id: website
      kind: website
      url: https://bitpie.com/
      source: https://bitpie.com/
      verified: 2026-01-02
      label: {zh: 官网, en: Website}
    - id: email
      kind: email
      url: mailto:support@bitpie.com
      source: https://bitpie.com/contact
      verified: 2026-01-02
      label: {zh: 邮箱, en: E-mail}
  link_policy:
    brand: bitpie
    official_domains: [bitpie.com]
    reference_domains: [etherscan.io]
    reference_prefixes: [github.com/bitpiedotcom/]
    contact_page: contact.md
    faq_dir: faq
    min_steps: 2
"""

FAQ_ZH = """\
---
{title: 忘记密码怎么办？, category: wallet, description: 用助记词恢复钱包，再设置新密码。, sources: [{url: "https://github.com/bitpiedotcom/bitpie-docs/blob/master/RegisterAndRecover/index.rst", title: 助记词管理, checked: 2026-11-20}]}
---

# 忘记密码怎么办？

用助记词恢复钱包，再设置新密码。

## 操作步骤

1. **找到助记词**：拿出你抄写的助记词。
2. **导入钱包**：在应用中选择导入钱包并输入助记词。
3. **设置新密码**：设置一个新的强密码。

## 如果仍未解决

请[联系客服](../contact.md)。
"""

FAQ_EN = """\
---
{title: Forgot your password?, category: wallet, description: Restore the wallet from its recovery phrase and set a new password., sources: [{url: "https://github.com/bitpiedotcom/bitpie-docs/blob/master/RegisterAndRecover/index.rst", title: Seed management, checked: 2026-11-20}]}
---

# Forgot your password?

Restore the wallet from its recovery phrase and set a new password.

## Steps

1. **Find your phrase**: Take out the recovery phrase you wrote down.
2. **Import the wallet**: Choose to import a wallet and enter the phrase.
3. **Set a new password**: Choose a new strong password.

## If this did not help

Please [contact support](../contact.md).
"""

FAQ_SOURCES = ', sources: [{url: "https://github.com/bitpiedotcom/bitpie-docs/blob/master/RegisterAndRecover/index.rst", title: Seed management, checked: 2026-11-20}]'

MINI_PAGES = {
    "zh/index.md": "# 首页\n\n欢迎。见[常见问题](faq/forgot.md)。\n",
    "en/index.md": "# Home\n\nWelcome. See the [FAQ](faq/forgot.md).\n",
    "zh/contact.md": "# 联系客服\n\n官网：<https://bitpie.com/>\n",
    "en/contact.md": "# Contact\n\nWebsite: <https://bitpie.com/>\n",
    "zh/faq/forgot.md": FAQ_ZH,
    "en/faq/forgot.md": FAQ_EN,
}


@dataclass
class Mini:
    root: Path

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def write(self, rel: str, text: str) -> Path:
        path = self.root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def page(self, body: str, lang: str = "en", name: str = "page.md", other: str | None = None) -> Path:
        """Write a page in `lang` and a clean twin in the other language."""
        path = self.write(f"{lang}/{name}", body)
        twin = "zh" if lang == "en" else "en"
        if not (self.root / "docs" / twin / name).exists():
            self.write(f"{twin}/{name}", other or "# Twin\n\nText.\n")
        return path

    def findings(self) -> list[Finding]:
        return check_config(self.config, today=dt.date(2026, 11, 25)).findings

    def codes(self) -> list[tuple[str, int, str]]:
        return [(f.path, f.line, f.code) for f in self.findings()]


@pytest.fixture
def mini(tmp_path: Path) -> Mini:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    project = Mini(tmp_path)
    for rel, text in MINI_PAGES.items():
        project.write(rel, text)
    return project


# --- browser fixtures: Debian's chromium through Playwright (never a browser download)
CHROMIUM = Path("/usr/bin/chromium")
# CHROMIUM_ARGS: the flags the house rules ask for, shared with scripts/bench.py


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium: bash scripts/setup.sh --dev")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def http_site(site):
    """The built site served on 127.0.0.1 (an ephemeral port)."""
    with serve(site) as url:
        yield url


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file server that logs nothing; `headers` are sent with every answer."""

    headers_to_send: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler, headers: dict[str, str] | None = None):
    """Serve `folder` on 127.0.0.1 (an ephemeral port) for the duration of the block."""
    if headers:
        handler = type("WithHeaders", (handler,), {"headers_to_send": dict(headers)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The file:// build (OFFLINE=true), as scripts/build_offline.sh makes it."""
    out = tmp_path_factory.mktemp("offline")
    env = {**ENV, "OFFLINE": "true"}
    result = subprocess.run(MKDOCS + ["build", "--strict", "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


# --- a real `mkdocs serve`


def fetch_text(url: str) -> str:
    """The page at `url`, or "" while the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, what: str, timeout: float = 120):
    """Poll `predicate` until it is true (and return its value); fail naming `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


@contextlib.contextmanager
def mkdocs_serve(root: Path, log: Path) -> Iterator[str]:
    """`mkdocs serve` of the project in `root` on a free 127.0.0.1 port (its output in
    `log`) for the duration of the block, which gets its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            MKDOCS + ["serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env={**ENV, "SITE_URL": base + "/"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield base
    finally:
        stop(server)
