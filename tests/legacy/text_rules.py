"""The guard's text rules as they were before issue 17's telltale pre-filters
(commit 8f8ddad), frozen for tests/test_text_rules_parity.py: `normalise_prose`,
`check_prose`, `check_requests` (helpcenter/guard/prose.py), `LinkChecker.check_text`
(helpcenter/guard/links.py, here `check_text(checker, text)`) and `judge_text`
(helpcenter/guard/runner.py), each running every pattern on every text. Do not
change them: they are what the faster forms must agree with."""

from __future__ import annotations

import re
import unicodedata

from helpcenter.guard.catalogue import problem
from helpcenter.guard.domains import Problem, split_host

# Chinese punctuation stays as written (messages quote the writer's text); every
# other compatibility form (fullwidth letters and digits, ＠, ＋, ．, 𝐛𝐨𝐥𝐝 letters) is folded.
_KEEP = frozenset("：，；！？（）。、「」『』【】《》〈〉“”‘’")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_AT_DOT = re.compile(
    r"(?i)(?<![a-z0-9._%+-])([a-z0-9._%+-]{1,64})\s?(?:\[at\]|\(at\)|\{at\}|\bat\b|＠)\s?([a-z0-9-]{1,63})\s?"
    r"((?:(?:\[dot\]|\(dot\)|\{dot\}|\bdot\b|\[\.\]|\(\.\))\s?[a-z0-9-]{1,63}\s?){1,4})"
)
_DEFANG_SCHEME = re.compile(r"(?i)\bh(?:xx|\*\*|tt)p(s?)(\[:\]|:)//")
_DEFANG_DOT = re.compile(r"(?i)\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))\s*")


class _Folded(dict):
    """Each character's folded form, for str.translate: computed on first sight and
    kept (a per-character Python loop was the largest cost of the text rules)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = folded = ch if ch in _KEEP or ch.isascii() else unicodedata.normalize("NFKC", ch)
        return folded


_FOLD = _Folded()


def normalise_prose(text: str) -> str:
    """Text as a reader understands it (see the module's note)."""
    if not text.isascii():
        text = text.translate(_FOLD)  # each character folded on its own: NFKC, except _KEEP
    text = text.translate(_INVISIBLE)
    text = _SPACES.sub(" ", text)
    text = _AT_DOT.sub(
        lambda m: f"{m[1]}@{m[2]}." + ".".join(re.split(r"(?i)\s*(?:\[dot\]|\(dot\)|\{dot\}|\bdot\b|\[\.\]|\(\.\))\s*", m[3].strip())[1:]),
        text,
    )
    text = _DEFANG_SCHEME.sub(lambda m: f"http{m[1]}://", text)
    return _DEFANG_DOT.sub(".", text)


def pieces(text: str, size: int = 2000) -> list[str]:
    """A long text in pieces of about `size` characters, cut at a line break or space
    (never inside an address), so that no rule's cost grows with the square of a
    100,000-character paragraph."""
    if len(text) <= size:
        return [text]
    out, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        out.append(text[start:end])
        start = end
    return out


def looks_like_file(name: str) -> bool:
    """`README.md`, `wallet-backup.zip`: a file name, not a domain."""
    stem, _, suffix = name.rpartition(".")
    return suffix.lower() in FILE_SUFFIXES and ("." not in stem or stem.isupper() or "_" in stem)


FILE_SUFFIXES = frozenset(
    "md txt zip rar 7z gz tar json yml yaml toml py sh js ts css html htm pdf png jpg jpeg gif svg webp "
    "apk ipa exe dmg pkg deb rpm msi csv xls xlsx doc docx ppt pptx log bak key keystore".split()
)

# A messenger or platform named without a colon, or with the words people use.
_LABEL = (
    r"(?P<label>(?:客服|官方|人工)?(?:微信|薇信|威信|V信|vx|VX|Vx|wx|WX|加V|加v|加微|扣扣|企鹅|QQ|qq|电报|飞机|TG|tg|"
    r"Telegram|telegram|WhatsApp|whatsapp|Line|LINE|Skype|skype|Signal|Discord|discord))"
)
# An account: letters with a digit or "_" somewhere (so words are not accounts), or 5–12 digits.
_ACCOUNT = r"(?P<value>@?[A-Za-z][A-Za-z0-9-]*[0-9_][A-Za-z0-9_-]*|\d{5,12})"
_LABEL_LOOSE = re.compile(
    rf"{_LABEL}\s*(?:号码?|群号?|账号|帐号|ID|id|号是|是|为|:|：)?\s*(?:是|为)?\s*[:：]?\s*[（(\[]?\s*{_ACCOUNT}(?![\w@.])"
)
_PLATFORM = re.compile(
    r"(?i)\b(?P<label>twitter|x|whatsapp|telegram|tg|facebook|instagram|youtube|tiktok|discord|reddit|weibo|微博|抖音)"
    r"\s*(?:account|handle|账号|号)?\s*[:：]\s*(?P<value>@[A-Za-z0-9_.]{2,30}|[A-Za-z0-9_.]{3,30}(?=\s*(?:$|[)）,，。;；!！?？])))"
)
_PHONE = re.compile(
    r"(?<![\w+.-])(?P<intl>\+\s?\d{1,3}[\s.-]?)?(?P<area>\(\d{1,4}\)[\s.-]?)?\d{2,6}(?P<groups>(?:[\s.-]\d{2,6}){1,4})(?![\w.-])"
)
_THOUSANDS = re.compile(r"^(?:[ ,.]\d{3})+$")
_DATE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$")
_NO_SUFFIX = re.compile(r"(?i)(?<![\w.-])([a-z0-9-]*{brand}[a-z0-9-]*)\.(?P<suffix>[a-z0-9]{1,12})(?![\w.-])")
WEB3_SUFFIXES = frozenset("eth crypto wallet bnb sol nft x bitcoin dao 888 zil blockchain coin tron trx polygon kred klever bit".split())
_CRYPTO = re.compile(
    r"(?<![\w])(?:0x[a-fA-F0-9]{40}|T[1-9A-HJ-NP-Za-km-z]{33}|bc1[ac-hj-np-z02-9]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})(?![\w])"
)
_SECRET = (
    r"(?:助记词|种子密语|私钥|密钥|钱包密码|支付密码|密码|pin码|PIN码|keystore|Keystore|"
    r"recovery phrase|seed phrase|secret phrase|mnemonic|private key|password|passcode|PIN)"
)
# Handing a secret over is always a problem; typing it is one only somewhere other
# than the wallet app (a site, a form, a chat, to somebody).
_GIVE_ZH = r"(?<!误)(?:发送|发给|发到|提供|告诉|交给|提交|上传|分享|私信|截图发|转发|报给|念给)"
_TYPE_ZH = r"(?:输入|填写|填入|粘贴|验证|核对)"
_GIVE_EN = r"(?:send|share|give|provide|tell|submit|upload|dm|message|read out|hand over)"
_TYPE_EN = r"(?:enter|type|paste|fill in|verify|validate|sync)"
_ASK = re.compile(
    rf"(?P<zh>(?P<zhverb>{_GIVE_ZH}|{_TYPE_ZH})[^。！？!?；;]{{0,14}}{_SECRET}|{_SECRET}[^。！？!?；;]{{0,10}}(?:{_GIVE_ZH}|{_TYPE_ZH}))"
    rf"|(?i:\b(?P<enverb>{_GIVE_EN}|{_TYPE_EN})\b[^.!?;]{{0,40}}\b{_SECRET}\b)"
)
_TYPE = re.compile(rf"(?i){_TYPE_ZH}|\b{_TYPE_EN}\b")
_OUTSIDE = re.compile(
    r"(?i)网站|网页|链接|表单|客服|对方|群里|聊天|私信|邮件|陌生人|他人|别人|"
    r"\b(?:website|site|web ?page|link|form|chat|support|agent|email|message|anyone|someone|them|us|him|her)\b"
)
# A request is not one when it is said not to do it (a negation just before the
# verb), when the sentence names it a scam or asks whether it happened, or when it
# stands under a heading or admonition title that warns.
_NOT = re.compile(
    r"(?i)不要|切勿|绝不|永远不|从不|不会|别|请勿|不可|禁止|不得|不能|\b(?:never|don't|do not|not|no one|nobody|won't|will not|cannot|can't)\b"
)
_MARKED = re.compile(
    r"(?i)骗|假冒|冒充|索要|是否|有没有|有无|曾经|如果|假如|若是|万一|\b(?:scam(?:s|mer|mers)?|fake|fraud|phishing|whether|have you|did you|if you)\b"
)
_WARNS = re.compile(
    r"(?i)不要|切勿|绝不|永远不|别|请勿|禁止|陷阱|骗|警惕|当心|谨防|\b(?:never|don't|do not|scams?|trap|fake|beware|phishing|will never)\b"
)
_SENTENCE = re.compile(r"[^。！？!?\n]+?(?:[。！？!?]|\.(?=\s|$)|$)")


def check_prose(text: str, brand: str, find_contact) -> list[tuple[Problem, str]]:
    """The prose rules for one piece of (normalised) text: (problem, the text it is
    about). `find_contact(value)`: the registry entry holding that account or number,
    or None."""
    out: list[tuple[Problem, str]] = []
    for match in _LABEL_LOOSE.finditer(text):
        if not find_contact(match["value"]):
            out.append((problem("contact-unlisted", "labeled", text=match.group(0).strip(), label=match["label"]), match["value"]))
    for match in _PLATFORM.finditer(text):
        if not find_contact(match["value"]):
            out.append((problem("contact-unlisted", "labeled", text=match.group(0).strip(), label=match["label"]), match["value"]))
    for match in _PHONE.finditer(text):
        number = match.group(0).strip()
        digits = re.sub(r"\D", "", number)
        if len(digits) < 8 or len(digits) > 15 or _DATE.match(number):
            continue  # dates, short numbers
        if not match["intl"] and not match["area"] and _THOUSANDS.match(match["groups"]):
            continue  # 18 000 000: an amount grouped by thousands
        if not find_contact(number):
            out.append((problem("contact-unlisted", "phone", number=number), number))
    for match in re.finditer(_NO_SUFFIX.pattern.replace("{brand}", re.escape(brand)), text):
        name = match.group(0)
        if match["suffix"].lower() in WEB3_SUFFIXES or (not split_host(name.lower())[2] and not looks_like_file(name)):
            out.append((problem("unofficial-name", name=name, brand=brand, suffix=match["suffix"]), name))
    for match in _CRYPTO.finditer(text):
        out.append((problem("crypto-address", short=match.group(0)[:14]), match.group(0)))
    return out


def check_requests(text: str, context: str = "") -> list[tuple[int, Problem]]:
    """Sentences of one paragraph (links and emphasis joined back in) that ask the
    reader to hand over or type a secret: (offset of the sentence, problem).
    `context`: the heading or admonition title the paragraph stands under."""
    out: list[tuple[int, Problem]] = []
    warned = _WARNS.search(context) is not None
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        asks = _ASK.search(sentence)
        if not asks or warned or _MARKED.search(sentence) or _NOT.search(sentence[max(0, asks.start() - 50) : asks.end()]):
            continue
        near = sentence[max(0, asks.start() - 20) : asks.end() + 25]
        if _TYPE.search(asks.group(0)) and not _OUTSIDE.search(near):
            continue  # typing or verifying the phrase in the wallet app itself (restoring, backing up)
        out.append((match.start(), problem("secret-request", sentence=sentence.strip()[:80])))
    return out


# -- links.LinkChecker.check_text ----------------------------------------------------
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
    for match in self._DOMAIN_TEXT.finditer(text) if has_dot else ():
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
    for match in self._IDN_TEXT.finditer(text) if not text.isascii() else ():
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
    for match in self._LABELED_TEXT.finditer(text) if has_colon else ():
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


# -- runner.judge_text -----------------------------------------------------------------
def judge_text(text: str, checker) -> list:
    """Every text rule on one piece of (normalised) prose."""
    problems = check_text(checker, text)
    said = " ".join(p.message("en") for p in problems)
    problems += [
        p for p, about in check_prose(text, checker.policy.brand, checker.registry.find_text) if about not in said
    ]  # the link rules already named it
    for match in _BARE_PATH.finditer(text):  # t.me/handle, wa.me/number: a social link without https://
        if match.group(0) not in said:
            problems += [p for p in checker.check("https://" + match.group(0)) if p.code == "contact-unlisted"]
    return problems


_BARE_PATH = re.compile(r"(?<![\w./:@-])(?:[a-z0-9-]+\.)+[a-z]{2,}/[\w@+.-]+", re.IGNORECASE | re.ASCII)
