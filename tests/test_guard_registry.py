"""The contact registry: addresses need an official source and a date, and must be safe."""

from __future__ import annotations

from conftest import MKDOCS_YML


def with_contacts(mini, block: str) -> None:
    text = MKDOCS_YML.split("  contacts:\n", 1)[0] + "  contacts:\n" + block + "  link_policy:" + MKDOCS_YML.split("  link_policy:", 1)[1]
    mini.config.write_text(text, encoding="utf-8")


def line_of(mini, needle: str) -> int:
    return next(n for n, line in enumerate(mini.config.read_text().splitlines(), 1) if needle in line)


def test_registered_email_may_be_linked_unlisted_may_not(mini):
    mini.page("# P\n\n[ok](mailto:support@bitpie.com) [bad](mailto:sales@bitpie.com)\n", lang="en")
    codes = [(f.code, f.message()) for f in mini.findings()]
    assert len(codes) == 1 and codes[0][0] == "contact-unlisted" and "sales@bitpie.com" in codes[0][1]


def test_address_without_source_or_date(mini):
    with_contacts(mini, "    - id: email\n      kind: email\n      url: mailto:help@bitpie.com\n      label: {zh: a, en: b}\n")
    codes = {(f.path, f.code) for f in mini.findings()}
    assert ("mkdocs.yml", "registry-unsourced") in codes
    assert ("mkdocs.yml", "registry-unverified") in codes


def test_registry_rejects_lookalike_freemail_and_foreign_source(mini):
    with_contacts(
        mini,
        "    - id: web\n      kind: website\n      url: https://bitpie-support.com/\n"
        "      source: https://bitpie.com/\n      verified: 2026-01-01\n"
        "    - id: mail\n      kind: email\n      url: mailto:bitpiehelp@gmail.com\n"
        "      source: https://bitpie.com/\n      verified: 2026-01-01\n"
        "    - id: tg\n      kind: social\n      url: https://t.me/bitpie\n"
        "      source: https://t.me/bitpie\n      verified: 2026-01-01\n",
    )
    found = {(f.line, f.code) for f in mini.findings() if f.path == "mkdocs.yml"}
    assert (line_of(mini, "- id: web"), "lookalike-domain") in found
    assert (line_of(mini, "- id: mail"), "freemail-address") in found
    assert (line_of(mini, "- id: tg"), "registry-unsourced") in found


def test_future_verification_date_and_duplicate_id(mini):
    with_contacts(
        mini,
        "    - id: web\n      kind: website\n      url: https://bitpie.com/\n"
        "      source: https://bitpie.com/\n      verified: 2099-01-01\n"
        "    - id: web\n      kind: website\n",
    )
    found = [f for f in mini.findings() if f.path == "mkdocs.yml"]
    assert any(f.code == "registry-unverified" and "future" in f.message() for f in found)
    assert any(f.code == "registry-entry" and "twice" in f.message() for f in found)


def test_registered_social_account_may_be_linked(mini):
    with_contacts(
        mini,
        "    - id: x\n      kind: social\n      url: https://x.com/bitpieofficial\n"
        "      source: https://bitpie.com/about\n      verified: 2026-01-01\n      label: {zh: X, en: X}\n",
    )
    mini.page("# P\n\n[X](https://x.com/bitpieofficial) [fake](https://x.com/bitpie_help)\n", lang="en")
    found = [f for f in mini.findings()]
    assert [(f.code, "bitpie_help" in f.message()) for f in found] == [("contact-unlisted", True)]
