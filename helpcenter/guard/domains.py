"""Domain analysis: which site a host really belongs to, and whether it imitates ours.

Solved problems come from libraries: the registrable domain from the Public Suffix
List (tldextract's bundled snapshot, never fetched at build time), IDN decoding
from `idna`, look-alike characters from the Unicode confusables data
(`confusable_homoglyphs`). What is ours is the policy: which findings to raise.
"""
from __future__ import annotations

import ipaddress
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

import idna
import tldextract
from confusable_homoglyphs import categories, confusables

from .project import LinkPolicy

HostClass = Literal["official", "reference", "social", "shortener", "other", "bad"]

# Full stops that browsers treat as "." in a host name (UTS #46).
_DOTS = {"\u3002": ".", "\uff0e": ".", "\uff61": "."}
# Digits and symbols scammers put in place of letters.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "|": "i", "l": "i"})


@dataclass(frozen=True)
class Problem:
    """A rule's verdict before it is placed at a file and line."""

    code: str
    message: str
    fix: str


def _data(name: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


SHORTENERS = _data("shorteners.txt")
FREEMAIL = _data("freemail.txt")
SOCIAL = _data("social.txt")

_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)


@lru_cache(maxsize=4096)
def split_host(host: str) -> tuple[str, str, str]:
    """(subdomain, domain label, public suffix) by the Public Suffix List snapshot."""
    result = _extract(host)
    return result.subdomain, result.domain, result.suffix


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent swaps)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def latin_skeleton(text: str) -> str:
    """Replace each non-ASCII character with the ASCII letter it imitates, if any."""
    out = []
    for ch in text:
        ch = _DOTS.get(ch, ch)
        if ch.isascii():
            out.append(ch)
            continue
        found = confusables.is_confusable(ch, preferred_aliases=["latin"], greedy=True) or []
        ascii_glyphs = [g["c"] for item in found for g in item["homoglyphs"] if g["c"].isascii()]
        if ascii_glyphs:
            out.append(ascii_glyphs[0].lower())
        else:
            folded = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append(folded.lower() or "?")
    return "".join(out)


def _describe_chars(host: str) -> str:
    odd = [ch for ch in dict.fromkeys(host) if not ch.isascii()]
    return ", ".join(f"'{ch}' ({unicodedata.name(ch, 'U+%04X' % ord(ch))})" for ch in odd)


def _is_ip(host: str) -> bool:
    bare = host.strip("[]")
    try:
        ipaddress.ip_address(bare)
        return True
    except ValueError:
        pass
    # Browsers also read 3232235777, 0x7f.1 and 127.1 as IPv4 addresses.
    labels = bare.split(".")
    return all(label and (label.isdigit() or label.startswith("0x")) for label in labels)


class DomainInspector:
    """Classifies a host against the link policy and explains any imitation."""

    def __init__(self, policy: LinkPolicy) -> None:
        self.policy = policy
        self.brand = policy.brand.lower()
        self.official_labels = {split_host(d)[1] for d in policy.official_domains}

    @staticmethod
    def _within(host: str, domains: tuple[str, ...]) -> bool:
        return any(host == d or host.endswith("." + d) for d in domains)

    def imitation(self, label: str) -> str | None:
        """Why a registrable-domain label imitates the brand, or None."""
        plain = label.replace("-", "").replace("_", "")
        brand = self.brand
        if label in self.official_labels:
            return f"uses the official name '{label}' under a different suffix"
        if brand in plain:
            return f"contains the brand name '{brand}' inside another domain"
        if brand in plain.translate(_LEET):
            return f"spells '{brand}' with look-alike digits or letters"
        n = len(brand)
        if n >= 5:
            for size in (n - 1, n, n + 1):
                for start in range(0, max(len(plain) - size, 0) + 1):
                    if edit_distance(plain[start : start + size], brand) <= 1:
                        return f"is one letter away from '{brand}'"
        return None

    def classify(self, raw_host: str) -> tuple[HostClass, list[Problem]]:
        host = raw_host.strip().rstrip(".").lower()
        official = self.policy.official_domains[0] if self.policy.official_domains else self.brand
        if not host:
            return "bad", [Problem("malformed-url", "The link has no host name.", "Write the full address, e.g. https://" + official + "/.")]
        if _is_ip(host):
            return "bad", [Problem(
                "ip-host",
                f"The link points at a bare IP address '{raw_host}', which hides who runs the site.",
                f"Link to the official domain ({official}) instead.",
            )]
        if not host.isascii():
            skeleton = latin_skeleton(host)
            scripts = sorted(categories.unique_aliases(host.replace(".", "")))
            mixed = f" and mixes scripts ({', '.join(scripts)})" if len(scripts) > 1 else ""
            return "bad", [Problem(
                "homoglyph-domain",
                f"The host '{raw_host}' uses non-ASCII characters {_describe_chars(host)}{mixed}; "
                f"it reads as '{skeleton}' but is a different domain.",
                f"Type the official domain in plain ASCII ({official}), or remove the link.",
            )]
        if any(label.startswith("xn--") for label in host.split(".")):
            try:
                decoded = idna.decode(host)
            except idna.IDNAError:
                try:
                    decoded = host.encode("ascii").decode("idna")
                except UnicodeError:
                    decoded = host
            skeleton = latin_skeleton(decoded)
            reads = (f"is punycode for '{decoded}', which reads as '{skeleton}' but is a different domain"
                     if decoded != host else "is punycode that does not even decode to a valid name")
            return "bad", [Problem(
                "punycode-domain",
                f"The host '{raw_host}' {reads}.",
                f"Link to the official domain ({official}) spelled in plain ASCII.",
            )]
        if self._within(host, self.policy.official_domains):
            return "official", []
        if self._within(host, self.policy.reference_domains):
            return "reference", []
        sub, label, suffix = split_host(host)
        registrable = f"{label}.{suffix}" if suffix else label
        if host in SHORTENERS or registrable in SHORTENERS:
            return "shortener", [Problem(
                "url-shortener",
                f"'{raw_host}' is a URL shortener: readers cannot see where the link leads.",
                "Link to the final address, and only if it is on an allowed domain.",
            )]
        problems: list[Problem] = []
        sub_plain = sub.replace("-", "")
        if sub and (self.brand in sub_plain or any(d in host[: -len(registrable)] for d in self.policy.official_domains)):
            problems.append(Problem(
                "brand-subdomain",
                f"'{raw_host}' belongs to '{registrable}', not to {official}: "
                f"'{sub}' in front of it is only a subdomain chosen by whoever owns '{registrable}'.",
                f"Remove the link; the official site is {official}.",
            ))
        reason = self.imitation(label) if suffix else None
        if reason:
            problems.append(Problem(
                "lookalike-domain",
                f"'{registrable}' {reason}; it is not the official domain {official}.",
                f"Remove the link or point it at {official}; never send readers to look-alike domains.",
            ))
        if problems:
            return "bad", problems
        if host in SOCIAL or registrable in SOCIAL:
            return "social", []
        return "other", []
