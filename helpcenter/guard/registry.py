"""The contact registry: the only place a contact address may come from.

Entries live in mkdocs.yml under `extra.contacts`. Each has an `id`, a `kind`, a
`label`, and, only when verified, a `url` together with the official `source` that
publishes it and the date it was `verified`. The contact page template renders
them; the link rules accept a contact link only when it matches an entry here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from .catalogue import finding
from .config import ContactConfig
from .config import today as config_today
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
            if wanted and (wanted in re.split(r"[/:?=&+@]", address) or _same_number(address, wanted)):
                return contact
        return None


def _same_number(address: str, wanted: str) -> bool:
    """`4001234567` or `04001234567` is the registered `tel:+864001234567`: the same
    digits after a country code. A mere suffix (`1234567`) is not."""
    digits = re.sub(r"\D", "", wanted).lstrip("0")
    return bool(digits) and len(digits) >= 7 and re.fullmatch(rf"(?:tel|sms):\+\d{{1,3}}0?{digits}", address) is not None


def load_registry(
    entries: Sequence[ContactConfig], config_rel: str, line_of, today: dt.date | None = None
) -> tuple[Registry, list[Finding]]:
    """The registry from `extra.contacts` as the schema read it (helpcenter/guard/config.py:
    types, unknown and missing keys, malformed dates); here, what the entries mean:
    unique ids, known kinds, and an address only with its official `source` and the
    date it was `verified` (not after today in Asia/Shanghai, `config.today()`).

    `line_of(index, key)` gives the mkdocs.yml line of an entry's key. URL policy for
    registered addresses is checked by `links.check_registry`, which needs the
    link checker; this function checks the entries' meaning only. A key the schema
    already reported is not reported again.
    """
    today = today or config_today()
    contacts: list[Contact] = []
    findings: list[Finding] = []
    seen: set[str] = set()

    def bad(index: int, key: str, code: str, case: str, **fields: Any) -> None:
        findings.append(finding(code, config_rel, line_of(index, key), case, **fields))

    for entry in entries:
        index, reported = entry.index, entry.reported
        cid = (entry.id or "").strip()
        kind = (entry.kind or "").strip()
        url = entry.url
        if not cid:
            if "id" not in reported:
                bad(index, "", "registry-entry", "no-id")
        elif cid in seen:
            bad(index, "id", "registry-entry", "duplicate-id", id=cid)
        seen.add(cid)
        if kind not in KINDS and "kind" not in reported:
            bad(index, "kind", "registry-entry", "kind", id=cid, kind=kind, kinds=KINDS)
        verified = entry.verified
        if url is not None:
            if not url.strip():
                bad(index, "url", "registry-entry", "empty-url", id=cid)
                url = None
            if not entry.source and "source" not in reported:
                bad(index, "url", "registry-unsourced", "missing", id=cid)
            if verified is None:
                if "verified" not in reported:
                    bad(index, "url", "registry-unverified", "missing", id=cid)
            elif verified > today:
                bad(index, "verified", "registry-unverified", "future", id=cid, verified=verified.isoformat(), today=today.isoformat())
        contacts.append(
            Contact(
                id=cid,
                kind=kind,
                url=url.strip() if url else None,
                source=entry.source,
                verified=verified,
                line=line_of(index, ""),
            )
        )
    return Registry(tuple(contacts)), findings
