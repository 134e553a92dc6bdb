"""Everything the checker page needs, exported at build time from the same source
the guard reads: mkdocs.yml (registry and link policy, through the guard's own
loaders) and the guard's data (host lists, look-alike digits, the Public Suffix
List snapshot, the confusables). Nothing here is typed a second time.

The page gets it inlined as JSON (`<script type="application/json">`, data, not
code, so the site's CSP needs no hash for it): no request, from the hosted site
and from the file:// offline copy alike.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from confusable_homoglyphs import confusables
from email_validator import SPECIAL_USE_DOMAIN_NAMES

from ..guard import domains
from ..guard.links import CONTACT_SCHEMES, SCRIPT_SCHEMES, LinkChecker
from ..guard.project import Settings
from . import verdict as v

# A second-level label counts as generic (com.cn, co.uk, org.hk) when the Public
# Suffix List has it under at least this many top-level domains.
GENERIC_SECOND_LEVEL = 3


@lru_cache(maxsize=1)
def psl_extract() -> dict[str, Any]:
    """The part of the Public Suffix List (ICANN section, tldextract's offline
    snapshot, as the guard reads it) that the verdicts need:

    - every ASCII top-level suffix: the guard treats a host whose last label is
      not a known suffix differently (no registrable domain, so no look-alike test);
    - two-label suffixes with a generic second level (com.cn, co.uk ...: where a
      look-alike "bitpie.com.cn" registers), and the "*.tld" wildcards with their
      exceptions.
    Three-label rules and the ~4,000 regional second-level names (city.jp ...)
    are left out. They never change official / not official: only an official
    domain or its subdomain is official, which needs no suffix list; at most a
    fake under such a suffix is described as a subdomain trick instead of a
    look-alike name.
    """
    rules = [r for r in domains._extract._get_tld_extractor().public_tlds if r.isascii()]
    tlds = sorted(r for r in rules if "." not in r)
    two = [r for r in rules if r.count(".") == 1 and not r.startswith(("*", "!"))]
    generic = Counter(r.split(".")[0] for r in two)
    second: dict[str, list[str]] = defaultdict(list)
    for rule in sorted(two):
        label, tld = rule.split(".")
        if generic[label] >= GENERIC_SECOND_LEVEL:
            second[tld].append(label)
    wild = sorted(r[2:] for r in rules if r.startswith("*.") and r.count(".") == 1)
    exceptions = sorted(r[1:] for r in rules if r.startswith("!") and r.count(".") == 1)
    return {"tlds": " ".join(tlds), "second": {k: " ".join(vs) for k, vs in sorted(second.items())}, "wild": wild, "except": exceptions}


@lru_cache(maxsize=1)
def confusables_map() -> dict[str, str]:
    """Non-ASCII characters whose Latin look-alike (the guard's latin_skeleton)
    is not what plain Unicode folding (NFKD, which the browser has) gives: the
    page needs only these to say what a homoglyph domain "reads as"."""
    out = {}
    for ch in confusables.confusables_data:
        if len(ch) != 1 or ch.isascii():
            continue
        skeleton = domains.latin_skeleton(ch)
        folded = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode().lower() or "?"
        if skeleton != folded:
            out[ch] = skeleton
    return dict(sorted(out.items()))


@lru_cache(maxsize=1)
def messages() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("messages.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _contacts(settings: Settings, checker: LinkChecker) -> list[dict[str, Any]]:
    labels = {str(raw.get("id")): raw.get("label") or {} for raw in settings.raw_contacts if isinstance(raw, dict)}
    out = []
    for contact in checker.registry.contacts:
        label = labels.get(contact.id) or {}
        out.append(
            {
                "id": contact.id,
                "kind": contact.kind,
                "url": contact.url,
                "source": contact.source,
                "verified": contact.verified.isoformat() if isinstance(contact.verified, dt.date) else None,
                "label": label if isinstance(label, dict) else {"zh": str(label), "en": str(label)},
            }
        )
    return out


def page_data(settings: Settings, checker: LinkChecker) -> dict[str, Any]:
    policy = checker.policy
    return {
        "brand": policy.brand,
        "officialDomains": list(policy.official_domains),
        "officialLabels": sorted(checker.domains.official_labels),
        "referenceDomains": list(policy.reference_domains),
        "referencePrefixes": list(policy.reference_prefixes),
        "contacts": _contacts(settings, checker),
        "shorteners": sorted(domains.SHORTENERS),
        "social": sorted(domains.SOCIAL),
        "freemail": sorted(domains.FREEMAIL),
        "leet": {chr(k): val for k, val in sorted(domains._LEET.items())},
        "dots": dict(domains._DOTS),
        "psl": psl_extract(),
        "confusables": confusables_map(),
        "reading": v.READING,
        "trim": v.TRIM,
        "urlish": v.URLISH,
        "webSchemes": list(v.WEB_SCHEMES),
        "knownSchemes": list(v.KNOWN_SCHEMES),
        "contactSchemes": sorted(CONTACT_SCHEMES),
        "scriptSchemes": sorted(SCRIPT_SCHEMES),
        "priority": list(v.PRIORITY),
        "notVerified": list(v.NOT_VERIFIED),
        "emailSpecialUse": sorted(SPECIAL_USE_DOMAIN_NAMES),
    }


def page_json(settings: Settings, checker: LinkChecker, lang: str) -> str:
    """The page's data with the reader texts of one language, safe inside <script>."""
    data = page_data(settings, checker)
    texts = messages()
    data["text"] = {
        key: (value.get(lang) if isinstance(value, dict) and lang in value else value) for key, value in texts["verdict"].items()
    }
    data["lang"] = lang
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
