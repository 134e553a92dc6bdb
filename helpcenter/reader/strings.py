"""The interface's own words, in every language the site is built in.

Articles are written per language in docs/<lang>/; what the templates add around
them (the safety line, the home page's search, the 404 page, the print header,
the search hints) is said here, once per language, so no page shows an English
label on a Chinese page or the reverse. Templates read them as `hc.<key>`
(hooks/reader.py puts the page's language's table in the context).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        # every page
        "safety_line": "BitPie 客服绝不会索要你的助记词。",
        "safety_link": "识别假客服",
        "contact": "联系客服",
        "faq": "常见问题",
        "safety": "安全须知",
        "verify": "核对官方渠道",
        "footer_help": "需要帮助？",
        "menu": "菜单",
        "print_source": "来源",
        "permalink": "本节链接",
        "official": "官方",
        "not_official": "非官方",
        # a page whose twin changed since (helpcenter/reader/translation.py)
        "translation_outdated": "此译文可能已过时：英文版在上次同步之后有更新。",
        "translation_read": "阅读英文版",
        # home
        "search_label": "搜索帮助文章",
        "search_placeholder": "输入你的问题",
        "search_button": "搜索",
        "search_examples": "例如：忘记密码、助记词、转账未到账、假客服、人工客服",
        "categories": "按主题浏览",
        "most_asked": "大家最常问的问题",
        "all_faqs": "查看全部常见问题",
        "contact_card": "联系人工客服",
        "contact_card_text": "官方渠道、联系步骤，以及绝对不能发送的信息。",
        "contact_cta": "联系客服",
        "contact_cta_text": "没找到答案？通过官方渠道找到人工客服。",
        # search
        "search_other": "在英文版帮助中心搜索“{query}”",
        "search_other_lang": "en",
        # 404
        "not_found_title": "找不到这个页面",
        "not_found_text": "这个网址没有对应的页面，可能已经移动，或者网址输错了。可以搜索，或者从下面的常用页面开始。",
        "not_found_links": "常用页面",
        "not_found_home": "帮助中心首页",
        "not_found_other": "English: this page does not exist. Go to the English help center",
        # the old address of a renamed page (helpcenter/reader/redirects.py)
        "moved_title": "页面已移动",
        "moved_text": "这个页面已移到新地址：",
        "moved_note": "如果没有自动跳转，请点击上面的链接。",
    },
    "en": {
        "safety_line": "Support never asks for your recovery phrase.",
        "safety_link": "Spot fake support",
        "contact": "Contact support",
        "faq": "FAQ",
        "safety": "Safety",
        "verify": "Check an official channel",
        "footer_help": "Need help?",
        "menu": "Menu",
        "print_source": "Source",
        "permalink": "Link to this section",
        "official": "Official",
        "not_official": "Not official",
        "translation_outdated": "This translation may be out of date: the Chinese version has changed since.",
        "translation_read": "Read the Chinese version",
        "search_label": "Search the help center",
        "search_placeholder": "Type your question",
        "search_button": "Search",
        "search_examples": "For example: forgot password, recovery phrase, transfer not received, fake support",
        "categories": "Browse by topic",
        "most_asked": "Most asked questions",
        "all_faqs": "See all FAQs",
        "contact_card": "Reach a human",
        "contact_card_text": "Official channels, the steps to reach support, and what never to send.",
        "contact_cta": "Contact support",
        "contact_cta_text": "No answer here? Reach a human through official channels.",
        "search_other": "Search the Chinese help center for “{query}”",
        "search_other_lang": "zh",
        "not_found_title": "Page not found",
        "not_found_text": "There is no page at this address. It may have moved, or the address was mistyped. Search, or start from one of these pages.",
        "not_found_links": "Popular pages",
        "not_found_home": "Help center home",
        "not_found_other": "中文：这个页面不存在。前往中文帮助中心",
        "moved_title": "This page has moved",
        "moved_text": "This page has moved to a new address:",
        "moved_note": "If you are not taken there, follow the link above.",
    },
}


def strings_for(locale: str | None) -> dict[str, str]:
    """The table for a locale ("zh", "zh_CN", "en-US" ...); English when unknown."""
    code = (locale or "").replace("-", "_").split("_")[0].lower()
    return STRINGS.get(code, STRINGS["en"])
