"""The rule catalogue: every code the guard reports, with its words in both languages.

One table (`RULES`). Each rule has its `code`, its `severity` (`error` fails the
build; `warning` and `notice` are printed but do not), the `part` of the guard it
belongs to, a one-line `meaning` (README's rule table is generated from it:
`scripts/rules_doc.py`), and its message and fix as templates in English and
Chinese with named fields. A rule that says different things in different
situations has several `cases` (e.g. `faq-step-numbering`: start, back, gap).

Rules never type a message: they create a finding through `finding(code, path,
line, case, **fields)` (or a `problem(...)` that is placed later), which refuses an
unknown code, case or field. The text is rendered when printed: findings for
files under `docs/zh/` in Chinese, under `docs/en/` in English, anything else
(mkdocs.yml …) in English unless a language is forced (`--lang`).

Template fields may name a format of their own after a colon: `{domains:list}`
joins a list the way the language does ("a, b" / "a、b"), `{lang:language}` names
a language, `{expected:type}` and `{expected:example}` name a YAML type and show
an example of it, `{chars:chars}` lists (character, Unicode name) pairs and
`{counts:counts}` lists (language, step count) pairs.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .findings import Finding, Problem

Severity = Literal["error", "warning", "notice"]
Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
DEFAULT_LANG: Lang = "en"
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "notice")


# -- how values are named in each language ------------------------------------

_LANGUAGE = {"en": {"zh": "Chinese", "en": "English"}, "zh": {"zh": "中文", "en": "英文"}}
_TYPE = {
    "en": {
        "text": "text",
        "integer": "a whole number",
        "list": "a list",
        "mapping": "a mapping (key: value)",
        "date": "a date",
        "boolean": "true or false",
        "number": "a number",
        "empty": "empty",
    },
    "zh": {
        "text": "文本",
        "integer": "整数",
        "list": "列表",
        "mapping": "键值映射（key: value）",
        "date": "日期",
        "boolean": "true 或 false",
        "number": "数字",
        "empty": "空值",
    },
}
_EXAMPLE = {
    "text": "bitpie",
    "integer": "2",
    "list": "[bitpie.com]",
    "mapping": "{zh: …, en: …}",
    "date": '"2026-11-25"',
    "boolean": "true",
    "number": "2",
    "empty": "~",
}
_SEPARATOR = {"en": ", ", "zh": "、"}


class _Formatter(string.Formatter):
    """str.format with the formats named in the module's docstring."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def format_field(self, value: Any, spec: str) -> str:
        zh = self.lang == "zh"
        if spec == "list":
            return _SEPARATOR[self.lang].join(str(item) for item in value)
        if spec == "language":
            return _LANGUAGE[self.lang].get(value, value)
        if spec == "type":
            return _TYPE[self.lang].get(value, value)
        if spec == "example":
            return _EXAMPLE.get(value, "…")
        if spec == "chars":
            shown = (f"“{ch}”（{name}）" if zh else f"'{ch}' ({name})" for ch, name in value)
            return _SEPARATOR[self.lang].join(shown)
        if spec == "counts":
            names = _LANGUAGE[self.lang]
            shown = (f"{names.get(lang, lang)} {count} 步" if zh else f"{lang}: {count}" for lang, count in value)
            return _SEPARATOR[self.lang].join(shown)
        return super().format_field(value, spec)


_FORMATTERS = {lang: _Formatter(lang) for lang in LANGS}


# -- the table's building blocks -------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One template in English and Chinese."""

    en: str
    zh: str

    def fields(self) -> frozenset[str]:
        return frozenset(name for template in (self.en, self.zh) for _, name, _, _ in string.Formatter().parse(template) if name)

    def format(self, lang: Lang, /, **fields: Any) -> str:
        return _FORMATTERS[lang].vformat(getattr(self, lang), (), fields)


@dataclass(frozen=True)
class Case:
    """What a rule says in one situation: the problem and how to fix it."""

    message: Text
    fix: Text

    @property
    def fields(self) -> frozenset[str]:
        return self.message.fields() | self.fix.fields()


@dataclass(frozen=True)
class Rule:
    code: str
    part: str
    meaning: Text
    cases: Mapping[str, Case]
    severity: Severity = "error"


def rule(
    code: str,
    part: str,
    meaning: Text,
    message: Text | None = None,
    fix: Text | None = None,
    *,
    cases: Mapping[str, Case] | None = None,
    severity: Severity = "error",
) -> Rule:
    """A rule with one message (`message`, `fix`) or several `cases`, keyed by name."""
    if (message is None) == (cases is None) or (message is None) != (fix is None):
        raise ValueError(f"{code}: give either message and fix, or cases")
    return Rule(code, part, meaning, MappingProxyType(dict(cases) if cases else {"": Case(message, fix)}), severity)


# Shared words
_TAG_MESSAGE = Text(
    "Raw HTML <{tag}> is not allowed in articles: it can run code or load another site.",
    "文章中不允许使用 HTML 标签 <{tag}>：它可能执行代码或加载别的网站。",
)
_TAG_FIX = Text("Remove the tag; write the content in Markdown.", "删除这个标签，改用 Markdown 写内容。")
_NOT_OFFICIAL = Text("it is not the official domain {official}", "不是官方域名 {official}")


def _lookalike(en: str, zh: str) -> Case:
    return Case(
        Text(f"'{{registrable}}' {en}; {_NOT_OFFICIAL.en}.", f"“{{registrable}}”{zh}，{_NOT_OFFICIAL.zh}。"),
        Text(
            "Remove it or point it at {official}; never send readers to look-alike domains. An example of a fake "
            "site for readers to recognise: write it as inline code (between backticks) and list it under "
            "`fake_examples:` in the page's front matter.",
            "删除它，或改为指向 {official}；不要把读者引到仿冒域名。如果是让读者辨认的假网站示例：写成行内代码"
            "（用反引号 ` 括起来），并列入本页前置元数据的 `fake_examples:`。",
        ),
    )


_RULES: tuple[Rule, ...] = (
    # -- links: what an article may link to, or write as an address -----------
    rule(
        "lookalike-domain",
        "links",
        Text(
            "A domain that imitates the brand: another suffix, the brand inside, look-alike digits, one letter off.",
            "仿冒品牌的域名：换了后缀、嵌入品牌名、用形似的数字拼写，或只差一个字母。",
        ),
        cases={
            "suffix": _lookalike("uses the official name '{label}' under a different suffix", "用了官方名称“{label}”，但后缀不同"),
            "contains": _lookalike("contains the brand name '{brand}' inside another domain", "把品牌名“{brand}”嵌在别的域名里"),
            "leet": _lookalike("spells '{brand}' with look-alike digits or letters", "用形似的数字或字母拼出“{brand}”"),
            "typo": _lookalike("is one letter away from '{brand}'", "和“{brand}”只差一个字母"),
        },
    ),
    rule(
        "brand-subdomain",
        "links",
        Text(
            "The brand as a subdomain of someone else's domain (bitpie.com.help-center.net).",
            "把品牌名当作别人域名的子域名（如 bitpie.com.help-center.net）。",
        ),
        Text(
            "'{host}' belongs to '{registrable}', not to {official}: '{sub}' in front of it is only a subdomain "
            "chosen by whoever owns '{registrable}'.",
            "“{host}”属于“{registrable}”，不属于 {official}：前面的“{sub}”只是“{registrable}”的所有者随意起的子域名。",
        ),
        Text("Remove the link; the official site is {official}.", "删除这个链接；官方网站是 {official}。"),
    ),
    rule(
        "punycode-domain",
        "links",
        Text("A punycode (xn--) domain.", "punycode（xn--）域名。"),
        cases={
            "decodes": Case(
                Text(
                    "The host '{host}' is punycode for '{decoded}', which reads as '{skeleton}' but is a different domain.",
                    "主机名“{host}”是“{decoded}”的 punycode 编码，看起来像“{skeleton}”，其实是另一个域名。",
                ),
                Text(
                    "Link to the official domain ({official}) spelled in plain ASCII.",
                    "改为链接用纯 ASCII 字母拼写的官方域名（{official}）。",
                ),
            ),
            "invalid": Case(
                Text(
                    "The host '{host}' is punycode that does not even decode to a valid name.",
                    "主机名“{host}”是 punycode 编码，而且解码后不是有效的名称。",
                ),
                Text(
                    "Link to the official domain ({official}) spelled in plain ASCII.",
                    "改为链接用纯 ASCII 字母拼写的官方域名（{official}）。",
                ),
            ),
        },
    ),
    rule(
        "homoglyph-domain",
        "links",
        Text(
            "A domain written with look-alike non-ASCII letters (bіtpie.com with a Cyrillic і).",
            "用外形相似的非 ASCII 字母写成的域名（如含西里尔字母 і 的 bіtpie.com）。",
        ),
        cases={
            "plain": Case(
                Text(
                    "The host '{host}' uses non-ASCII characters {chars:chars}; it reads as '{skeleton}' but is a different domain.",
                    "主机名“{host}”含有非 ASCII 字符 {chars:chars}，看起来像“{skeleton}”，其实是另一个域名。",
                ),
                Text(
                    "Type the official domain in plain ASCII ({official}), or remove the link.",
                    "用纯 ASCII 字母输入官方域名（{official}），或删除这个链接。",
                ),
            ),
            "mixed": Case(
                Text(
                    "The host '{host}' uses non-ASCII characters {chars:chars} and mixes scripts ({scripts:list}); "
                    "it reads as '{skeleton}' but is a different domain.",
                    "主机名“{host}”含有非 ASCII 字符 {chars:chars}，还混用了多种文字（{scripts:list}），"
                    "看起来像“{skeleton}”，其实是另一个域名。",
                ),
                Text(
                    "Type the official domain in plain ASCII ({official}), or remove the link.",
                    "用纯 ASCII 字母输入官方域名（{official}），或删除这个链接。",
                ),
            ),
        },
    ),
    rule(
        "ip-host",
        "links",
        Text("A link to a bare IP address.", "指向裸 IP 地址的链接。"),
        Text(
            "The link points at a bare IP address '{host}', which hides who runs the site.",
            "链接指向裸 IP 地址“{host}”，看不出网站由谁运营。",
        ),
        Text("Link to the official domain ({official}) instead.", "改为链接官方域名（{official}）。"),
    ),
    rule(
        "url-shortener",
        "links",
        Text("A link through a URL shortener (bit.ly …).", "经过短链接服务（bit.ly 等）的链接。"),
        Text("'{host}' is a URL shortener: readers cannot see where the link leads.", "“{host}”是短链接服务：读者看不出链接最终通向哪里。"),
        Text("Link to the final address, and only if it is on an allowed domain.", "直接链接最终地址，而且只在它属于允许的域名时才链接。"),
    ),
    rule(
        "userinfo-trick",
        "links",
        Text(
            "'@' in a link's host part: `https://bitpie.com@evil.net/` goes to `evil.net`.",
            "链接的主机部分含有“@”：`https://bitpie.com@evil.net/` 实际打开的是 `evil.net`。",
        ),
        Text(
            "'{raw}' has '@' in its host part: the browser ignores everything before '@' and goes to '{host}'.",
            "“{raw}”的主机部分含有“@”：浏览器会忽略“@”之前的内容，直接打开“{host}”。",
        ),
        Text(
            "Remove the link; write the official address https://{official}/ plainly.",
            "删除这个链接；直接写出官方地址 https://{official}/。",
        ),
    ),
    rule(
        "protocol-relative",
        "links",
        Text("A link that starts with // (no scheme).", "以 // 开头、没有写协议的链接。"),
        Text(
            "'{raw}' has no scheme, so it loads with whatever scheme the page uses (http: or file:).",
            "“{raw}”没有写协议，会沿用页面当前的协议（http: 或 file:）打开。",
        ),
        Text(
            "Write the full https:// address of an allowed domain, or a relative link to a page of this site.",
            "写出允许的域名的完整 https:// 地址，或改成指向本站页面的相对链接。",
        ),
    ),
    rule(
        "insecure-link",
        "links",
        Text("A plain http: link.", "不加密的 http: 链接。"),
        Text(
            "'{raw}' uses plain http:, which anyone on the network can read or redirect.",
            "“{raw}”使用不加密的 http:，网络上的任何人都能读取它，或把读者转到别处。",
        ),
        Text("Use https://.", "改用 https://。"),
    ),
    rule(
        "script-url",
        "links",
        Text("A javascript:, vbscript:, blob: … link: it runs code.", "javascript:、vbscript:、blob: 等会执行代码的链接。"),
        Text("'{raw}' runs code in the reader's browser.", "“{raw}”会在读者的浏览器里执行代码。"),
        Text("Remove it; articles link only to pages and official sites.", "删除它；文章只能链接到页面和官方网站。"),
    ),
    rule(
        "data-url",
        "links",
        Text("A data: URL.", "data: 地址。"),
        Text(
            "'{raw}' is a data: URL, which can carry a whole fake page or script.", "“{raw}”是 data: 地址，里面可以藏一整个假页面或脚本。"
        ),
        Text("Remove it; put files under docs/ and link them relatively.", "删除它；把文件放在 docs/ 下，用相对路径链接。"),
    ),
    rule(
        "unsupported-scheme",
        "links",
        Text(
            "A scheme articles may not link to (ftp:, file: …), or a registry address that is not https:, mailto: or tel:.",
            "文章不能使用的链接协议（ftp:、file: 等），或登记表中不是 https:、mailto:、tel: 的地址。",
        ),
        cases={
            "link": Case(
                Text(
                    "'{raw}' uses the '{scheme}:' scheme, which articles may not link to.", "“{raw}”使用了文章不能链接的协议“{scheme}:”。"
                ),
                Text("Use an https:// link to an allowed domain or a relative link.", "改用指向允许域名的 https:// 链接，或相对链接。"),
            ),
            "registry": Case(
                Text("'{url}' uses a scheme the registry does not accept.", "“{url}”使用的协议不能登记。"),
                Text("Use https:, mailto: or tel:.", "只能使用 https:、mailto: 或 tel:。"),
            ),
        },
    ),
    rule(
        "malformed-url",
        "links",
        Text("A URL that cannot be read, or has no host name.", "无法解析或没有主机名的网址。"),
        cases={
            "invalid": Case(
                Text("'{raw}' is not a valid URL.", "“{raw}”不是有效的网址。"),
                Text("Write a plain https:// address.", "写成普通的 https:// 地址。"),
            ),
            "no-host": Case(
                Text("The link has no host name.", "链接里没有主机名。"),
                Text("Write the full address, e.g. https://{official}/.", "写出完整地址，例如 https://{official}/。"),
            ),
        },
    ),
    rule(
        "embedded-url",
        "links",
        Text(
            "A link that carries another address, not allowed, in its query (a redirect).",
            "参数里带着另一个不允许的地址（可被用来跳转）的链接。",
        ),
        Text(
            "'{raw}' carries another address ({inner}) in its query: a redirect can send readers there.",
            "“{raw}”的参数里带着另一个地址（{inner}），跳转后读者可能被带到那里。",
        ),
        Text(
            "Link to the final page directly, and only if it is on an allowed domain.",
            "直接链接最终页面，而且只在它属于允许的域名时才链接。",
        ),
    ),
    rule(
        "external-resource",
        "links",
        Text("An image or other file loaded from another host.", "从其他网站加载的图片或其他文件。"),
        Text(
            "'{raw}' makes the page load a file from another host at run time (slow or blocked in mainland China, broken offline).",
            "“{raw}”会让页面在打开时从别的网站加载文件（在中国大陆可能很慢或被屏蔽，离线时也无法显示）。",
        ),
        Text("Put the file under docs/ and reference it with a relative path.", "把文件放在 docs/ 下，用相对路径引用。"),
    ),
    rule(
        "domain-not-allowed",
        "links",
        Text(
            "A link to a domain that is neither official nor a reviewed reference domain.", "既不是官方域名、也不是审核过的参考域名的链接。"
        ),
        Text(
            "'{host}' is neither an official domain ({official:list}) nor a reviewed reference domain.",
            "“{host}”既不是官方域名（{official:list}），也不是审核过的参考域名。",
        ),
        Text(
            "Link to an official page, or add the domain to `extra.link_policy.reference_domains` in mkdocs.yml after review.",
            "改为链接官方页面；或者审核后，把这个域名加入 mkdocs.yml 的 `extra.link_policy.reference_domains`。",
        ),
    ),
    rule(
        "domain-in-text",
        "links",
        Text("A domain typed as prose that is neither official nor reviewed.", "正文里手写的、既非官方也未审核的域名。"),
        Text(
            "The domain '{host}' is written as plain text; readers may type it, but it is not an official or reviewed domain.",
            "正文里直接写了域名“{host}”；读者可能照着输入，但它不是官方域名，也没有审核过。",
        ),
        Text(
            "If it is an example of a fake site, write it as inline code (between backticks) and list it under "
            "`fake_examples:` in the page's front matter; otherwise remove it or link an allowed domain.",
            "如果是假网站的示例，请写成行内代码（用反引号 ` 括起来），并列入本页前置元数据的 `fake_examples:`；"
            "否则删除它，或改为链接允许的域名。",
        ),
    ),
    rule(
        "contact-unlisted",
        "links",
        Text(
            "A contact link, e-mail address, account, handle or phone number (linked or typed) that is not in the contact registry.",
            "不在联系方式登记表中的联系链接、邮箱、账号或电话号码（无论是链接还是手写）。",
        ),
        cases={
            "link": Case(
                Text("The contact link '{raw}' is not in the contact registry.", "联系方式链接“{raw}”不在联系方式登记表中。"),
                Text(
                    "Only addresses listed in mkdocs.yml `extra.contacts` (with their official source) may be linked; "
                    "remove it or register it.",
                    "只能链接 mkdocs.yml 的 `extra.contacts` 中登记过（并注明官方来源）的地址：请删除它，或先登记。",
                ),
            ),
            "social": Case(
                Text(
                    "'{raw}' is a social media or messenger account that is not in the contact registry.",
                    "“{raw}”是社交媒体或聊天软件账号，不在联系方式登记表中。",
                ),
                Text(
                    "Register the account in mkdocs.yml `extra.contacts` with the official page that publishes it, or remove the link.",
                    "先在 mkdocs.yml 的 `extra.contacts` 中登记这个账号，并注明公布它的官方页面；否则删除这个链接。",
                ),
            ),
            "email": Case(
                Text("The e-mail address '{address}' is not in the contact registry.", "电子邮件地址“{address}”不在联系方式登记表中。"),
                Text(
                    "Register it in mkdocs.yml `extra.contacts` with the official page that publishes it, or remove it.",
                    "先在 mkdocs.yml 的 `extra.contacts` 中登记它，并注明公布它的官方页面；否则删除。",
                ),
            ),
            "phone": Case(
                Text(
                    "The phone number '{number}' is typed by hand and is not in the contact registry.",
                    "电话号码“{number}”是手写的，不在联系方式登记表中。",
                ),
                Text(
                    "Remove it; contact details come only from mkdocs.yml `extra.contacts`.",
                    "删除它；联系方式只能来自 mkdocs.yml 的 `extra.contacts`。",
                ),
            ),
            "labeled": Case(
                Text(
                    "'{text}' is an account or number typed by hand after the label '{label}'; it is not in the contact registry.",
                    "“{text}”是在“{label}”后面手写的账号或号码，不在联系方式登记表中。",
                ),
                Text(
                    "Remove it; real accounts are listed only in mkdocs.yml `extra.contacts`. An example of fake accounts for readers "
                    "to recognise: write it as inline code (between backticks) and list it under `fake_examples:` in the page's front matter.",
                    "删除它；真实账号只登记在 mkdocs.yml 的 `extra.contacts` 中。如果是让读者辨认的假账号示例：写成行内代码"
                    "（用反引号 ` 括起来），并列入本页前置元数据的 `fake_examples:`。",
                ),
            ),
            "handle": Case(
                Text(
                    "The handle '{handle}' looks like a social media or messenger account typed by hand.",
                    "“{handle}”看起来是手写的社交媒体或聊天软件账号。",
                ),
                Text(
                    "Remove it; real accounts are listed only in mkdocs.yml `extra.contacts`. An example of fake handles for readers "
                    "to recognise: write it as inline code (between backticks) and list it under `fake_examples:` in the page's front matter.",
                    "删除它；真实账号只登记在 mkdocs.yml 的 `extra.contacts` 中。如果是让读者辨认的假账号示例：写成行内代码"
                    "（用反引号 ` 括起来），并列入本页前置元数据的 `fake_examples:`。",
                ),
            ),
        },
    ),
    rule(
        "contact-parameters",
        "links",
        Text(
            "A mailto:, sms: or tel: link with parameters (cc, bcc, subject, body), registered or not.",
            "带参数（cc、bcc、subject、body）的 mailto:、sms: 或 tel: 链接，无论地址是否登记。",
        ),
        Text(
            "'{raw}' carries parameters: it can add other recipients or fill in a message before the reader sees it.",
            "“{raw}”带有参数：它可以在读者看到之前加上其他收件人或预先填好内容。",
        ),
        Text(
            "Link the plain address only (mailto:address), as registered in mkdocs.yml `extra.contacts`.",
            "只链接纯地址（mailto:地址），与 mkdocs.yml `extra.contacts` 中登记的一致。",
        ),
    ),
    rule(
        "freemail-address",
        "links",
        Text("An address at a free-mail provider (gmail.com, qq.com …).", "免费邮箱（gmail.com、qq.com 等）的地址。"),
        Text(
            "'{address}' is a free-mail address ({domain}); official support never writes from a personal mailbox.",
            "“{address}”是免费邮箱（{domain}）的地址；官方客服从不使用个人邮箱。",
        ),
        Text(
            "Remove it; only the support address published on the official website may appear, via the contact registry.",
            "删除它；只能出现官方网站公布的客服邮箱，而且要通过联系方式登记表引用。",
        ),
    ),
    rule(
        "invalid-email",
        "links",
        Text("A malformed e-mail address.", "格式不正确的电子邮件地址。"),
        cases={
            "empty": Case(
                Text("'{raw}' has no e-mail address.", "“{raw}”里没有电子邮件地址。"), Text("Remove the link.", "删除这个链接。")
            ),
            "invalid": Case(
                Text(
                    "'{shown}' is not a valid e-mail address: {error}", "“{shown}”不是有效的电子邮件地址（校验程序的英文说明：“{error}”）。"
                ),
                Text("Fix the address or remove it.", "改正这个地址，或删除它。"),
            ),
        },
    ),
    # -- raw HTML in articles ---------------------------------------------------
    rule("html-script", "html", Text("A `<script>` tag.", "`<script>` 标签。"), _TAG_MESSAGE, _TAG_FIX),
    rule(
        "html-iframe",
        "html",
        Text("An `<iframe>`, `<frame>`, `<frameset>` or `<portal>` tag.", "`<iframe>`、`<frame>`、`<frameset>` 或 `<portal>` 标签。"),
        _TAG_MESSAGE,
        _TAG_FIX,
    ),
    rule(
        "html-embed",
        "html",
        Text("An `<object>`, `<embed>` or `<applet>` tag.", "`<object>`、`<embed>` 或 `<applet>` 标签。"),
        _TAG_MESSAGE,
        _TAG_FIX,
    ),
    rule(
        "html-forbidden-tag",
        "html",
        Text(
            "Another tag articles may not use: `<form>`, `<base>`, `<meta>`, `<link>`, `<style>`, `<svg>`, `<math>`.",
            "文章不能使用的其他标签：`<form>`、`<base>`、`<meta>`、`<link>`、`<style>`、`<svg>`、`<math>`。",
        ),
        _TAG_MESSAGE,
        _TAG_FIX,
    ),
    rule(
        "html-event-handler",
        "html",
        Text(
            "An event-handler attribute (`onclick=`, `onerror=` …), or `ping=` (reports clicks to another address).",
            "事件处理属性（`onclick=`、`onerror=` 等），或 `ping=`（把点击报告给别的地址）。",
        ),
        cases={
            "": Case(
                Text('The attribute {attr}="{value}" on <{tag}> runs JavaScript.', '<{tag}> 上的属性 {attr}="{value}" 会执行 JavaScript。'),
                Text("Remove the event handler.", "删除这个事件处理属性。"),
            ),
            "ping": Case(
                Text(
                    'The attribute ping="{value}" on <{tag}> makes the browser report each click to another address.',
                    '<{tag}> 上的属性 ping="{value}" 会让浏览器把每次点击报告给别的地址。',
                ),
                Text("Remove it.", "删除它。"),
            ),
        },
    ),
    rule(
        "html-not-allowed",
        "html",
        Text("A raw HTML tag that is not on the allowlist of tags articles may use.", "不在文章可用标签白名单上的 HTML 标签。"),
        Text("Raw HTML <{tag}> is not on the list of tags articles may use.", "HTML 标签 <{tag}> 不在文章可用的标签名单上。"),
        Text(
            "Write it in Markdown, or use an allowed tag (p, div, span, a, img, table, details …).",
            "改用 Markdown 写，或换成允许的标签（p、div、span、a、img、table、details 等）。",
        ),
    ),
    rule(
        "html-attribute-not-allowed",
        "html",
        Text(
            "An attribute that is not on the allowlist for its tag (style, ping, srcset …).",
            "不在该标签属性白名单上的属性（style、ping、srcset 等）。",
        ),
        Text(
            "The attribute '{attr}' on <{tag}> is not on the list of attributes articles may use.",
            "<{tag}> 上的属性“{attr}”不在文章可用的属性名单上。",
        ),
        Text("Remove it; <{tag}> may carry {allowed:list}.", "删除它；<{tag}> 可以带的属性有 {allowed:list}。"),
    ),
    rule(
        "html-style-url",
        "html",
        Text("A `style` attribute with `url(` or `expression(`.", "含有 `url(` 或 `expression(` 的 `style` 属性。"),
        Text("The style attribute on <{tag}> loads a URL or runs an expression.", "<{tag}> 的 style 属性会加载网址或执行表达式。"),
        Text("Remove the style; use the site's stylesheet.", "删除这个 style 属性，使用网站自己的样式表。"),
    ),
    rule(
        "html-javascript-url",
        "html",
        Text("A javascript: URL in an HTML attribute.", "HTML 属性里的 javascript: 地址。"),
        Text(
            "The attribute {attr} on <{tag}> holds a {scheme}: URL, which runs code.",
            "<{tag}> 的属性 {attr} 里是 {scheme}: 地址，会执行代码。",
        ),
        Text("Remove it.", "删除它。"),
    ),
    # -- FAQ structure ------------------------------------------------------------
    rule(
        "faq-no-title",
        "faq",
        Text("An FAQ without a title (# heading or title:).", "没有标题（# 标题或 title:）的常见问题。"),
        Text("The FAQ has no title.", "这篇常见问题没有标题。"),
        Text(
            "Add a `# Question?` heading or `title:` in the front matter.",
            "加一个 `# 问题？` 标题，或在文件头信息（front matter）中写 `title:`。",
        ),
    ),
    rule(
        "faq-no-answer",
        "faq",
        Text("An FAQ that does not start with a short answer.", "开头没有简短回答的常见问题。"),
        Text("The FAQ does not start with a short answer.", "这篇常见问题开头没有简短回答。"),
        Text(
            "Put a one-to-three sentence answer as the first paragraph after the title.", "在标题之后的第一段，用一到三句话直接回答问题。"
        ),
    ),
    rule(
        "faq-no-steps",
        "faq",
        Text("An FAQ without a numbered list of steps.", "没有编号步骤列表的常见问题。"),
        Text("The FAQ has no numbered list of steps.", "这篇常见问题没有编号的步骤列表。"),
        Text(
            "Add the steps as `1. **Step title**: what to do.`, one per line, numbered from 1.",
            "按 `1. **步骤标题**：具体操作。` 的格式写步骤，每行一步，从 1 开始编号。",
        ),
    ),
    rule(
        "faq-too-few-steps",
        "faq",
        Text("Fewer steps than `extra.link_policy.min_steps`.", "步骤数少于 `extra.link_policy.min_steps`。"),
        Text("The FAQ has {count} step(s); at least {minimum} are required.", "这篇常见问题只有 {count} 步，至少需要 {minimum} 步。"),
        Text("Write the answer as at least {minimum} complete steps.", "把回答写成至少 {minimum} 个完整的步骤。"),
    ),
    rule(
        "faq-step-numbering",
        "faq",
        Text("Step numbers in the source that do not run 1, 2, 3 …", "源文件中的步骤编号没有按 1、2、3……排列。"),
        cases={
            "start": Case(
                Text("The steps start at {number}, not 1.", "步骤从 {number} 开始编号，应从 1 开始。"),
                Text(
                    "Number the steps 1, 2, 3, ... in the source; this one should be {expected}.",
                    "在源文件中按 1、2、3……给步骤编号；这一步应为 {expected}。",
                ),
            ),
            "back": Case(
                Text(
                    "Step number {number} repeats or goes back (expected {expected}).",
                    "步骤编号 {number} 重复或倒退了，这里应为 {expected}。",
                ),
                Text(
                    "Number the steps 1, 2, 3, ... in the source; this one should be {expected}.",
                    "在源文件中按 1、2、3……给步骤编号；这一步应为 {expected}。",
                ),
            ),
            "gap": Case(
                Text(
                    "The step numbers jump from {previous} to {number}: step {expected} is missing.",
                    "步骤编号从 {previous} 跳到了 {number}：缺少第 {expected} 步。",
                ),
                Text(
                    "Number the steps 1, 2, 3, ... in the source; this one should be {expected}.",
                    "在源文件中按 1、2、3……给步骤编号；这一步应为 {expected}。",
                ),
            ),
        },
    ),
    rule(
        "faq-step-title",
        "faq",
        Text("A step without a bold title.", "没有加粗标题的步骤。"),
        Text("This step has no bold title.", "这一步没有加粗的标题。"),
        Text(
            "Start the step with its title in bold: `N. **Step title**: what to do.`",
            "步骤开头先写加粗的标题：`N. **步骤标题**：具体操作。`",
        ),
    ),
    rule(
        "faq-step-format",
        "faq",
        Text("A step title not followed by a colon.", "步骤标题后面没有冒号。"),
        Text("The step title '{title}' is not followed by a colon.", "步骤标题“{title}”后面没有冒号。"),
        Text(
            "Write `**Step title**: what to do.` (a full-width ： is fine in Chinese).",
            "写成 `**步骤标题**：具体操作。`（中文用全角冒号“：”，英文用半角冒号“:”）。",
        ),
    ),
    rule(
        "faq-step-empty",
        "faq",
        Text("A step with a title but no instruction.", "只有标题、没有操作说明的步骤。"),
        Text("The step '{step}' says what it is but not what to do.", "步骤“{step}”只有标题，没有说明要做什么。"),
        Text("Write the instruction after the colon: what the reader does in this step.", "在冒号后写出读者在这一步要做的操作。"),
    ),
    rule(
        "faq-steps-split",
        "faq",
        Text("A second numbered list: the steps are split.", "出现第二个编号列表：步骤被拆开了。"),
        Text(
            "A second numbered list starts here: the steps are split, or numbered text stands outside the steps.",
            "这里开始了第二个编号列表：步骤被拆开了，或者步骤之外还有编号的文字。",
        ),
        Text(
            "Keep all steps in one list (indent extra paragraphs by 4 spaces), and use bullets for other lists.",
            "所有步骤放在同一个列表里（补充段落缩进 4 个空格），其他列表改用项目符号。",
        ),
    ),
    rule(
        "faq-no-escalation",
        "faq",
        Text("An FAQ that never links to the contact page.", "没有链接到联系客服页面的常见问题。"),
        Text(
            "The FAQ never links to the contact page, so a reader it did not help has nowhere to go.",
            "这篇常见问题没有链接到联系客服页面，没解决问题的读者无处求助。",
        ),
        Text(
            "End with a section that links to the contact page, e.g. [contact support](../{contact_page}).",
            "在文末加一节，链接到联系客服页面，例如 [联系客服](../{contact_page})。",
        ),
    ),
    # -- zh/en parity -------------------------------------------------------------
    rule(
        "missing-translation",
        "parity",
        Text("A page that exists in one language only.", "只有一种语言版本的页面。"),
        cases={
            "": Case(
                Text(
                    "This page has no {lang:language} version ({missing} does not exist).",
                    "这个页面没有{lang:language}版本（{missing} 不存在）。",
                ),
                Text(
                    "Create {missing} with the same steps, or remove this page from every language.",
                    "创建 {missing}（步骤与本页相同），或在所有语言中都删除这个页面。",
                ),
            ),
            # an FAQ written in one language first: the scaffold makes the other one
            "faq": Case(
                Text(
                    "This FAQ has no {lang:language} version ({missing} does not exist).",
                    "这篇常见问题没有{lang:language}版本（{missing} 不存在）。",
                ),
                Text(
                    "Run `{command}`: it creates {missing} as a translation draft with the same number of "
                    "steps; or remove this page from every language.",
                    "运行 `{command}`：它会创建 {missing} 作为译文草稿，步骤数与本页相同；或者在所有语言中都删除这个页面。",
                ),
            ),
            # one language renamed by hand: the other language's page is the same FAQ under its old name
            "renamed": Case(
                Text(
                    "This page has no {lang:language} version ({missing} does not exist), but {partner} looks like "
                    "the same FAQ under another name: it looks like it was renamed in one language only.",
                    "这个页面没有{lang:language}版本（{missing} 不存在），但 {partner} 看起来是同一篇常见问题，"
                    "只是文件名不同：似乎只在一种语言里改了名。",
                ),
                Text(
                    "To give the {lang:language} page this page's name, run `{command}`: it renames it, rewrites "
                    "the links to it and keeps its old address answering. If they are different FAQs, create {missing}.",
                    "要让{lang:language}页面也使用本页的文件名，请运行 `{command}`：它会改名、改写指向它的链接，"
                    "并让旧地址继续可以打开。如果两者不是同一篇，请创建 {missing}。",
                ),
            ),
        },
    ),
    rule(
        "step-count-mismatch",
        "parity",
        Text("An FAQ whose language versions have different numbers of steps.", "各语言版本步骤数不同的常见问题。"),
        Text(
            "The FAQ's language versions have different numbers of steps ({counts:counts}).",
            "这篇常见问题各语言版本的步骤数不同（{counts:counts}）。",
        ),
        Text(
            "Give every language the same steps; translate a step rather than merging or splitting it.",
            "让每种语言的步骤一一对应：逐步翻译，不要合并或拆分步骤。",
        ),
    ),
    rule(
        "faq-type-mismatch",
        "parity",
        Text("A page that is an FAQ in one language but not in another.", "在一种语言中是常见问题、在另一种语言中却不是的页面。"),
        Text("This page is an FAQ in another language but not in this one.", "这个页面在另一种语言中是常见问题，在本语言中却不是。"),
        Text(
            "Mark it the same way in every language (folder or `type: faq`).",
            "在每种语言中用同样的方式标记它（放进常见问题文件夹，或写 `type: faq`）。",
        ),
    ),
    # -- translation status (helpcenter/guard/translation.py) -------------------------
    rule(
        "translation-outdated",
        "translation",
        Text(
            "A page whose twin in the other language changed since the two were last in line (helpcenter-translations).",
            "另一种语言的版本在上次同步之后有改动的页面（helpcenter-translations）。",
        ),
        Text(
            "This page may be out of date: the {twin_lang:language} version ({twin}) has changed since the two were last in line.",
            "这个页面可能已过时：{twin_lang:language}版本（{twin}）在上次同步之后有改动。",
        ),
        Text(
            "Bring this page in line with {twin} (or check that it already says the same), then run `{command}`.",
            "对照 {twin} 更新本页（或确认两边内容已经一致），然后运行 `{command}`。",
        ),
        severity="warning",
    ),
    rule(
        "translation-record",
        "translation",
        Text(
            "A translation record (`in_sync_with`, `translate_from`) in front matter that cannot be read.",
            "前置元数据中无法读取的翻译记录（`in_sync_with`、`translate_from`）。",
        ),
        cases={
            "record": Case(
                Text(
                    "`{key}` cannot be read: it maps the other language to a fingerprint, e.g. `en: 3f2a9c1e5b7d`.",
                    "无法读取 `{key}`：它的写法是另一种语言对应一个指纹，例如 `en: 3f2a9c1e5b7d`。",
                ),
                Text(
                    "Once this page and its twin say the same, run `{command}`: it writes the record again.",
                    "确认本页与另一种语言的版本内容一致后，运行 `{command}`，它会重新写好这条记录。",
                ),
            ),
            "pending": Case(
                Text(
                    "`{key}` must name the other language of this site, e.g. `translate_from: zh`.",
                    "`{key}` 必须写本站的另一种语言，例如 `translate_from: en`。",
                ),
                Text("Correct the language; once the translation is done, run `{command}`.", "改正语言代码；翻译完成后运行 `{command}`。"),
            ),
        },
    ),
    # -- files in docs/ -----------------------------------------------------------
    rule(
        "unchecked-file",
        "files",
        Text(
            "A .html, .js, .svg … file in docs/: it would be published unchecked.",
            "docs/ 中的 .html、.js、.svg 等文件：会不经检查直接发布。",
        ),
        Text(
            "'{name}' would be published as it is, without any check: a page or script that runs in readers' browsers.",
            "“{name}”会不经任何检查原样发布：它是会在读者浏览器里运行的页面或脚本。",
        ),
        Text(
            "Write the content as a Markdown article; put theme assets in overrides/.",
            "把内容写成 Markdown 文章；主题用到的文件放在 overrides/ 中。",
        ),
    ),
    rule(
        "outside-language-folder",
        "files",
        Text("A page outside docs/zh/ and docs/en/.", "不在 docs/zh/ 和 docs/en/ 中的页面。"),
        Text(
            "This page is outside the language folders, so it has no language and is not checked for parity.",
            "这个页面不在任何语言文件夹里，所以没有语言，也不会检查中英文是否对应。",
        ),
        Text("Move it under {folders:list}.", "把它移到 {folders:list} 下。"),
    ),
    rule(
        "front-matter",
        "files",
        Text("Front matter that is not a YAML mapping.", "文件头信息（front matter）不是有效的 YAML 键值映射。"),
        cases={
            "yaml": Case(
                Text(
                    "The front matter is not valid YAML: {error}",
                    "文件头信息（front matter）不是有效的 YAML（解析器的英文说明：“{error}”）。",
                ),
                Text("Fix the YAML between the --- lines.", "改正两行 --- 之间的 YAML。"),
            ),
            "markup": Case(
                Text(
                    "The front-matter value `{key}` holds HTML ('{text}'); titles and descriptions reach the page, its navigation and the home page as they are.",
                    "前置元数据 `{key}` 的值里含有 HTML（“{text}”）；标题和描述会原样出现在页面、导航栏和首页上。",
                ),
                Text(
                    "Write plain text: no tags (`<b>`, `<a …>`, `<img …>`), not even through YAML escapes like `\\u003c`.",
                    "只写纯文本：不要写标签（如 `<b>`、`<a …>`、`<img …>`），也不要用 `\\u003c` 这样的 YAML 转义写出它们。",
                ),
            ),
            "not-mapping": Case(
                Text(
                    "The front matter is not valid YAML: it is not a mapping of keys and values.",
                    "文件头信息（front matter）不是“键: 值”形式的 YAML。",
                ),
                Text("Fix the YAML between the --- lines.", "改正两行 --- 之间的 YAML。"),
            ),
        },
    ),
    rule(
        "unreadable",
        "files",
        Text("A page that is not UTF-8 text.", "不是 UTF-8 文本的页面。"),
        Text("The file cannot be read as UTF-8 text: {error}", "无法按 UTF-8 文本读取这个文件（系统的英文说明：“{error}”）。"),
        Text("Save it as UTF-8.", "用 UTF-8 编码重新保存。"),
    ),
    rule(
        "draft-placeholder",
        "drafts",
        Text(
            "A page that still holds the scaffold's TODO placeholders (scripts/check_drafts.py).",
            "仍含有模板 TODO 占位文字的页面（scripts/check_drafts.py）。",
        ),
        cases={
            "one": Case(
                Text(
                    "This page is still a draft: 1 line(s) hold the scaffold's {placeholder} placeholder.",
                    "这个页面还是草稿：有 1 行含有模板的 {placeholder} 占位文字。",
                ),
                Text(
                    "Replace every {placeholder} with the real text (both languages) before the page is published.",
                    "发布之前，把每个 {placeholder} 都换成正式内容（两种语言都要）。",
                ),
            ),
            "many": Case(
                Text(
                    "This page is still a draft: {count} line(s) hold the scaffold's {placeholder} placeholder (lines {lines:list}).",
                    "这个页面还是草稿：有 {count} 行含有模板的 {placeholder} 占位文字（第 {lines:list} 行）。",
                ),
                Text(
                    "Replace every {placeholder} with the real text (both languages) before the page is published.",
                    "发布之前，把每个 {placeholder} 都换成正式内容（两种语言都要）。",
                ),
            ),
        },
    ),
    rule(
        "translation-pending",
        "drafts",
        Text(
            "A page still waiting for its translation (`translate_from` in its front matter; scripts/check_drafts.py).",
            "仍在等待翻译的页面（前置元数据中有 `translate_from`；scripts/check_drafts.py）。",
        ),
        Text(
            "This page is still waiting for its translation from the {source:language} version ({twin}).",
            "这个页面还在等待从{source:language}版本（{twin}）翻译过来。",
        ),
        Text(
            "Translate it with the same steps as {twin}, then run `{command}`: it removes `translate_from` and records that the two are in line.",
            "对照 {twin} 翻译，步骤一一对应，然后运行 `{command}`：它会删除 `translate_from`，并记下两个版本已经同步。",
        ),
    ),
    # -- the contact registry (mkdocs.yml extra.contacts) --------------------------
    rule(
        "registry-entry",
        "registry",
        Text(
            "A contact entry with an empty or repeated id, an unknown kind, an empty url, or a tel: that is not a number.",
            "联系方式条目的 id 为空或重复、kind 不在可选范围内、url 为空，或 tel: 不是电话号码。",
        ),
        cases={
            "no-id": Case(
                Text("A contact entry has an empty `id`.", "有一个联系方式条目的 `id` 是空的。"),
                Text("Give every entry a short unique id, e.g. `id: website`.", "给每个条目一个简短且不重复的 id，例如 `id: website`。"),
            ),
            "duplicate-id": Case(
                Text("The contact id '{id}' is used twice.", "联系方式 id“{id}”用了两次。"),
                Text("Give every entry a unique id.", "每个条目用不同的 id。"),
            ),
            "kind": Case(
                Text(
                    "The contact '{id}' has kind '{kind}', which is not one of {kinds:list}.",
                    "联系方式“{id}”的 kind 是“{kind}”，不在 {kinds:list} 之中。",
                ),
                Text("Set `kind:` to one of the listed kinds.", "把 `kind:` 改为上面列出的一种。"),
            ),
            "empty-url": Case(
                Text("The contact '{id}' has an empty `url`.", "联系方式“{id}”的 `url` 是空的。"),
                Text("Remove `url:` or write the verified address.", "删除 `url:`，或写上核实过的地址。"),
            ),
            "not-phone": Case(
                Text("'{url}' is not a phone number.", "“{url}”不是电话号码。"),
                Text("Write it as tel:+<country code><number>.", "写成 tel:+<国家代码><号码>。"),
            ),
        },
    ),
    rule(
        "registry-unsourced",
        "registry",
        Text("A registered address without an official https source page.", "登记的地址没有注明官方 https 来源页面。"),
        cases={
            "missing": Case(
                Text(
                    "The contact '{id}' has an address but no `source` saying which official page publishes it.",
                    "联系方式“{id}”有地址，但没有用 `source` 注明是哪个官方页面公布的。",
                ),
                Text(
                    "Add `source:` with the official https://bitpie.com/ page that lists this address, or remove the address.",
                    "加上 `source:`，写明列出这个地址的官方页面（https://bitpie.com/ 上的页面）；否则删除这个地址。",
                ),
            ),
            "not-official": Case(
                Text(
                    "The contact '{id}' has source '{source}', which is not an https page on an official domain.",
                    "联系方式“{id}”的来源“{source}”不是官方域名上的 https 页面。",
                ),
                Text(
                    "Cite the official page (https://bitpie.com/...) that publishes this address.",
                    "改为引用公布这个地址的官方页面（https://bitpie.com/...）。",
                ),
            ),
        },
    ),
    rule(
        "registry-unverified",
        "registry",
        Text(
            "A registered address without a `verified` date, or verified in the future (Asia/Shanghai).",
            "登记的地址没有 `verified` 日期，或日期晚于今天（北京时间）。",
        ),
        cases={
            "missing": Case(
                Text(
                    "The contact '{id}' has an address but no `verified` date (YYYY-MM-DD).",
                    "联系方式“{id}”有地址，但没有 `verified` 日期（YYYY-MM-DD）。",
                ),
                Text(
                    "Add `verified:` with the date you checked the address on its official source.",
                    "加上 `verified:`，写明你在官方来源上核实这个地址的日期。",
                ),
            ),
            "future": Case(
                Text(
                    "The contact '{id}' says it was verified on {verified}, which is in the future (today is {today} in Asia/Shanghai).",
                    "联系方式“{id}”写的核实日期是 {verified}，晚于今天（北京时间 {today}）。",
                ),
                Text("Write the date you actually checked the address.", "写上你实际核实这个地址的日期。"),
            ),
        },
    ),
    rule(
        "registry-domain",
        "registry",
        Text(
            "A registered address on neither an official domain nor a known social platform.",
            "登记的地址既不在官方域名上，也不在已知的社交平台上。",
        ),
        cases={
            "email": Case(
                Text("'{address}' is not on an official domain.", "“{address}”不在官方域名上。"),
                Text("Only register support addresses on an official domain.", "只登记官方域名上的客服邮箱。"),
            ),
            "web": Case(
                Text(
                    "'{url}' is on neither an official domain nor a known social platform.",
                    "“{url}”既不在官方域名上，也不在已知的社交平台上。",
                ),
                Text("Register only official addresses.", "只登记官方地址。"),
            ),
        },
    ),
    rule(
        "registry-unreachable",
        "online",
        Text(
            "A registered address that does not answer (only with --online; never in CI).",
            "登记的地址无法访问（只在使用 --online 时检查，CI 中不检查）。",
        ),
        Text("The registered address {url} did not answer ({why}).", "登记的地址 {url} 没有响应（{why}）。"),
        Text(
            "Check the official source; if the address changed, update the entry and its `verified` date.",
            "查看官方来源；如果地址变了，更新这个条目和它的 `verified` 日期。",
        ),
    ),
    # -- prose: what a sentence may not say (helpcenter/guard/prose.py) ---------------
    rule(
        "fake-example",
        "prose",
        Text(
            "A declared fake example (`fake_examples:`) that is not a fake, or is written outside code where it cannot be shown marked.",
            "声明的假冒示例（`fake_examples:`）本身并不是假冒的，或没有写在代码格式里、无法标记显示。",
        ),
        cases={
            "not-list": Case(
                Text(
                    "`fake_examples` must be a list of the fake addresses this page shows.",
                    "`fake_examples` 必须是本页展示的假冒地址列表。",
                ),
                Text(
                    'Write it as a list: fake_examples: ["bitpie-support.com", …].', '写成列表：fake_examples: ["bitpie-support.com", …]。'
                ),
            ),
            "not-fake": Case(
                Text(
                    "'{example}' is declared as a fake example, but the rules find nothing wrong with it: the page would mark a harmless or official address as fake.",
                    "“{example}”被声明为假冒示例，但规则没有发现它有任何问题：页面会把无害或官方的地址标成假冒。",
                ),
                Text(
                    "Remove it from `fake_examples`; declare only addresses the guard refuses.",
                    "把它从 `fake_examples` 中删除；只声明会被检查程序拒绝的地址。",
                ),
            ),
            "not-code": Case(
                Text(
                    "The declared fake example '{example}' is written as plain text; only examples in `code` are shown marked as fake.",
                    "声明的假冒示例“{example}”写成了普通文字；只有放在 `code` 中的示例才会被标记为假冒。",
                ),
                Text("Write it as code: `{example}`.", "把它写成代码格式：`{example}`。"),
            ),
        },
    ),
    rule(
        "symlink-loop",
        "files",
        Text(
            "A symbolic link to a folder that contains it: the docs folder would be read forever.",
            "指向其上级文件夹的符号链接：文档文件夹会被无限地读下去。",
        ),
        Text(
            "This link points back to '{target}', a folder that contains it: reading the docs would never end.",
            "这个链接指回“{target}”，也就是包含它的文件夹：读取文档将永远不会结束。",
        ),
        Text("Remove the link; put the files where they belong.", "删除这个链接，把文件放到应在的位置。"),
    ),
    rule(
        "list-paren",
        "faq",
        Text(
            "A numbered list written `1)`, which MkDocs renders as one paragraph, not as steps.",
            "写成 `1)` 的编号列表：MkDocs 会把它显示成一段文字，而不是步骤。",
        ),
        Text(
            "This list is numbered `1)`, `2)` …; the site's Markdown reads that as one paragraph, so readers see no steps.",
            "这个列表用 `1)`、`2)` …… 编号；网站的 Markdown 会把它读成一整段文字，读者看不到步骤。",
        ),
        Text("Number the steps `1.`, `2.`, `3.` (a full stop after the number).", "改用 `1.`、`2.`、`3.` 编号（数字后面是英文句点）。"),
    ),
    rule(
        "nesting-too-deep",
        "files",
        Text("Lists or quotes nested so deep that the rest of the page cannot be read.", "列表或引用嵌套得太深，页面其余部分无法读取。"),
        Text(
            "Lists or quotes are nested {limit} levels deep here; nothing after this point can be checked.",
            "这里的列表或引用嵌套到了 {limit} 层，之后的内容都无法检查。",
        ),
        Text("Flatten the nesting: no real article needs more than a few levels.", "减少嵌套层数：正常的文章用不到几层以上。"),
    ),
    rule(
        "unofficial-name",
        "prose",
        Text(
            "The brand with a suffix no domain registry sells (bitpie.eth, .crypto, .wallet) presented as an address.",
            "把品牌名配上不是公共域名后缀的结尾（bitpie.eth、.crypto、.wallet）当作地址。",
        ),
        Text(
            "'{name}' is presented like an address of {brand}, but '.{suffix}' is not a public domain suffix (a blockchain name or a made-up ending): anyone can register it.",
            "“{name}”看起来像 {brand} 的地址，但“.{suffix}”不是公共域名后缀（是区块链名称或自创的结尾），任何人都能注册。",
        ),
        Text(
            "Remove it; write only the official domains. Declare a fake example in the page's `fake_examples`.",
            "删除它，只写官方域名。假冒示例请在页面的 `fake_examples` 中声明。",
        ),
    ),
    rule(
        "crypto-address",
        "prose",
        Text("A crypto address (EVM 0x…, TRON T…, Bitcoin) in an article.", "文章中出现加密货币地址（EVM 0x…、波场 T…、比特币）。"),
        Text(
            "'{short}…' is a crypto address: readers copy addresses, and a wrong one sends funds away for good.",
            "“{short}…”是一个加密货币地址：读者会照抄地址，转错了资产就再也回不来。",
        ),
        Text(
            "Remove it; a help article never gives an address to send to. Declare an example in the page's `fake_examples` if one is needed.",
            "删除它；帮助文章不应给出任何收款地址。确实需要示例时，在页面的 `fake_examples` 中声明。",
        ),
    ),
    rule(
        "secret-request",
        "prose",
        Text(
            "A sentence that asks the reader to send, share or type the recovery phrase, private key or password somewhere.",
            "要求读者发送、分享或在别处输入助记词、私钥或密码的句子。",
        ),
        Text(
            "This sentence asks the reader to hand over or type a secret: '{sentence}'.", "这句话要求读者交出或输入机密信息：“{sentence}”。"
        ),
        Text(
            "Nobody, BitPie support included, ever needs the recovery phrase, private key or password: say never to share it.",
            "任何人（包括 BitPie 客服）都不需要你的助记词、私钥或密码：请写明绝不要交给任何人。",
        ),
    ),
    # -- links between the site's own pages (helpcenter/guard/sitelinks.py) -----------
    rule(
        "broken-link",
        "sitelinks",
        Text("A link to a page or file of this site that does not exist.", "指向本站不存在的页面或文件的链接。"),
        cases={
            "missing": Case(
                Text("'{url}' points at '{doc}', which does not exist.", "“{url}”指向“{doc}”，但这个文件不存在。"),
                Text(
                    "Fix the file name (the same name in every language folder), or remove the link.",
                    "改正文件名（各语言文件夹中的文件名相同），或删除这个链接。",
                ),
            ),
            "outside": Case(
                Text("'{url}' points outside the docs folder.", "“{url}”指向 docs 文件夹以外。"),
                Text("Link to a page of this site by its .md file.", "用 .md 文件链接本站的页面。"),
            ),
            "mkdocs": Case(
                Text("MkDocs: {message}", "MkDocs 报告（英文原文）：“{message}”。"),
                Text(
                    "Fix the file name (the same name in every language folder), or remove the link.",
                    "改正文件名（各语言文件夹中的文件名相同），或删除这个链接。",
                ),
            ),
        },
    ),
    rule(
        "broken-anchor",
        "sitelinks",
        Text("A link to a #anchor that the target page does not have.", "链接中的 #锚点在目标页面上不存在。"),
        cases={
            "": Case(
                Text(
                    "'{url}': the page '{doc}' has no heading or element with the id '{fragment}'.",
                    "“{url}”：页面“{doc}”中没有 id 为“{fragment}”的标题或元素。",
                ),
                Text(
                    "Use an anchor the page has (its headings' ids), or link the page without '#…'.",
                    "改用该页面实际有的锚点（标题的 id），或去掉“#…”直接链接页面。",
                ),
            ),
            "mkdocs": Case(
                Text("MkDocs: {message}", "MkDocs 报告（英文原文）：“{message}”。"),
                Text(
                    "Use an anchor the page has (its headings' ids), or link the page without '#…'.",
                    "改用该页面实际有的锚点（标题的 id），或去掉“#…”直接链接页面。",
                ),
            ),
        },
    ),
    rule(
        "absolute-link",
        "sitelinks",
        Text("A link starting with '/' (breaks under a sub-path and offline).", "以“/”开头的链接（放在子路径下或离线时会失效）。"),
        cases={
            "": Case(
                Text(
                    "'{url}' starts with '/': it points at the host's root, which breaks under a sub-path and in the offline copy.",
                    "“{url}”以“/”开头，指向网站根目录：放在子路径下或在离线副本中会失效。",
                ),
                Text(
                    "Write the link relative to this page, to the .md file (e.g. ../contact.md).",
                    "改成相对本页的链接，指向 .md 文件（例如 ../contact.md）。",
                ),
            ),
            "mkdocs": Case(
                Text("MkDocs: {message}", "MkDocs 报告（英文原文）：“{message}”。"),
                Text(
                    "Write the link relative to this page, to the .md file (e.g. ../contact.md).",
                    "改成相对本页的链接，指向 .md 文件（例如 ../contact.md）。",
                ),
            ),
        },
    ),
    rule(
        "unrecognized-link",
        "sitelinks",
        Text("A link to a folder instead of a page.", "链接指向文件夹而不是页面。"),
        cases={
            "": Case(
                Text("'{url}' points at a folder, which MkDocs cannot check.", "“{url}”指向一个文件夹，MkDocs 无法检查。"),
                Text("Link to the page itself: '{suggestion}'.", "直接链接页面：“{suggestion}”。"),
            ),
            "mkdocs": Case(
                Text("MkDocs: {message}", "MkDocs 报告（英文原文）：“{message}”。"),
                Text("Link to the .md file itself.", "直接链接 .md 文件。"),
            ),
        },
    ),
    rule(
        "installable-file",
        "sitelinks",
        Text(
            "A link to a file that installs software or settings (.apk, .ipa, .mobileconfig, .exe …).",
            "指向安装软件或配置的文件（.apk、.ipa、.mobileconfig、.exe 等）的链接。",
        ),
        Text(
            "'{url}' links a file that installs software or settings ({suffix}): nobody can review what it does.",
            "“{url}”链接的是会安装软件或配置的文件（{suffix}）：没有人能审查它会做什么。",
        ),
        Text("Remove it; apps are installed only from the official website or app stores.", "删除它；应用只能从官方网站或应用商店安装。"),
    ),
    rule(
        "qr-image",
        "sitelinks",
        Text("A QR-code image: its target cannot be reviewed.", "二维码图片：无法审查它指向哪里。"),
        Text(
            "'{url}' looks like a QR code: its target cannot be read or reviewed here, and scammers spread fake ones.",
            "“{url}”看起来是二维码：这里无法读取或审查它指向哪里，骗子常传播假二维码。",
        ),
        Text(
            "Remove it; give the official address as text (bitpie.com) instead of a QR code.",
            "删除它；用文字写出官方地址（bitpie.com），不要用二维码。",
        ),
    ),
    # -- FAQ front matter (helpcenter/guard/frontmatter.py) ---------------------------
    rule(
        "faq-no-source",
        "faq",
        Text("An FAQ without `sources:` in its front matter.", "前置信息中没有 `sources:` 的常见问题。"),
        Text(
            "This FAQ lists no sources: readers and reviewers cannot check where its steps come from.",
            "这篇常见问题没有列出依据：读者和审稿人无法核实步骤出自哪里。",
        ),
        Text(
            "Add `sources:` to the front matter: each with `url` (bitpie.com or github.com/bitpiedotcom/…), `title` and `checked` (the date you read it).",
            "在前置信息中加上 `sources:`：每条写明 `url`（bitpie.com 或 github.com/bitpiedotcom/…）、`title` 和 `checked`（你阅读它的日期）。",
        ),
    ),
    rule(
        "faq-source",
        "faq",
        Text(
            "A source entry that is not usable: not a list, no url, not official, no title, no or future `checked` date.",
            "无法使用的依据条目：不是列表、没有网址、不是官方来源、没有标题、`checked` 日期缺失或在未来。",
        ),
        cases={
            "list": Case(
                Text("`sources` must be a list of entries.", "`sources` 必须是条目列表。"),
                Text(
                    "Write each source as `- url: …` with `title:` and `checked:` under it.",
                    "每条依据写成 `- url: …`，下面加 `title:` 和 `checked:`。",
                ),
            ),
            "no-url": Case(
                Text("A source has no `url`.", "有一条依据没有 `url`。"),
                Text("Give each source its `url`, `title` and `checked` date.", "为每条依据写上 `url`、`title` 和 `checked` 日期。"),
            ),
            "not-official": Case(
                Text(
                    "The source '{url}' is not on the official domain or a reviewed reference (BitPie's own repositories).",
                    "依据“{url}”既不在官方域名上，也不是审核过的参考来源（BitPie 自己的代码仓库）。",
                ),
                Text(
                    "Cite BitPie's own pages: bitpie.com or github.com/bitpiedotcom/ (bitpie-docs, bitpiewx).",
                    "引用 BitPie 自己的页面：bitpie.com 或 github.com/bitpiedotcom/（bitpie-docs、bitpiewx）。",
                ),
            ),
            "no-title": Case(
                Text("The source '{url}' has no `title`.", "依据“{url}”没有 `title`。"),
                Text("Add the source's own title.", "写上来源本身的标题。"),
            ),
            "no-checked": Case(
                Text(
                    "The source '{url}' has no valid `checked` date (YYYY-MM-DD).", "依据“{url}”没有有效的 `checked` 日期（YYYY-MM-DD）。"
                ),
                Text("Add `checked:` with the date you last read the source.", "加上 `checked:`，写你最近一次阅读它的日期。"),
            ),
            "future": Case(
                Text(
                    "The source '{url}' was checked on {checked}, which is after today ({today}, Asia/Shanghai).",
                    "依据“{url}”的核实日期 {checked} 晚于今天（{today}，北京时间）。",
                ),
                Text("Write the date you actually read it.", "写你实际阅读它的日期。"),
            ),
        },
    ),
    rule(
        "faq-category",
        "faq",
        Text(
            "An FAQ whose `category` is missing or not in mkdocs.yml `extra.faq_categories`.",
            "`category` 缺失或不在 mkdocs.yml `extra.faq_categories` 中的常见问题。",
        ),
        Text(
            "This FAQ's category is '{category}'; it must be one of {known:list}.",
            "这篇常见问题的分类是“{category}”，应为 {known:list} 之一。",
        ),
        Text(
            "Set `category:` in the front matter to one of mkdocs.yml `extra.faq_categories`.",
            "在前置信息中把 `category:` 设为 mkdocs.yml `extra.faq_categories` 中的一个。",
        ),
    ),
    rule(
        "faq-no-summary",
        "faq",
        Text("An FAQ without a one-line `description`.", "没有一句话摘要 `description` 的常见问题。"),
        Text(
            "This FAQ has no `description`: lists and search show it as its one-line summary.",
            "这篇常见问题没有 `description`：列表和搜索会把它当作一句话摘要显示。",
        ),
        Text(
            "Add `description:` to the front matter: one sentence that answers the question.",
            "在前置信息中加上 `description:`：用一句话回答这个问题。",
        ),
    ),
    # -- the strict-build gate and verify-site (gate.py, verify.py) --------------------
    # -- redirects from renamed pages (helpcenter/guard/redirects.py) -----------------
    rule(
        "redirect",
        "redirects",
        Text(
            "A redirect in mkdocs.yml (`redirect_maps`) to another host or a missing page, from a page that still exists, "
            "or one that cannot be read.",
            "mkdocs.yml 中的重定向（`redirect_maps`）指向别的网站或不存在的页面、旧地址仍是现有页面，或写法无法读取。",
        ),
        cases={
            "external": Case(
                Text(
                    "The redirect from {old} goes to {new}, another host: readers would be sent off this site without seeing where.",
                    "从 {old} 出发的重定向指向 {new}，那是别的网站：读者会在看不到去向的情况下被带离本站。",
                ),
                Text(
                    "Point it at a page of this site (e.g. `zh/faq/new-name.md`), or remove the entry.",
                    "改为指向本站的页面（例如 `zh/faq/new-name.md`），或删除这一条。",
                ),
            ),
            "missing": Case(
                Text(
                    "The redirect from {old} goes to {new}, which is not a page of this site.",
                    "从 {old} 出发的重定向指向 {new}，但本站没有这个页面。",
                ),
                Text(
                    "Point it at the page's current file (it may have been renamed again), or remove the entry.",
                    "改为指向该页面现在的文件（它可能又改过名），或删除这一条。",
                ),
            ),
            "live": Case(
                Text(
                    "{old} is still a page of this site: the redirect to {new} would replace it.",
                    "{old} 仍是本站的一个页面：指向 {new} 的重定向会把它覆盖掉。",
                ),
                Text(
                    "Remove the entry, or rename the page with `helpcenter-rename-faq`.",
                    "删除这一条，或用 `helpcenter-rename-faq` 给该页面改名。",
                ),
            ),
            "language": Case(
                Text(
                    "The redirect from {old} to {new} does not stay in one language folder.",
                    "从 {old} 到 {new} 的重定向没有留在同一个语言文件夹里。",
                ),
                Text(
                    "Write both sides in the same language folder, e.g. `en/faq/old-name.md: en/faq/new-name.md`.",
                    "两边写在同一个语言文件夹里，例如 `en/faq/old-name.md: en/faq/new-name.md`。",
                ),
            ),
            "format": Case(
                Text(
                    "The redirect entry '{old}' cannot be read: each entry maps an old page file to a new one.",
                    "无法读取重定向条目“{old}”：每一条都应把旧的页面文件对应到新的页面文件。",
                ),
                Text("Write it as `{example}` under `redirect_maps`.", "在 `redirect_maps` 下写成 `{example}`。"),
            ),
        },
    ),
    rule(
        "nav-missing-page",
        "build",
        Text("The nav in mkdocs.yml names a page that does not exist.", "mkdocs.yml 的导航中列出了不存在的页面。"),
        Text("MkDocs: {message}", "MkDocs 报告（英文原文）：“{message}”。"),
        Text("Fix the path in `nav`, or remove it.", "改正 `nav` 中的路径，或删除它。"),
    ),
    rule(
        "not-in-nav",
        "build",
        Text("A page that exists but is not in the site's navigation.", "存在但不在网站导航中的页面。"),
        Text("This page exists but is not in the site's navigation.", "这个页面存在，但不在网站导航中。"),
        Text(
            "Add it to `nav` in mkdocs.yml (FAQ files join by themselves).", "把它加到 mkdocs.yml 的 `nav` 中（常见问题文件会自动加入）。"
        ),
    ),
    rule(
        "build-warning",
        "build",
        Text("Any other warning the strict build printed.", "严格构建打印的其他警告。"),
        Text("MkDocs: {message}", "MkDocs 报告（英文原文）：“{message}”。"),
        Text("See the build's message; fix it, then build again.", "按构建给出的提示修改，然后重新构建。"),
    ),
    rule(
        "headers-missing",
        "verify",
        Text("A built site without its `_headers` file.", "构建好的网站没有 `_headers` 文件。"),
        Text(
            "The site has no `_headers` file, so hosts that read it serve no security headers.",
            "网站没有 `_headers` 文件，读取它的托管服务就不会发送安全响应头。",
        ),
        Text(
            "Build with the headers hook (hooks/headers.py), or pass --offline for the file:// copy.",
            "用 headers 钩子（hooks/headers.py）构建；离线副本请加 --offline。",
        ),
    ),
    rule(
        "headers-csp",
        "verify",
        Text("A Content-Security-Policy that is missing or lets any inline script run.", "缺少内容安全策略，或允许任意内联脚本运行。"),
        cases={
            "missing": Case(
                Text("No Content-Security-Policy with a script-src for every page.", "没有为所有页面设置带 script-src 的内容安全策略。"),
                Text("Rebuild: hooks/headers.py writes it.", "重新构建：hooks/headers.py 会写入它。"),
            ),
            "unsafe": Case(
                Text(
                    "script-src allows 'unsafe-inline' or 'unsafe-eval': any injected script would run.",
                    "script-src 允许 'unsafe-inline' 或 'unsafe-eval'：任何被注入的脚本都能运行。",
                ),
                Text("Remove them; inline scripts are allowed one by one by their hash.", "删除它们；内联脚本按哈希逐个放行。"),
            ),
        },
    ),
    rule(
        "inline-script-unlisted",
        "verify",
        Text(
            "A built page with an inline script the Content-Security-Policy does not list.",
            "构建好的页面中有内容安全策略没有列出的内联脚本。",
        ),
        Text(
            "This page runs an inline script whose hash the Content-Security-Policy does not list: it was not built by the site's templates, or `_headers` is stale.",
            "这个页面运行了一段内联脚本，它的哈希不在内容安全策略中：它不是网站模板生成的，或 `_headers` 已过期。",
        ),
        Text(
            "Rebuild the whole site (hooks/headers.py hashes every inline script); never hand-edit built pages.",
            "重新构建整个网站（hooks/headers.py 会为每段内联脚本计算哈希）；不要手工修改构建好的页面。",
        ),
    ),
    rule(
        "search-index",
        "verify",
        Text("A search index that cannot be read.", "无法读取的搜索索引。"),
        Text("The search index cannot be read: {error}", "无法读取搜索索引：{error}"),
        Text("Rebuild the site.", "重新构建网站。"),
    ),
    # -- the guard's part of mkdocs.yml (helpcenter/guard/config.py) ----------------
    rule(
        "config-unknown-key",
        "config",
        Text(
            "A key the schema of extra.contacts, extra.link_policy or extra.faq_categories does not know.",
            "extra.contacts、extra.link_policy 或 extra.faq_categories 中有配置结构里没有的键。",
        ),
        cases={
            "suggest": Case(
                Text(
                    "Unknown key '{key}' in `{section}`; did you mean '{suggestion}'?",
                    "`{section}` 中有未知的键“{key}”；是不是要写“{suggestion}”？",
                ),
                Text("Rename '{key}' to '{suggestion}'.", "把“{key}”改成“{suggestion}”。"),
            ),
            "plain": Case(
                Text(
                    "Unknown key '{key}' in `{section}`; the known keys are {known:list}.",
                    "`{section}` 中有未知的键“{key}”；可以用的键是 {known:list}。",
                ),
                Text("Remove it, or rename it to one of the known keys.", "删除它，或改成可以用的键之一。"),
            ),
        },
    ),
    rule(
        "config-type",
        "config",
        Text("A value of the wrong type in the guard's part of mkdocs.yml.", "mkdocs.yml 中检查程序使用的配置项类型不对。"),
        Text(
            "`{key}` must be {expected:type}, not {actual:type} ({value}).", "`{key}` 应为{expected:type}，而不是{actual:type}（{value}）。"
        ),
        Text("Write `{key}` as {expected:type}, e.g. {expected:example}.", "把 `{key}` 写成{expected:type}，例如 {expected:example}。"),
    ),
    rule(
        "config-missing-key",
        "config",
        Text("A required key missing in the guard's part of mkdocs.yml.", "mkdocs.yml 中缺少检查程序必需的配置项。"),
        Text("`{section}` has no `{key}`, which is required.", "`{section}` 缺少必填的键 `{key}`。"),
        Text("Add `{key}:` to `{section}` in mkdocs.yml.", "在 mkdocs.yml 的 `{section}` 中加上 `{key}:`。"),
    ),
    rule(
        "config-date",
        "config",
        Text("A date that is not a real date written YYYY-MM-DD.", "不是按 YYYY-MM-DD 写的有效日期。"),
        Text("`{key}` is '{value}', which is not a real date written YYYY-MM-DD.", "`{key}` 的值“{value}”不是按 YYYY-MM-DD 写的有效日期。"),
        Text(
            'Write the real date as "YYYY-MM-DD", in quotes (e.g. "2026-11-25").',
            '写成带引号的有效日期 "YYYY-MM-DD"（例如 "2026-11-25"）。',
        ),
    ),
    rule(
        "config-markup",
        "config",
        Text(
            "HTML in a value of mkdocs.yml (a nav label, the site name, a label): the theme writes these into every page unescaped.",
            "mkdocs.yml 中的值含有 HTML（导航标题、网站名称、标签等）：主题会把它们原样写进每个页面。",
        ),
        Text("The value of `{key}` holds HTML ('{text}').", "`{key}` 的值里含有 HTML（“{text}”）。"),
        Text(
            "Write plain text: no tags (`<b>`, `<a …>`, `<img …>`).",
            "只写纯文本：不要写标签（如 `<b>`、`<a …>`、`<img …>`）。",
        ),
    ),
)

RULES: Mapping[str, Rule] = MappingProxyType({r.code: r for r in _RULES})
assert len(RULES) == len(_RULES), "a code is declared twice"

# Words around a message, by where the problem was found.
FRAMES: Mapping[str, Text] = MappingProxyType(
    {
        "": Text("{message}", "{message}"),
        "registry": Text("Contact registry: {message}", "联系方式登记表：{message}。"),
        "rendered": Text("{message} (found in the rendered page)", "{message}（在渲染后的页面中发现）。"),
        "search": Text("{message} (in the search index)", "{message}（在搜索索引中）。"),
    }
)
# How a printed finding labels its fix, after the message.
FIX_LABEL = Text(" Fix: {fix}", "修改方法：{fix}")


# -- using the table --------------------------------------------------------------


def _values(fields: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Fields as a small, hashable, picklable record (lists become tuples)."""

    def plain(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return tuple(plain(item) for item in value)
        return value

    return tuple(sorted((name, plain(value)) for name, value in fields.items()))


def check(code: str, case: str, fields: Iterable[tuple[str, Any]], frame: str = "") -> None:
    """Refuse a finding the catalogue cannot print: unknown code, case or frame, or
    fields that are not exactly the ones its templates name."""
    try:
        rule_ = RULES[code]
    except KeyError:
        raise ValueError(f"unknown rule code {code!r}: add it to helpcenter/guard/catalogue.py") from None
    if case not in rule_.cases:
        raise ValueError(f"{code}: unknown case {case!r}; known: {', '.join(map(repr, rule_.cases))}")
    if frame not in FRAMES:
        raise ValueError(f"unknown frame {frame!r}")
    given = {name for name, _ in fields}
    wanted = rule_.cases[case].fields
    if given != wanted:
        raise ValueError(f"{code}/{case or '-'}: fields {sorted(given)} given, the templates name {sorted(wanted)}")


def finding(code: str, path: str, line: int, case: str = "", /, *, frame: str = "", **fields: Any) -> Finding:
    """The one way to create a finding: `finding("insecure-link", "docs/en/a.md", 3, raw="http://x")`."""
    from .findings import Finding

    return Finding(path, line, code, case, _values(fields), frame)


def problem(code: str, case: str = "", /, **fields: Any) -> Problem:
    """A rule's verdict before it is placed at a file and line (see Problem.at)."""
    from .findings import Problem

    return Problem(code, case, _values(fields))


def render(code: str, case: str, fields: Iterable[tuple[str, Any]], lang: Lang, frame: str = "") -> tuple[str, str]:
    """(message, fix) in `lang`."""
    values = dict(fields)
    chosen = RULES[code].cases[case]
    message = chosen.message.format(lang, **values)
    if frame and lang == "zh":
        message = message.removesuffix("。")  # the frame ends the sentence
    return FRAMES[frame].format(lang, message=message), chosen.fix.format(lang, **values)


def lang_of(path: str) -> Lang | None:
    """The language a path is written in: the first folder named after a language
    (docs/zh/faq/x.md -> "zh"); None for files outside the language folders."""
    for part in path.replace("\\", "/").split("/")[:-1]:
        if part in LANGS:
            return part  # type: ignore[return-value]
    return None


def choose(path: str, lang: str | None = None) -> Lang:
    """The language to print a finding about `path` in: `lang` when forced, else the file's, else English."""
    if lang is not None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
        return lang  # type: ignore[return-value]
    return lang_of(path) or DEFAULT_LANG


def fails(severity: str) -> bool:
    """Whether a finding of this severity fails the build and the check."""
    return severity == "error"


# -- README's rule table ------------------------------------------------------------

RULES_START = "<!-- rules:start -->"
RULES_END = "<!-- rules:end -->"


def rules_table() -> str:
    """README's rule table, generated from the catalogue (scripts/rules_doc.py)."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    rows = [
        "<!-- Generated from helpcenter/guard/catalogue.py by scripts/rules_doc.py; do not edit by hand. -->",
        "",
        "| code | severity | what it means | 含义 |",
        "| --- | --- | --- | --- |",
    ]
    rows += [f"| `{r.code}` | {r.severity} | {cell(r.meaning.en)} | {cell(r.meaning.zh)} |" for r in _RULES]
    return "\n".join(rows)


@dataclass(frozen=True)
class Sayings:
    """A tool's own words (summaries, usage errors) in both languages, by key."""

    texts: Mapping[str, Text] = field(default_factory=dict)

    def __call__(self, key: str, lang: Lang, /, **fields: Any) -> str:
        return self.texts[key].format(lang, **fields)
