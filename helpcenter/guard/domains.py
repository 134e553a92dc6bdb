"""Domain analysis: which site a host really belongs to, and whether it imitates ours.

Solved problems come from libraries: the registrable domain from the Public Suffix
List (tldextract's bundled snapshot, never fetched at build time), IDN decoding
from `idna`, look-alike characters from the Unicode confusables data
(`confusable_homoglyphs`). What is ours is the policy: which findings to raise.
"""

from __future__ import annotations

import ipaddress
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Literal

import idna
import tldextract
from confusable_homoglyphs import categories, confusables

from .catalogue import problem
from .findings import Problem
from .project import LinkPolicy

HostClass = Literal["official", "reference", "social", "shortener", "other", "bad"]

# Full stops that browsers treat as "." in a host name (UTS #46).
_DOTS = {"\u3002": ".", "\uff0e": ".", "\uff61": "."}
# Digits and symbols scammers put in place of letters.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "|": "i", "l": "i"})


def _data(name: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


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


def _describe_chars(host: str) -> tuple[tuple[str, str], ...]:
    """Each non-ASCII character of `host` once, with its Unicode name."""
    odd = [ch for ch in dict.fromkeys(host) if not ch.isascii()]
    return tuple((ch, unicodedata.name(ch, "U+%04X" % ord(ch))) for ch in odd)


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
        # Each host's verdict, kept: the same few hosts recur on every page, and the
        # look-alike test (edit distances) was a large share of the text rules' time.
        self._verdicts: dict[str, tuple[HostClass, tuple[Problem, ...]]] = {}

    @staticmethod
    def _within(host: str, domains: tuple[str, ...]) -> bool:
        return any(host == d or host.endswith("." + d) for d in domains)

    def imitation(self, label: str) -> tuple[str, dict[str, str]] | None:
        """Why a registrable-domain label imitates the brand, as the lookalike-domain
        case and its fields, or None."""
        plain = label.replace("-", "").replace("_", "")
        brand = self.brand
        if label in self.official_labels:
            return "suffix", {"label": label}
        if brand in plain:
            return "contains", {"brand": brand}
        if brand in plain.translate(_LEET):
            return "leet", {"brand": brand}
        n = len(brand)
        if n >= 5:
            for size in (n - 1, n, n + 1):
                for start in range(0, max(len(plain) - size, 0) + 1):
                    if edit_distance(plain[start : start + size], brand) <= 1:
                        return "typo", {"brand": brand}
        return None

    def classify(self, raw_host: str) -> tuple[HostClass, list[Problem]]:
        """The host's class and problems (a new list each time: callers may extend it)."""
        verdict = self._verdicts.get(raw_host)
        if verdict is None:
            host_class, problems = self._classify(raw_host)
            verdict = self._verdicts[raw_host] = (host_class, tuple(problems))
        return verdict[0], list(verdict[1])

    def _classify(self, raw_host: str) -> tuple[HostClass, list[Problem]]:
        host = raw_host.strip().rstrip(".").lower()
        official = self.policy.official_domains[0] if self.policy.official_domains else self.brand
        if not host:
            return "bad", [problem("malformed-url", "no-host", official=official)]
        if _is_ip(host):
            return "bad", [problem("ip-host", host=raw_host, official=official)]
        if not host.isascii():
            skeleton = latin_skeleton(host)
            scripts = sorted(categories.unique_aliases(host.replace(".", "")))
            fields = {"host": raw_host, "chars": _describe_chars(host), "skeleton": skeleton, "official": official}
            if len(scripts) > 1:
                return "bad", [problem("homoglyph-domain", "mixed", scripts=scripts, **fields)]
            return "bad", [problem("homoglyph-domain", "plain", **fields)]
        if any(label.startswith("xn--") for label in host.split(".")):
            try:
                decoded = idna.decode(host)
            except idna.IDNAError:
                try:
                    decoded = host.encode("ascii").decode("idna")
                except UnicodeError:
                    decoded = host
            if decoded != host:
                return "bad", [
                    problem(
                        "punycode-domain", "decodes", host=raw_host, decoded=decoded, skeleton=latin_skeleton(decoded), official=official
                    )
                ]
            return "bad", [problem("punycode-domain", "invalid", host=raw_host, official=official)]
        if self._within(host, self.policy.official_domains):
            return "official", []
        if self._within(host, self.policy.reference_domains):
            return "reference", []
        sub, label, suffix = split_host(host)
        registrable = f"{label}.{suffix}" if suffix else label
        if host in SHORTENERS or registrable in SHORTENERS:
            return "shortener", [problem("url-shortener", host=raw_host)]
        problems: list[Problem] = []
        sub_plain = sub.replace("-", "")
        if sub and (self.brand in sub_plain or any(d in host[: -len(registrable)] for d in self.policy.official_domains)):
            problems.append(problem("brand-subdomain", host=raw_host, registrable=registrable, sub=sub, official=official))
        reason = self.imitation(label) if suffix else None
        if reason:
            case, fields = reason
            problems.append(problem("lookalike-domain", case, registrable=registrable, official=official, **fields))
        if problems:
            return "bad", problems
        if host in SOCIAL or registrable in SOCIAL:
            return "social", []
        return "other", []
