"""The contact registry: the only place a contact address may come from.

Entries live in mkdocs.yml under `extra.contacts`. Each has an `id`, a `kind`, a
`label`, and, only when verified, a `url` together with the official `source` that
publishes it and the date it was `verified`. The contact page template renders
them; the link rules accept a contact link only when it matches an entry here.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from .catalogue import finding
from .findings import Finding

KINDS = ("website", "email", "phone", "social", "chat", "messenger")


@dataclass(frozen=True)
class Contact:
    id: str
    kind: str
    url: str | None
    source: str | None
    verified: dt.date | None
    line: int


def contact_key(url: str) -> str:
    """Normalise a contact URL so that equal addresses compare equal."""
    url = url.strip()
    scheme, _, rest = url.partition(":")
    scheme = scheme.lower()
    if scheme == "mailto":
        return "mailto:" + unquote(rest.split("?", 1)[0]).strip().lower()
    if scheme in ("tel", "sms"):
        return "tel:" + "".join(ch for ch in rest if ch.isdigit() or ch == "+")
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}{query}"


@dataclass(frozen=True)
class Registry:
    contacts: tuple[Contact, ...]

    def find(self, url: str) -> Contact | None:
        key = contact_key(url)
        return next((c for c in self.contacts if c.url and contact_key(c.url) == key), None)

    def find_text(self, value: str) -> Contact | None:
        """The contact whose address holds an account or number written in prose
        ("bitpie_help" in https://t.me/bitpie_help, "400-123-4567" in
        tel:+864001234567): spaces, hyphens and a leading "@" do not count."""
        wanted = re.sub(r"[\s-]", "", value).lstrip("@").lower()
        for contact in self.contacts:
            address = re.sub(r"[\s-]", "", contact.url or "").lower()
            if wanted and (wanted in re.split(r"[/:?=&+@]", address) or address.endswith(wanted)):
                return contact
        return None


def load_registry(raw: list[Any], config_rel: str, line_of, today: dt.date | None = None) -> tuple[Registry, list[Finding]]:
    """Read `extra.contacts`; every malformed entry is a finding at its line.

    `line_of(index, key)` gives the mkdocs.yml line of an entry's key. URL policy for
    registered addresses is checked by `links.check_registry`, which needs the
    link checker; this function checks the entry's shape only.
    """
    today = today or dt.date.today()
    contacts: list[Contact] = []
    findings: list[Finding] = []
    seen: set[str] = set()

    def bad(index: int, key: str, code: str, case: str, **fields: Any) -> None:
        findings.append(finding(code, config_rel, line_of(index, key), case, **fields))

    for index, entry in enumerate(raw):
        if not isinstance(entry, dict):
            bad(index, "", "registry-entry", "not-mapping")
            continue
        cid = str(entry.get("id") or "").strip()
        kind = str(entry.get("kind") or "").strip()
        url = entry.get("url")
        if not cid:
            bad(index, "", "registry-entry", "no-id")
        elif cid in seen:
            bad(index, "id", "registry-entry", "duplicate-id", id=cid)
        seen.add(cid)
        if kind not in KINDS:
            bad(index, "kind", "registry-entry", "kind", id=cid, kind=kind, kinds=KINDS)
        verified = entry.get("verified")
        if url is not None:
            if not isinstance(url, str) or not url.strip():
                bad(index, "url", "registry-entry", "empty-url", id=cid)
                url = None
            if not entry.get("source"):
                bad(index, "url", "registry-unsourced", "missing", id=cid)
            if isinstance(verified, str):
                try:
                    verified = dt.date.fromisoformat(verified)
                except ValueError:
                    verified = None
            if not isinstance(verified, dt.date):
                bad(index, "url", "registry-unverified", "missing", id=cid)
                verified = None
            elif verified > today:
                bad(index, "verified", "registry-unverified", "future", id=cid, verified=verified.isoformat())
        contacts.append(Contact(
            id=cid, kind=kind, url=url.strip() if isinstance(url, str) else None,
            source=entry.get("source"), verified=verified if isinstance(verified, dt.date) else None,
            line=line_of(index, ""),
        ))
    return Registry(tuple(contacts)), findings
