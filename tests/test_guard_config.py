"""The typed schema of extra.contacts, extra.link_policy and extra.faq_categories:
each bad config is a finding at the line of the offending key in mkdocs.yml,
through `scripts/check.py` and through the strict build, never a traceback and
never a silent default. Dates compare in Asia/Shanghai, whatever the machine's TZ.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.guard.config import SHANGHAI, today

from conftest import ENV, MKDOCS, MKDOCS_YML, ROOT, copy_project

# POSIX TZ strings (no tz database needed): UTC-12 and UTC+14. At any moment at
# least one of them has another date than Shanghai (UTC+8).
ZONES = ("<-12>12", "<+14>-14")


def line_of(text: str, needle: str) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(lines) == 1, (needle, lines)
    return lines[0]


def check(project: Path, tz: str | None = None) -> subprocess.CompletedProcess:
    env = {**ENV, "TZ": tz} if tz else ENV
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--config", str(project / "mkdocs.yml")], capture_output=True, text=True, env=env
    )


def mini_with(tmp_path: Path, old: str, new: str) -> str:
    """The mini project (conftest) with one change to its mkdocs.yml; returns the new text."""
    from conftest import MINI_PAGES

    assert old in MKDOCS_YML, old
    text = MKDOCS_YML.replace(old, new, 1)
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    for rel, body in MINI_PAGES.items():
        path = tmp_path / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return text


CONTACT_SOURCE = "      source: https://bitpie.com/contact\n"
CASES = [
    # (what, old text, new text, expected code, the line that must carry it, text the message must hold)
    (
        "misspelt key",
        "    official_domains:",
        "    oficial_domains:",
        "config-unknown-key",
        "oficial_domains:",
        "unknown key 'oficial_domains' in `extra.link_policy`; did you mean 'official_domains'?",
    ),
    (
        "unknown key",
        "    min_steps: 2\n",
        "    min_steps: 2\n    colour: blue\n",
        "config-unknown-key",
        "colour: blue",
        "the known keys are brand, official_domains",
    ),
    (
        "misspelt key in a contact",
        CONTACT_SOURCE,
        CONTACT_SOURCE.replace("source", "sourse"),
        "config-unknown-key",
        "sourse:",
        "did you mean 'source'?",
    ),
    (
        "text for a number",
        "    min_steps: 2",
        "    min_steps: two",
        "config-type",
        "min_steps: two",
        "`extra.link_policy.min_steps` must be a whole number, not text ('two')",
    ),
    (
        "text for a list",
        "    official_domains: [bitpie.com]",
        "    official_domains: bitpie.com",
        "config-type",
        "official_domains: bitpie.com",
        "must be a list, not text",
    ),
    (
        "a list for a mapping",
        "      label: {zh: 官网, en: Website}",
        "      label: [官网, Website]",
        "config-type",
        "label: [官网, Website]",
        "`extra.contacts[0].label` must be a mapping",
    ),
    (
        "impossible date, quoted",
        "      verified: 2026-01-02\n      label: {zh: 官网",
        '      verified: "2026-13-40"\n      label: {zh: 官网',
        "config-date",
        '"2026-13-40"',
        "`extra.contacts[0].verified` is '2026-13-40', which is not a real date",
    ),
    (
        "impossible date",
        "      verified: 2026-01-02\n      label: {zh: 官网",
        "      verified: 2026-13-40\n      label: {zh: 官网",
        "config-date",
        "2026-13-40",
        "is not a real date written YYYY-MM-DD",
    ),
    (
        "a date in another form",
        "      verified: 2026-01-02\n      label: {zh: 官网",
        "      verified: 02/01/2026\n      label: {zh: 官网",
        "config-date",
        "02/01/2026",
        "'02/01/2026'",
    ),
    (
        "required key missing",
        "    brand: bitpie\n",
        "",
        "config-missing-key",
        "  link_policy:",
        "`extra.link_policy` has no `brand`, which is required",
    ),
    (
        "a contact without label",
        "      label: {zh: 邮箱, en: E-mail}\n",
        "",
        "config-missing-key",
        "- id: email",
        "`extra.contacts[1]` has no `label`",
    ),
    (
        "a category without label",
        "  link_policy:\n",
        "  faq_categories:\n    - id: wallet\n  link_policy:\n",
        "config-missing-key",
        "- id: wallet",
        "`extra.faq_categories[0]` has no `label`",
    ),
]


# One of each kind runs scripts/check.py as a writer does; the others call its main() in-process.
THROUGH_THE_SCRIPT = {"misspelt key", "text for a number", "impossible date", "required key missing"}


@pytest.mark.parametrize("what,old,new,code,where,says", CASES, ids=[c[0] for c in CASES])
def test_bad_config_is_a_finding_at_its_line_in_the_check(tmp_path, capsys, what, old, new, code, where, says):
    text = mini_with(tmp_path, old, new)
    if what in THROUGH_THE_SCRIPT:
        result = check(tmp_path)
        returncode, out, err = result.returncode, result.stdout, result.stderr
    else:
        from helpcenter.guard.cli import main

        returncode = main(["--config", str(tmp_path / "mkdocs.yml")])
        out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    assert returncode == 1, out + err
    located = [line for line in out.splitlines() if line.startswith(f"mkdocs.yml:{line_of(text, where)}: [{code}] ")]
    assert len(located) == 1, out
    assert says.lower() in located[0].lower(), located[0]
    assert len(out.splitlines()) == 1, out  # one mistake, one finding


def future_and_today(tmp_path: Path) -> tuple[str, dt.date]:
    """Two more contacts: one verified today in Shanghai, one tomorrow."""
    now = today()
    block = "".join(
        f"    - id: {cid}\n      kind: website\n      url: https://bitpie.com/{cid}\n      source: https://bitpie.com/\n"
        f"      verified: {day.isoformat()}\n      label: {{zh: 网站, en: Website}}\n"
        for cid, day in (("checked-today", now), ("checked-tomorrow", now + dt.timedelta(days=1)))
    )
    return mini_with(tmp_path, "  link_policy:\n", block + "  link_policy:\n"), now


@pytest.mark.parametrize("tz", ZONES)
def test_verified_in_the_future_means_after_today_in_shanghai(tmp_path, tz):
    text, now = future_and_today(tmp_path)
    result = check(tmp_path, tz)
    tomorrow = (now + dt.timedelta(days=1)).isoformat()
    assert result.stdout.splitlines() == [
        f"mkdocs.yml:{line_of(text, 'verified: ' + tomorrow)}: [registry-unverified] The contact 'checked-tomorrow' says it "
        f"was verified on {tomorrow}, which is in the future (today is {now.isoformat()} in Asia/Shanghai). "
        "Fix: Write the date you actually checked the address."
    ], (tz, result.stdout, result.stderr)


def test_today_is_the_date_in_shanghai():
    # 20:00 UTC on 1 January is 04:00 on 2 January in Shanghai
    assert today(dt.datetime(2026, 1, 1, 20, 0, tzinfo=dt.UTC)) == dt.date(2026, 1, 2)
    assert today(dt.datetime(2026, 1, 2, 3, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))) == dt.date(2026, 1, 2)
    assert str(SHANGHAI) == "Asia/Shanghai" and SHANGHAI.utcoffset(None) == dt.timedelta(hours=8)


def test_the_schema_states_its_time_zone():
    from helpcenter.guard import config

    assert "Asia/Shanghai" in config.__doc__ and "Asia/Shanghai" in config.today.__doc__


# -- the strict build reports the same problems at the same lines ----------------------------


def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def build(root: Path, tz: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        MKDOCS + ["build", "--strict", "-d", str(root / "out")], cwd=root, env={**ENV, "TZ": tz}, capture_output=True, text=True
    )


@pytest.mark.build
@pytest.mark.parametrize("tz", ZONES)
def test_bad_config_fails_the_strict_build_at_its_lines(tmp_path, tz):
    root = project_copy(tmp_path)
    now = today()
    tomorrow = now + dt.timedelta(days=1)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = edit(text, 'verified: "2026-11-25"', 'verified: "2026-13-40"')
    text = edit(text, "    official_domains:", "    oficial_domains:")
    text = edit(text, "    min_steps: 2", "    min_steps: two")
    text = edit(
        text,
        '    - id: wallet\n      label: {zh: 密码、助记词与恢复钱包, en: "Passwords, recovery phrase and restoring"}\n',
        "    - id: wallet\n",
    )
    text = edit(
        text,
        "    - id: chat\n",
        "".join(
            f"    - id: {cid}\n      kind: website\n      url: https://bitpie.com/{cid}\n      source: https://bitpie.com/\n"
            f'      verified: "{day.isoformat()}"\n      label: {{zh: 网站, en: Website}}\n'
            for cid, day in (("checked-today", now), ("checked-tomorrow", tomorrow))
        )
        + "    - id: chat\n",
    )
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = build(root, tz)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log[-3000:]
    expected = [
        (line_of(text, '"2026-13-40"'), "config-date", "`extra.contacts[0].verified` is '2026-13-40'"),
        (line_of(text, "oficial_domains:"), "config-unknown-key", "did you mean 'official_domains'?"),
        (line_of(text, "min_steps: two"), "config-type", "must be a whole number, not text ('two')"),
        (line_of(text, "- id: wallet"), "config-missing-key", "`extra.faq_categories[0]` has no `label`"),
        (line_of(text, f'verified: "{tomorrow.isoformat()}"'), "registry-unverified", f"(today is {now.isoformat()} in Asia/Shanghai)"),
    ]
    warnings = [line for line in log.splitlines() if line.startswith("WARNING -  mkdocs.yml:")]
    for line, code, says in expected:
        found = [w for w in warnings if w.startswith(f"WARNING -  mkdocs.yml:{line}: [{code}] ")]
        assert len(found) == 1 and says in found[0], (tz, line, code, warnings)
    assert len(warnings) == len(expected), warnings  # nothing about the contact verified today
    assert "guard: 5 problem(s) found" in log and "Aborted with" in log


@pytest.mark.build
def test_an_impossible_date_left_unquoted_stops_mkdocs_itself(tmp_path):
    """MkDocs reads mkdocs.yml with PyYAML before any hook runs, and PyYAML raises on
    an unquoted impossible date; mkdocs.yml says to quote dates, and the standalone
    check reports it at its line (test above). If MkDocs ever reports it itself,
    this test will say so."""
    root = project_copy(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(edit(config.read_text(encoding="utf-8"), 'verified: "2026-11-25"', "verified: 2026-13-40"), encoding="utf-8")
    result = build(root, ZONES[0])
    assert result.returncode != 0
    assert re.search(r"month must be in 1\.\.12", result.stderr), result.stderr[-2000:]
    checked = check(root)
    assert checked.returncode == 1 and "[config-date]" in checked.stdout and "Traceback" not in checked.stderr


def test_the_words_mkdocs_yml_puts_on_every_page_are_judged(mini):
    """Nav labels, their translations and the site's description reach every page's
    chrome, where no article rule sees them: typed contacts and look-alike domains
    there are findings at their mkdocs.yml line, and HTML anywhere in the file is."""
    text = mini.config.read_text(encoding="utf-8")
    text = text.replace(
        "site_name: Mini\n", "site_name: Mini\nsite_description: Help at bitpie-support.com\nnav:\n  - 客服微信：abc_help123: index.md\n", 1
    )
    text = text.replace(
        "          name: English\n", "          name: English\n          nav_translations:\n            Home: 'Home <img src=x>'\n", 1
    )
    mini.config.write_text(text, encoding="utf-8")
    mini.write("zh/index.md", "# 首页\n")
    mini.write("en/index.md", "# Home\n")
    lines = text.split("\n")
    found = {(f.path, f.line, f.code) for f in mini.findings() if f.path == "mkdocs.yml"}
    assert found == {
        ("mkdocs.yml", line_of(text, "site_description:"), "lookalike-domain"),
        ("mkdocs.yml", line_of(text, "客服微信"), "contact-unlisted"),
        ("mkdocs.yml", line_of(text, "Home: 'Home <img"), "config-markup"),
    }, (found, lines[:12])
