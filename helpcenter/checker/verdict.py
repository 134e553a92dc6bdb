"""The guard's verdict on one pasted string.

`judge(text, checker)` says whether a URL, domain, e-mail address, phone number
or handle a reader received is official, using the guard's `LinkChecker` (the
rules every article link already passes) and its contact registry:

- official:      it is exactly a registry entry, or an https URL on an official
                 domain (or one of its subdomains) with no trick in it;
- not-official:  the guard found a trick (look-alike domain, homoglyphs, brand as
                 a subdomain, `@` before the real host, IP host, shortener, http:,
                 free-mail ...) or it is on a domain that is not BitPie's;
- not-verified:  a handle, number or address the registry does not list. Never
                 "official": the registry is the only list of official channels.

How the pasted string is read (which kind of thing it is) is data, exported to
the page with the rest (`READING`), so the browser reads it the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import unquote, urlsplit

from ..guard.domains import latin_skeleton
from ..guard.links import CONTACT_SCHEMES, SCRIPT_SCHEMES, LinkChecker, normalise, scheme_of
from ..guard.registry import Contact

VerdictKind = Literal["official", "not-official", "not-verified", "empty"]

# Characters trimmed from both ends of the pasted text: what the guard's
# normalise() trims, plus the ideographic space and zero-width space that
# copying from chat apps leaves behind.
TRIM = "".join(chr(c) for c in range(0x21)) + "\u00a0\ufeff\u3000\u200b"

# How a pasted string is read. Regular expressions in the subset Python and
# JavaScript read alike (the page compiles the same sources with flags "iu").
READING: dict[str, str] = {
    # "微信：bitpie_kefu", "QQ群 12345678", "Telegram: @x": a messenger or phone
    # label, then the value. Not "weixin://..." (a link) nor "x.com" (a domain).
    "label": r"^(?:微信号?|微博|wechat|weixin|wx|qq群?|telegram|tg|电报|飞机|whatsapp|line|skype|signal|discord|"
    r"twitter|推特|facebook|fb|instagram|ins|电话|手机号?|热线|客服热线|客服电话|客服|phone|tel|hotline|"
    r"mobile|email|e-mail|mail|邮箱|邮件|官网|官方网站|网址|网站|website|url|link|链接)"
    r"\s*(?:号码|号|群|id|账号|帐号|number|no\.?)?\s*(?:[:：](?!//)\s*|\s+)(\S.*)$",
    # A scheme the reader may paste; anything else ("bitpie.com:443") is read as a bare address.
    "scheme": r"^([a-z][a-z0-9+.\-]*):",
    # The mailbox name in ASCII; the domain as typed (look-alike letters included).
    "email": r"^[a-z0-9._%+\-]+@[^\s@/:]+$",
    "phone": r"^\+?[0-9][0-9 \-()]{3,22}[0-9]$",
    "handle": r"^@?[^\s@/:]{1,64}$",
    "space": r"\s",
}
_R = {name: re.compile(source, re.IGNORECASE) for name, source in READING.items()}
# A word with one of these is an address without its scheme (the full stops browsers
# also read as ".", see helpcenter/guard/domains.py).
URLISH = "./:@\u3002\uff0e\uff61"
WEB_SCHEMES = ("http", "https", "ftp", "ws", "wss")
KNOWN_SCHEMES = tuple(sorted({*WEB_SCHEMES, "mailto", "tel", "sms", "data", "file", *CONTACT_SCHEMES, *SCRIPT_SCHEMES}))

# When several rules fire, the reader hears the most telling one first.
PRIORITY = (
    "script-url",
    "data-url",
    "userinfo-trick",
    "ip-host",
    "homoglyph-domain",
    "punycode-domain",
    "brand-subdomain",
    "lookalike-domain",
    "url-shortener",
    "malformed-url",
    "invalid-email",
    "embedded-url",
    "freemail-address",
    "registry-domain",
    "domain-not-allowed",
    "insecure-link",
    "unsupported-scheme",
    "protocol-relative",
    "external-resource",
    "contact-unlisted",
)
# Reasons that leave the thing unverified rather than proven fake.
NOT_VERIFIED = ("contact-unlisted", "unrecognised")


@dataclass(frozen=True)
class Verdict:
    verdict: VerdictKind
    reason: str  # a guard code, or official / reference-domain / registry-domain / unrecognised / empty
    kind: str  # url / email / phone / handle / unknown / empty: how the text was read
    value: str  # what was judged: the URL, address, number or handle
    host: str = ""  # URLs and e-mail: the host name as typed (lower case, %-decoded)
    reads_as: str = ""  # homoglyph and punycode hosts: the ASCII it imitates
    contact: str | None = None  # official: the registry entry's id
    codes: tuple[str, ...] = field(default=())  # every guard code found

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "reason": self.reason,
            "kind": self.kind,
            "value": self.value,
            "host": self.host,
            "readsAs": self.reads_as,
            "contact": self.contact,
            "codes": list(self.codes),
        }


def read(text: str, official_domains: tuple[str, ...]) -> tuple[str, str]:
    """(kind, value): how the page reads what was pasted. Kinds: url (value is a
    URL with a scheme), email, phone, handle, unknown, empty."""
    s = text.strip(TRIM)
    if not s:
        return "empty", ""
    label = _R["label"].match(s)
    if label:
        s = label.group(1).strip(TRIM)
    scheme = _R["scheme"].match(s)
    if scheme and scheme.group(1).lower() in KNOWN_SCHEMES:
        return "url", s
    if s.startswith("//"):
        return "url", "https:" + s
    if _R["phone"].match(s) and sum(ch.isdigit() for ch in s) >= 5:
        return "phone", s
    if _R["space"].search(s):
        return "unknown", s
    if _R["email"].match(s):
        local = s.rsplit("@", 1)[0].lower()
        # "bitpie.com@evil.example" is a link that hides its host, not a mailbox.
        return ("url", "https://" + s) if any(d in local for d in official_domains) else ("email", s)
    if s.startswith("@"):
        return "handle", s[1:]
    if any(ch in s for ch in URLISH):
        return "url", "https://" + s
    if _R["handle"].match(s):
        return "handle", s
    return "unknown", s


def _pick(codes: list[str]) -> str:
    ranked = [c for c in PRIORITY if c in codes]
    return ranked[0] if ranked else codes[0]


def _entry_for_host(checker: LinkChecker, host: str) -> Contact | None:
    """The registry entry that stands for an official domain: the first entry with
    an https address on the same official domain (e.g. `website` for docs.bitpie.com)."""
    domain = next((d for d in checker.policy.official_domains if host == d or host.endswith("." + d)), None)
    for contact in checker.registry.contacts:
        if not contact.url or scheme_of(contact.url) != "https":
            continue
        entry_host = (urlsplit(contact.url).hostname or "").rstrip(".")
        if domain and (entry_host == domain or entry_host.endswith("." + domain)):
            return contact
    return None


def _verdict(codes: list[str], **kw) -> Verdict:
    reason = _pick(codes)
    return Verdict("not-verified" if reason in NOT_VERIFIED else "not-official", reason, codes=tuple(codes), **kw)


def _typed_host(url: str) -> str:
    try:
        return unquote(urlsplit(url).hostname or "").strip().rstrip(".").lower()
    except ValueError:
        return ""


def _reads_as(host: str, codes: list[str]) -> str:
    if "homoglyph-domain" in codes:
        return latin_skeleton(host)
    if "punycode-domain" in codes:
        import idna  # the guard's own decoding (helpcenter/guard/domains.py)

        try:
            return latin_skeleton(idna.decode(host))
        except (idna.IDNAError, UnicodeError):
            try:
                return latin_skeleton(host.encode("ascii").decode("idna"))
            except UnicodeError:
                return ""
    return ""


def _web(url: str, checker: LinkChecker) -> Verdict:
    url = normalise(url)
    host = _typed_host(url)
    contact = checker.registry.find(url)
    try:
        codes = [p.code for p in checker.check(url, "link")]
    except ValueError:  # e.g. a broken [IPv6] address inside the query
        codes = ["malformed-url"]
    try:
        _ = urlsplit(url).port  # a port a browser refuses ("bitpie.com:99999") is no address at all
    except ValueError:
        codes.insert(0, "malformed-url")
    if contact and not codes:
        return Verdict("official", "official", "url", url, host, contact=contact.id)
    if not codes:
        host_class, _ = checker.domains.classify(host)
        if host_class == "official":
            entry = _entry_for_host(checker, host)
            return Verdict("official", "official", "url", url, host, contact=entry.id if entry else None)
        return Verdict("not-official", "reference-domain", "url", url, host)  # a reviewed third-party site
    return _verdict(codes, kind="url", value=url, host=host, reads_as=_reads_as(host, codes))


def _email(address: str, checker: LinkChecker, url: str | None = None) -> Verdict:
    contact = checker.registry.find(url or f"mailto:{address}")
    codes = [p.code for p in checker.check_email(address)]
    domain = address.rsplit("@", 1)[-1].strip().rstrip(".").lower()
    # The registry takes mailboxes on an official domain only (guard: registry-domain),
    # so an address anywhere else can never be official.
    if "invalid-email" not in codes and not any(domain == d or domain.endswith("." + d) for d in checker.policy.official_domains):
        codes.append("registry-domain")
    if contact and "contact-unlisted" not in codes and not any(c != "registry-domain" for c in codes):
        return Verdict("official", "official", "email", address, domain, contact=contact.id)
    if not codes:
        codes = ["contact-unlisted"]
    return _verdict(codes, kind="email", value=address, host=domain, reads_as=_reads_as(domain, codes))


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def phone_entry(checker: LinkChecker, number: str) -> Contact | None:
    """The registered phone number this is: the same digits, or the same digits
    without the country code (at most 3 digits) in front."""
    pasted = _digits(number)
    for contact in checker.registry.contacts:
        if contact.url and (scheme_of(contact.url) or "") in ("tel", "sms"):
            listed = _digits(contact.url.split(":", 1)[1])
            if pasted == listed or (len(pasted) >= 7 and listed.endswith(pasted) and len(listed) - len(pasted) <= 3):
                return contact
    return None


def handle_entry(checker: LinkChecker, handle: str) -> Contact | None:
    """The registered account this handle names: one whole path segment of a
    registered address (https://t.me/<handle>, tg://resolve?domain=<handle>),
    never its host, compared without case or a leading "@"."""
    wanted = handle.strip().lstrip("@").lower()
    for contact in checker.registry.contacts:
        if not contact.url or not wanted:
            continue
        scheme, _, rest = contact.url.partition(":")
        rest = rest.lower()
        if scheme.lower() in WEB_SCHEMES:
            rest = rest.lstrip("/").partition("/")[2]  # the path and query, not the host
        if wanted in re.split(r"[/?=&#]", rest):
            return contact
    return None


def judge(text: str, checker: LinkChecker) -> Verdict:
    """The guard's verdict on one pasted string."""
    kind, value = read(text, checker.policy.official_domains)
    if kind == "empty":
        return Verdict("empty", "empty", "empty", "")
    if kind == "email":
        return _email(value, checker)
    if kind == "phone":
        contact = phone_entry(checker, value)
        if contact:
            return Verdict("official", "official", "phone", value, contact=contact.id)
        return _verdict(["contact-unlisted"], kind="phone", value=value)
    if kind == "handle":
        contact = handle_entry(checker, value)
        if contact:
            return Verdict("official", "official", "handle", value, contact=contact.id)
        return _verdict(["contact-unlisted"], kind="handle", value=value)
    if kind == "unknown":
        return _verdict(["unrecognised"], kind="unknown", value=value)
    scheme = scheme_of(value) or ""
    if scheme in WEB_SCHEMES:
        return _web(value, checker)
    if scheme == "mailto":
        body = normalise(value).split(":", 1)[1].split("?", 1)[0]
        addresses = [unquote(a).strip() for a in body.split(",") if a.strip()]
        if len(addresses) != 1:
            return _verdict(["invalid-email"], kind="email", value=value)
        return _email(addresses[0], checker, url=value)
    if scheme in ("tel", "sms"):
        number = normalise(value).split(":", 1)[1].split("?", 1)[0].split(";", 1)[0]
        contact = phone_entry(checker, unquote(number)) if _digits(number) else None
        if contact:
            return Verdict("official", "official", "phone", unquote(number), contact=contact.id)
        return _verdict(["contact-unlisted"], kind="phone", value=unquote(number))
    codes = [p.code for p in checker.check(value, "link")]
    contact = checker.registry.find(value)
    if contact and not codes:
        return Verdict("official", "official", "handle", value, contact=contact.id)
    return _verdict(codes or ["unsupported-scheme"], kind="handle" if scheme in CONTACT_SCHEMES else "url", value=value)
