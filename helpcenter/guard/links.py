"""The link policy: what an article may link to, and a specific reason when not.

A link passes when it is a registered contact (registry), or an https: link to an
official or reviewed reference domain. Everything else gets a finding whose code
names the trick: lookalike-domain, brand-subdomain, punycode-domain,
homoglyph-domain, ip-host, url-shortener, userinfo-trick, insecure-link,
script-url, data-url, freemail-address, contact-unlisted, external-resource, ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit

from ada_url import URL as WhatwgURL
from email_validator import EmailNotValidError, validate_email

from .catalogue import finding, problem
from .domains import FREEMAIL, DomainInspector, Problem, split_host
from .findings import Finding
from .project import LinkPolicy
from .prose import looks_like_file
from .registry import Registry

Context = Literal["link", "resource", "text"]

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_SPECIAL = re.compile(r"^(https?|ftp|wss?):/*", re.IGNORECASE)
_STRIP = "".join(chr(c) for c in range(0x21)) + "\u00a0\ufeff"
CONTACT_SCHEMES = frozenset(
    {
        "tel",
        "sms",
        "callto",
        "facetime",
        "tg",
        "whatsapp",
        "weixin",
        "wechat",
        "skype",
        "viber",
        "line",
        "signal",
        "sgnl",
        "mqq",
        "tencent",
        "fb-messenger",
        "discord",
        "snapchat",
        "im",
        "xmpp",
        "irc",
        "ircs",
        "sip",
        "sips",
    }
)
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "blob", "filesystem"})


def normalise(url: str) -> str:
    """What a browser does before it reads a URL: trim controls and spaces at both
    ends, drop tabs and newlines anywhere, and read backslashes as slashes."""
    url = url.strip(_STRIP)
    url = url.replace("\t", "").replace("\n", "").replace("\r", "")
    url = url.replace("\\", "/")
    # Special schemes skip any run of slashes before the host: https:/x and https:x
    # both go to host x.
    return _SPECIAL.sub(lambda m: m.group(1) + "://", url)


def _readable_host(ascii_host: str, written: str) -> str:
    """The host to judge: as written where the writer wrote non-ASCII letters (a
    homoglyph or fullwidth name is named as what it is, even when the browser's
    IDNA mapping would land on an ASCII name), else as the browser has it
    (%-escapes decoded, IPv4 in dotted form)."""
    if written and not written.isascii():
        return written.lower()
    return ascii_host.strip("[]")


def scheme_of(url: str) -> str | None:
    if ":" not in url:  # most links and attribute values; normalise() adds no colon
        return None
    match = _SCHEME.match(normalise(url))
    return match.group(1).lower() if match else None


def is_external(url: str) -> bool:
    """True for anything that is not a relative link inside the site."""
    url = normalise(url)
    return bool(scheme_of(url)) or url.startswith("//")


@dataclass
class LinkChecker:
    policy: LinkPolicy
    registry: Registry

    def __post_init__(self) -> None:
        self.domains = DomainInspector(self.policy)
        self.official = self.policy.official_domains[0] if self.policy.official_domains else self.policy.brand

    # -- links -----------------------------------------------------------------
    def check(self, raw: str, context: Context = "link") -> list[Problem]:
        url = normalise(raw)
        scheme = scheme_of(url)
        if scheme is None:
            if url.startswith("//"):
                return [problem("protocol-relative", raw=raw)] + self.check_web(f"https:{url}", raw, context)
            return []  # a link inside the site: MkDocs validates it (strict build)
        if scheme in ("mailto", "sms", "tel") and "?" in url:
            # cc, bcc, subject or body: a registered address can still fill in a message
            # to another address, or one asking for the recovery phrase.
            extra = self._mailto(url, raw) if scheme == "mailto" and not self.registry.find(url) else []
            return [problem("contact-parameters", raw=raw[:120])] + extra
        if self.registry.find(url):
            return []
        if scheme in ("http", "https"):
            return self.check_web(url, raw, context)
        if scheme == "mailto":
            return self._mailto(url, raw)
        if scheme in CONTACT_SCHEMES:
            return [problem("contact-unlisted", "link", raw=raw)]
        if scheme in SCRIPT_SCHEMES:
            return [problem("script-url", raw=raw[:80])]
        if scheme == "data":
            return [problem("data-url", raw=raw[:80])]
        return [problem("unsupported-scheme", "link", raw=raw[:80], scheme=scheme)]

    def check_web(self, url: str, raw: str, context: Context) -> list[Problem]:
        problems: list[Problem] = []
        try:
            parts = urlsplit(url)
            # The host as a browser reads it (WHATWG URL, ada): %-escapes decoded
            # (bitpie.com%2eevil.net is bitpie.com.evil.net), IPv4 in any form
            # (0x7f.1 is 127.0.0.1), Unicode names as punycode.
            browser = WhatwgURL(url)
        except ValueError:
            netloc = unquote(url.split("//", 1)[1].split("/", 1)[0]) if "//" in url else ""
            if "@" in netloc:  # a browser refuses it; a reader still reads "bitpie.com" first
                return [problem("userinfo-trick", raw=raw, host=netloc.rsplit("@", 1)[1], official=self.official)]
            return [problem("malformed-url", "invalid", raw=raw)]
        host = _readable_host(browser.hostname, unquote(parts.hostname or ""))
        if browser.username or browser.password or "@" in unquote(parts.netloc):
            problems.append(problem("userinfo-trick", raw=raw, host=host, official=self.official))
        host_class, host_problems = self.domains.classify(host)
        if not host_problems and self.under_reference_prefix(host, parts.path):
            host_class = "reference"
        problems += host_problems
        embedded = self._EMBEDDED.search(unquote(parts.query + "#" + parts.fragment))
        if embedded and not host_problems:
            inner_class, inner_problems = self.domains.classify(urlsplit(embedded.group(0)).hostname or "")
            if inner_problems or inner_class not in ("official", "reference"):
                problems.append(problem("embedded-url", raw=raw, inner=embedded.group(0)))
        if parts.scheme.lower() == "http":
            problems.append(problem("insecure-link", raw=raw))
        if context == "resource":
            problems.append(problem("external-resource", raw=raw))
        elif host_class in ("official", "reference") or host_problems:
            pass
        elif host_class == "social":
            problems.append(problem("contact-unlisted", "social", raw=raw))
        else:
            problems.append(problem("domain-not-allowed", host=host, official=self.policy.official_domains))
        return problems

    def under_reference_prefix(self, host: str, path: str) -> bool:
        """True when host + path lies inside a reviewed `reference_prefixes` entry,
        after the browser's own path clean-up (%-escapes, `.` and `..` segments)."""
        if not self.policy.reference_prefixes:
            return False
        segments: list[str] = []
        for segment in unquote(path).replace("\\", "/").split("/"):
            if segment == "..":
                if segments:
                    segments.pop()
            elif segment not in ("", "."):
                segments.append(segment)
        target = (host.lower().rstrip(".") + "/" + "/".join(segments).lower()).rstrip("/") + "/"
        return any(target.startswith(prefix.rstrip("/") + "/") for prefix in self.policy.reference_prefixes)

    def _mailto(self, url: str, raw: str) -> list[Problem]:
        problems: list[Problem] = []
        body = url.split(":", 1)[1].split("?", 1)[0]
        addresses = [unquote(a).strip() for a in body.split(",") if a.strip()]
        if not addresses:
            return [problem("invalid-email", "empty", raw=raw)]
        for address in addresses:
            problems += self.check_email(address, raw)
        return problems

    def check_email(self, address: str, raw: str | None = None) -> list[Problem]:
        shown = raw or address
        try:
            validate_email(address, check_deliverability=False, allow_smtputf8=False)
        except EmailNotValidError as error:
            return [problem("invalid-email", "invalid", shown=shown, error=str(error))]
        domain = address.rsplit("@", 1)[1].lower()
        _, host_problems = self.domains.classify(domain)
        problems = list(host_problems)
        if domain in FREEMAIL:
            problems.append(problem("freemail-address", address=address, domain=domain))
        if not self.registry.find(f"mailto:{address}"):
            problems.append(problem("contact-unlisted", "email", address=address))
        return problems

    # -- text ------------------------------------------------------------------
    _URL_TEXT = re.compile(r"(?i)\b(?:https?|ftp)://[^\s<>()\[\]{}\"'`，。、；：！？（）《》【】]+")
    _WWW_TEXT = re.compile(r"(?i)(?<![\w./-])www\.[^\s<>()\[\]{}\"'`，。、；：！？（）《》【】]+", re.ASCII)
    # Bounded parts (RFC 5321 lengths) and a start only where a token starts: linear
    # time on a 100,000-character token (the unbounded form was quadratic).
    _EMAIL_TEXT = re.compile(
        r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}(?![A-Za-z0-9-])", re.ASCII
    )
    _DOMAIN_TEXT = re.compile(
        r"(?<![\w@/.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9])(?![\w-])", re.ASCII | re.IGNORECASE
    )
    _EMBEDDED = re.compile(r"(?i)(?:https?:)?//[^\s/?#&]+")
    # A domain written with non-ASCII letters (homoglyphs); leading CJK text is trimmed.
    _IDN_TEXT = re.compile(r"(?<![\w@/.-])((?:[\w-]+[.\u3002\uff0e\uff61])+[A-Za-z]{2,})(?![\w-])")
    _CJK_PREFIX = re.compile(r"^[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
    _PHONE_TEXT = re.compile(r"(?<![\w+])\+\d[\d \-]{6,}\d")
    _HANDLE_TEXT = re.compile(r"(?<![\w@.])@[A-Za-z][A-Za-z0-9_]{2,}", re.ASCII)
    # "微信：bitpie_kefu888", "QQ群: 12345678", "Telegram ID: kefu_01": an account typed
    # after a messenger or phone label. The value must look like an ID (digits or "_"),
    # so "WeChat: official channels only" is prose, not an account.
    _LABELED_TEXT = re.compile(
        r"(?i)(?P<label>微信|微博|wechat|weixin|QQ|telegram|电报|whatsapp|line|skype|signal|discord|twitter|推特|"
        r"电话|手机|热线|客服热线|phone|tel|hotline|mobile)\s*(?:号码?|群|id|账号|帐号|number|no\.?)?\s*[:：]\s*"
        r"(?P<value>@?(?=[\w-]*[\d_])[A-Za-z0-9][\w-]{4,29}|\d[\d -]{4,14}\d)(?![\w@.])",
        re.ASCII,
    )
    _ANY_DIGIT = re.compile(r"\d")
    # Telltales: every match of _DOMAIN_TEXT holds a letter or digit, a dot, a letter
    # (its last dot); every match of _IDN_TEXT a full stop and two letters; every
    # match of _LABELED_TEXT a label (ASCII case-insensitive) and a digit or "_".
    _DOMAIN_HINT = re.compile(r"[a-z0-9]\.[a-z]", re.ASCII | re.IGNORECASE)
    _IDN_HINT = re.compile(r"[.\u3002\uff0e\uff61][A-Za-z]{2}")
    _LABEL_HINT = re.compile(
        r"(?i)微信|微博|wechat|weixin|QQ|telegram|电报|whatsapp|line|skype|signal|discord|twitter|推特|"
        r"电话|手机|热线|客服热线|phone|tel|hotline|mobile",
        re.ASCII,
    )
    # Mainland numbers written without +86: 11-digit mobiles and 400/800 hotlines.
    _CN_PHONE_TEXT = re.compile(r"(?<![\w+.-])(?:1[3-9]\d[ -]?\d{4}[ -]?\d{4}|[48]00[ -]?\d{3}[ -]?\d{4})(?![\w.-])")

    def check_text(self, text: str) -> list[Problem]:
        """Addresses typed as plain prose: readers copy them, so they follow the same
        rules as links. Example domains belong in `code`, which is not scanned."""
        problems: list[Problem] = []
        spans: list[tuple[int, int]] = []

        def free(match: re.Match) -> bool:
            return not any(s <= match.start() < e for s, e in spans)

        # Each pattern needs a telltale character; skip the ones that cannot match.
        has_at, has_dot, has_colon = "@" in text, "." in text, ":" in text or "：" in text
        has_digits = self._ANY_DIGIT.search(text) is not None
        if not (has_at or has_dot or has_colon or has_digits or "+" in text or "\u3002" in text or "\uff0e" in text):
            return problems
        for match in self._URL_TEXT.finditer(text) if "://" in text else ():
            spans.append(match.span())
            problems += self.check(match.group(0).rstrip(".,;:!?"), "link")
        for match in self._WWW_TEXT.finditer(text) if has_dot else ():
            if free(match):
                spans.append(match.span())
                problems += self.check("https://" + match.group(0).rstrip(".,;:!?"), "link")
        for match in self._EMAIL_TEXT.finditer(text) if has_at else ():
            if free(match):
                spans.append(match.span())
                problems += self.check_email(match.group(0))
        for match in self._DOMAIN_TEXT.finditer(text) if has_dot and self._DOMAIN_HINT.search(text) else ():
            if not free(match):
                continue
            host = match.group(1).lower()
            if not split_host(host)[2] or looks_like_file(match.group(1)):
                continue  # no public suffix: not a domain (e.g. "e.g"); a file name (README.md)
            host_class, host_problems = self.domains.classify(host)
            if host_problems:
                problems += host_problems
            elif host_class not in ("official", "reference"):
                problems.append(problem("domain-in-text", host=host))
        for match in self._IDN_TEXT.finditer(text) if not text.isascii() and self._IDN_HINT.search(text) else ():
            host = self._CJK_PREFIX.sub("", match.group(1))
            if host.isascii() or not free(match):
                continue
            spans.append(match.span())
            problems += self.domains.classify(host)[1]

        def typed_phone(number: str) -> Problem:
            return problem("contact-unlisted", "phone", number=number)

        for match in self._PHONE_TEXT.finditer(text) if "+" in text else ():
            spans.append(match.span())
            if not self.registry.find("tel:" + match.group(0)):
                problems.append(typed_phone(match.group(0)))
        labeled = has_colon and (has_digits or "_" in text) and self._LABEL_HINT.search(text)
        for match in self._LABELED_TEXT.finditer(text) if labeled else ():
            if free(match) and not self.registry.find_text(match["value"]):
                spans.append(match.span())
                problems.append(problem("contact-unlisted", "labeled", text=match.group(0), label=match["label"]))
        for match in self._CN_PHONE_TEXT.finditer(text) if has_digits else ():
            if free(match) and not self.registry.find_text(match.group(0)):
                problems.append(typed_phone(match.group(0)))
        for match in self._HANDLE_TEXT.finditer(text) if has_at else ():
            if not free(match):
                continue
            problems.append(problem("contact-unlisted", "handle", handle=match.group(0)))
        return problems


def check_registry(registry: Registry, checker: LinkChecker, config_rel: str) -> list[Finding]:
    """A registered address must itself be safe: the registry is not a way around the policy."""
    findings: list[Finding] = []
    social_ok = {"social", "chat", "messenger"}
    for contact in registry.contacts:
        where = (config_rel, contact.line)
        if contact.source:
            source_class, source_problems = ("bad", [])
            scheme = scheme_of(contact.source)
            if scheme == "https":
                try:
                    source_class, source_problems = checker.domains.classify(urlsplit(contact.source).hostname or "")
                except ValueError:
                    pass
            if source_class != "official":
                findings.append(finding("registry-unsourced", *where, "not-official", id=contact.id, source=str(contact.source)))
        if not contact.url:
            continue
        scheme = scheme_of(contact.url)
        problems: list[Problem] = []
        if scheme == "mailto":
            for address in contact.url.split(":", 1)[1].split("?", 1)[0].split(","):
                address = unquote(address).strip()
                problems += [p for p in checker.check_email(address) if p.code != "contact-unlisted"]
                if not address.lower().endswith(tuple("@" + d for d in checker.policy.official_domains)):
                    problems.append(problem("registry-domain", "email", address=address))
        elif scheme in ("tel", "sms"):
            digits = "".join(ch for ch in contact.url if ch.isdigit())
            if len(digits) < 6:
                problems.append(problem("registry-entry", "not-phone", url=contact.url))
        elif scheme in ("https", "http"):
            try:
                host = urlsplit(normalise(contact.url)).hostname or ""
            except ValueError:
                host = ""
            problems += checker.check_web(contact.url, contact.url, "link")
            problems = [p for p in problems if p.code not in ("contact-unlisted", "domain-not-allowed")]
            host_class, _ = checker.domains.classify(host)
            if host_class not in ("official", "social") or (host_class == "social" and contact.kind not in social_ok):
                if not any(
                    p.code in ("lookalike-domain", "brand-subdomain", "punycode-domain", "homoglyph-domain", "ip-host", "url-shortener")
                    for p in problems
                ):
                    problems.append(problem("registry-domain", "web", url=contact.url))
        else:
            problems.append(problem("unsupported-scheme", "registry", url=contact.url))
        findings += [item.at(*where, frame="registry") for item in problems]
    return findings
